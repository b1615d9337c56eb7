/**
 * The popup's state of each account: on the replica plan, on hand-made variants of it, and on the
 * plan the app builds for a generated school, checked against the generator's ground truth.
 */
import { describe, expect, it } from 'vitest';
import type { BridgePerson, BridgePlan } from '@raccord/core/bridge/protocol.js';
import { buildBridgePlan } from '@raccord/core/bridge/plan.js';
import { readFile } from '@raccord/core/formats/read.js';
import { assembleDataset } from '@raccord/core/model/dataset.js';
import { reconcile } from '@raccord/core/reconcile.js';
import { generateSchool } from '@raccord/core/sample/index.js';
import { accountState, idToCopy, type AccountState } from '../ui/account-state';
import { indexPlan } from '../lib/people';
import { replicaPlan } from './helpers';

function stateOf(plan: BridgePlan, family: string, login?: string): AccountState {
  const p = plan.people.find((x) => x.family === family)!;
  return accountState(indexPlan(plan), p, login ?? p.entLogins[0]!);
}

function edit(plan: BridgePlan, family: string, patch: Partial<BridgePerson>): BridgePlan {
  return { ...plan, people: plan.people.map((p) => (p.family === family ? { ...p, ...patch } : p)) };
}

describe('state of an account (replica plan)', () => {
  const plan = replicaPlan();

  it('certain, ENT empty → « à coller » the expected ID', () => {
    expect(stateOf(plan, 'MARTIN')).toEqual({ kind: 'paste', expected: 'WEPYH43KJ2FZT9AS' });
  });

  it('admin-confirmed probable link → « à coller »', () => {
    expect(stateOf(plan, 'LEROY')).toMatchObject({ kind: 'paste', expected: 'L4K8J2H6G9F3D5SA' });
  });

  it('ENT carries another ID → « à remplacer », with both IDs', () => {
    expect(stateOf(plan, 'PETIT')).toEqual({ kind: 'replace', expected: 'R5T8Y2U4I6O9P1AZ', current: 'X9X9X9X9X9X9X9X9' });
  });

  it('ENT already carries the expected ID → « déjà bon », nothing to copy', () => {
    const s = stateOf(edit(plan, 'MARTIN', { currentPronoteId: 'WEPYH43KJ2FZT9AS' }), 'MARTIN');
    expect(s).toEqual({ kind: 'right', expected: 'WEPYH43KJ2FZT9AS' });
    expect(idToCopy(s)).toBeUndefined();
  });

  it('ambiguous → « à décider dans Raccord » with its candidates, nothing to copy', () => {
    const s = stateOf(plan, 'DURAND');
    expect(s).toMatchObject({ kind: 'decide' });
    expect(s.kind === 'decide' && s.candidates.map((c) => c.pronoteId)).toEqual(['K7M2Q9XR4TZP8LBD', 'H3N8V6CW2YJF5RSA']);
    expect(idToCopy(s)).toBeUndefined();
  });

  it('no PRONOTE row → « absent de PRONOTE », not a probable link', () => {
    const s = stateOf(edit(plan, 'BERNARD', { pronoteStatus: 'no-pronote-row' }), 'BERNARD');
    expect(s.kind).toBe('absent');
    expect(idToCopy(s)).toBeUndefined();
    // The same person, a probable link not confirmed (or a plan that does not say): to decide.
    expect(stateOf(edit(plan, 'BERNARD', { pronoteStatus: 'linked' }), 'BERNARD')).toMatchObject({ kind: 'decide', why: expect.stringContaining('lien probable') });
    expect(stateOf(plan, 'BERNARD')).toMatchObject({ kind: 'decide', why: expect.stringContaining('lien probable') });
  });

  it('an ID the plan gives to two people: to decide — unless core says they are one person (sameAs)', () => {
    const twice = edit(plan, 'MOREAU', { pronoteId: 'WEPYH43KJ2FZT9AS' });
    expect(stateOf(twice, 'MOREAU')).toMatchObject({ kind: 'decide', why: expect.stringContaining('2 personnes') });
    expect(stateOf(twice, 'MARTIN').kind).toBe('decide');
    const duplicate = edit(edit(twice, 'MOREAU', { sameAs: 'g1' }), 'MARTIN', { sameAs: 'g1' });
    expect(stateOf(duplicate, 'MOREAU')).toMatchObject({ kind: 'paste', expected: 'WEPYH43KJ2FZT9AS', note: expect.stringContaining('MARTIN Claire') });
    // Two different groups (or one record without a group): still to decide.
    expect(stateOf(edit(twice, 'MOREAU', { sameAs: 'g1' }), 'MOREAU').kind).toBe('decide');
    expect(stateOf(edit(duplicate, 'MARTIN', { sameAs: 'g2' }), 'MOREAU').kind).toBe('decide');
  });

  it('a person with two accounts: each account has its own state', () => {
    const two = edit(plan, 'MARTIN', { entLogins: ['claire.martin', 'claire.martin2'], currentPronoteId: 'WEPYH43KJ2FZT9AS', currentByLogin: { 'claire.martin': 'WEPYH43KJ2FZT9AS' } });
    expect(stateOf(two, 'MARTIN', 'claire.martin').kind).toBe('right');
    expect(stateOf(two, 'MARTIN', 'claire.martin2').kind).toBe('paste');
  });
});

describe('state of every account of a generated school', () => {
  it('never a wrong ID to copy; « absent de PRONOTE » exactly for people without a row; « déjà bon » when the ENT is right', () => {
    const school = generateSchool({ seed: 5, pupils: 300 });
    const ds = assembleDataset(school.files.flatMap((f) => readFile(f.name, f.bytes)));
    const plan = buildBridgePlan(reconcile(ds), ds);
    const index = indexPlan(plan);
    const seen = new Map<string, number>();
    for (const [login, truth] of Object.entries(school.truth.assignments)) {
      const p = plan.people.find((x) => x.entLogins.includes(login));
      if (!p) continue;
      const s = accountState(index, p, login);
      seen.set(s.kind, (seen.get(s.kind) ?? 0) + 1);
      const id = idToCopy(s);
      if (id) expect(id, login).toBe(truth.pronoteId);
      if (s.kind === 'right') expect(truth.current, login).toBe(truth.pronoteId);
      if (s.kind === 'replace') expect(s.current, login).toBe(truth.current);
      if (s.kind === 'paste') expect(truth.current, login).toBeNull();
      if (truth.trap === 'not-in-pronote') expect(s.kind, login).toBe('absent');
      if (s.kind === 'absent') expect(truth.pronoteId, login).toBeNull();
    }
    for (const kind of ['paste', 'replace', 'right', 'absent', 'decide']) expect(seen.get(kind) ?? 0, `${kind} : ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
  }, 120_000);
});
