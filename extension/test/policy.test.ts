/** « Never a wrong identifier »: what the autofill may do, for every kind of link and page. */
import { describe, expect, it } from 'vitest';
import type { BridgePlan } from '@raccord/core/bridge/protocol.js';
import { decideFill } from '../features/autofill/policy';
import { findPerson, indexPlan, usableId } from '../lib/people';
import { kosmos } from '../portals/kosmos';
import type { PronoteSlot, RecordPage } from '../portals/types';
import { loadReplica, replicaIndex, replicaPlan } from './helpers';

const record = (url: string): RecordPage => {
  loadReplica(url);
  return kosmos.record!(document, new URL(document.location.href))!;
};

describe('decideFill on the Kosmos replica records', () => {
  it.each([
    ['/kosmos/fiche-martin.html', 'fill'],
    ['/kosmos/fiche-durand.html', 'refused'],
    ['/kosmos/fiche-petit.html', 'conflict'],
    ['/kosmos/fiche-bernard.html', 'refused'],
    ['/kosmos/fiche-leroy.html', 'fill'],
    ['/kosmos/fiche-moreau.html', 'ok'],
    ['/kosmos/fiche-variante.html', 'no-slot'],
  ])('%s → %s', (url, kind) => {
    expect(decideFill(replicaIndex(), record(url)).kind).toBe(kind);
  });

  it('no plan → nothing', () => {
    expect(decideFill(null, record('/kosmos/fiche-martin.html'))).toEqual({ kind: 'no-plan' });
  });

  it('the certain link fills the plan school’s row with the expected ID, identified by login', () => {
    const d = decideFill(replicaIndex(), record('/kosmos/fiche-leroy.html'));
    expect(d.kind === 'fill' && [d.expected, d.slot.uai, d.by, d.confirm]).toEqual(['L4K8J2H6G9F3D5SA', '0310040A', 'login', false]);
  });

  it('ambiguous and unconfirmed links are refused, with the reason', () => {
    const durand = decideFill(replicaIndex(), record('/kosmos/fiche-durand.html'));
    expect(durand.kind === 'refused' && durand.reason).toBe('ambiguous');
    const bernard = decideFill(replicaIndex(), record('/kosmos/fiche-bernard.html'));
    expect(bernard.kind === 'refused' && bernard.reason).toBe('unconfirmed');
  });

  it('a different existing value is a conflict, never a plain fill', () => {
    const d = decideFill(replicaIndex(), record('/kosmos/fiche-petit.html'));
    expect(d.kind === 'conflict' && [d.current, d.expected]).toEqual(['X9X9X9X9X9X9X9X9', 'R5T8Y2U4I6O9P1AZ']);
  });

  it('a record with rows of other schools only: nothing filled', () => {
    const r = record('/kosmos/fiche-leroy.html');
    const d = decideFill(replicaIndex(), { ...r, slots: r.slots.filter((s) => s.uai !== '0310040A') });
    expect(d.kind).toBe('other-school');
  });

  it('two rows for the plan school: refuses to choose', () => {
    const r = record('/kosmos/fiche-martin.html');
    expect(decideFill(replicaIndex(), { ...r, slots: [r.slots[0]!, r.slots[0]!] }).kind).toBe('no-slot');
  });

  it('a designated field is used only when the adapter found no row', () => {
    const r = record('/kosmos/fiche-variante.html');
    const designated: PronoteSlot = { schoolLabel: 'Champ désigné', current: '', input: () => null };
    const d = decideFill(replicaIndex(), r, designated);
    expect(d.kind === 'fill' && d.slot).toBe(designated);
  });
});

describe('identifying the person', () => {
  const plan = replicaPlan();
  const index = indexPlan(plan);

  it('by login, case-insensitively', () => {
    expect(findPerson(index, { login: 'Claire.Martin' })).toMatchObject({ kind: 'found', by: 'login' });
  });

  it('by name and birth date when the page shows no login', () => {
    expect(findPerson(index, { family: 'Martin', given: 'Claire', birthDate: '1978-03-12' })).toMatchObject({ kind: 'found', by: 'name-birth' });
  });

  it('by name only → found, but the fill then asks for confirmation', () => {
    const r: RecordPage = { identity: { family: 'MOREAU', given: 'Paul' }, slots: [{ uai: '0310040A', schoolLabel: 'x', current: '', input: () => null }] };
    const m = { ...plan, people: plan.people.map((p) => (p.family === 'MOREAU' ? { ...p, entLogins: [] } : p)) };
    const d = decideFill(indexPlan(m), r);
    expect(d.kind === 'fill' && [d.by, d.confirm]).toEqual(['name', true]);
  });

  it('a login the plan does not know is not taken for a namesake that has an account', () => {
    expect(findPerson(index, { login: 'claire.martin2', family: 'MARTIN', given: 'Claire' })).toEqual({ kind: 'none' });
  });

  it('namesakes → several, nothing chosen', () => {
    const twin = { ...plan.people[0]!, key: 'sts:staff:9', entLogins: [], birthDate: undefined };
    const m = indexPlan({ ...plan, people: [...plan.people.map((p) => ({ ...p, birthDate: undefined, entLogins: [] })), twin] });
    expect(findPerson(m, { family: 'MARTIN', given: 'Claire' }).kind).toBe('several');
  });
});

describe('usableId: only certain or admin-confirmed, and unique in the plan', () => {
  const base = replicaPlan();
  const person = (over: Partial<BridgePlan['people'][number]>) => ({ ...base.people[0]!, ...over });
  const idx = (people: BridgePlan['people']) => indexPlan({ ...base, people });

  it.each([
    [{ decision: 'certain' as const }, { id: 'WEPYH43KJ2FZT9AS' }],
    [{ decision: 'probable' as const }, { refused: 'unconfirmed' }],
    [{ decision: 'probable' as const, confirmedByAdmin: true }, { id: 'WEPYH43KJ2FZT9AS' }],
    [{ decision: 'ambiguous' as const, confirmedByAdmin: true }, { refused: 'ambiguous' }],
    [{ pronoteId: undefined }, { refused: 'no-id' }],
  ])('%j → %j', (over, expected) => {
    const p = person(over);
    expect(usableId(idx([p]), p)).toEqual(expected);
  });

  it('an ID the plan gives to two people is never used', () => {
    const a = person({});
    const b = person({ key: 'other', family: 'AUTRE', entLogins: ['autre'] });
    expect(usableId(idx([a, b]), a)).toEqual({ refused: 'shared' });
  });
});
