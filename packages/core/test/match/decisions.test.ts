import { describe, expect, it } from 'vitest';
import { assignmentKey, match } from '../../src/match/index.js';
import { linkKey, type MatchResult } from '../../src/match/types.js';
import { account, dataset, prow, pupil } from './builders.js';

const of = (m: MatchResult, login: string) => m.assignments.find((x) => x.entLogin === login)!;

const E1 = { source: 'siecle', kind: 'pupil', id: 'E1' } as const;
const row = (id: string) => ({ source: 'pronote', kind: 'row', id }) as const;

/** Léa, 4A in SIECLE; PRONOTE has her (PN1) and a same-name, same-birth row in 3C (PN2). */
const twoRows = () =>
  dataset({
    pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
    pronoteRows: [
      prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
      prow('PN2', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '3C' }),
    ],
    entAccounts: [account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
  });

/** One pupil, one PRONOTE row with the name only: a probable link. */
const nameOnly = () =>
  dataset({
    pupils: [pupil('E1', 'DUPONT', 'Léa')],
    pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa')],
    entAccounts: [account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
  });

describe('admin decisions', () => {
  it('a rejected link is never proposed again; the next candidate is at most probable', () => {
    const before = of(match(twoRows()), 'lea');
    expect(before).toMatchObject({ pronoteId: 'PN1', decision: 'probable' });
    const m = match(twoRows(), { rejected: [linkKey({ from: E1, to: row('PN1') })] });
    const a = of(m, 'lea');
    expect(a.pronoteId).toBe('PN2');
    expect(a.decision).toBe('probable');
    expect(m.links.some((l) => l.to.id === 'PN1')).toBe(false);
  });

  it('a rejected certain link: the next proposal is capped at probable', () => {
    const ds = dataset({
      pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
      pronoteRows: [
        prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
        prow('PN3', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', ine: '999' }),
      ],
      entAccounts: [account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
    });
    const m = match(ds, { rejected: [linkKey({ from: E1, to: row('PN1') })] });
    expect(of(m, 'lea')).toMatchObject({ pronoteId: 'PN3', decision: 'probable' });
  });

  it('the only candidate rejected → no ID', () => {
    const m = match(nameOnly(), { rejected: [linkKey({ from: E1, to: row('PN1') })] });
    expect(of(m, 'lea')).toMatchObject({ pronoteId: null });
  });

  it('a rejection at the assignment level (ENT account → PRONOTE ID) moves to the next row', () => {
    const m = match(twoRows(), { rejected: [assignmentKey('lea', 'PN1')] });
    const a = of(m, 'lea');
    expect(a).toMatchObject({ pronoteId: 'PN2', decision: 'probable' });
    expect(a.evidence.join('\n')).toContain("refusé par l'administrateur");
    const none = match(nameOnly(), { rejected: [assignmentKey('lea', 'PN1')] });
    expect(of(none, 'lea')).toMatchObject({ pronoteId: null });
  });

  it('a confirmed probable link sets confirmedByAdmin on the link and the assignment', () => {
    const key = linkKey({ from: E1, to: row('PN1') });
    const m = match(nameOnly(), { confirmed: [key] });
    expect(of(m, 'lea')).toMatchObject({ pronoteId: 'PN1', decision: 'probable', confirmedByAdmin: true });
    expect(m.pronoteOf.get('siecle:pupil:E1')?.confirmedByAdmin).toBe(true);
    expect(of(match(nameOnly()), 'lea').confirmedByAdmin).toBeUndefined();
  });

  it('confirming the assignment itself works too', () => {
    const m = match(nameOnly(), { confirmed: [assignmentKey('lea', 'PN1')] });
    expect(of(m, 'lea')).toMatchObject({ pronoteId: 'PN1', confirmedByAdmin: true });
  });

  it('both links probable: confirming one is not enough', () => {
    const ds = dataset({
      pupils: [pupil('E1', 'DUPONT', 'Léa'), pupil('E2', 'AUTRE', 'Tom')],
      pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa')],
      entAccounts: [account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E999' }), account('tom', 'pupil', 'AUTRE', 'Tom', { joinKey: 'E2' })],
    });
    const ent = { source: 'ent', kind: 'account', id: 'lea' } as const;
    const one = match(ds, { confirmed: [linkKey({ from: E1, to: row('PN1') })] });
    expect(of(one, 'lea').confirmedByAdmin).toBeUndefined();
    const both = match(ds, { confirmed: [linkKey({ from: E1, to: row('PN1') }), linkKey({ from: ent, to: E1 })] });
    expect(of(both, 'lea')).toMatchObject({ pronoteId: 'PN1', decision: 'probable', confirmedByAdmin: true });
  });

  it('chosen[login] resolves an ambiguous account', () => {
    const ds = dataset({
      pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04' })],
      pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04' }), prow('PN2', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04' })],
      entAccounts: [account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
    });
    expect(of(match(ds), 'lea')).toMatchObject({ decision: 'ambiguous', pronoteId: null });
    const a = of(match(ds, { chosen: { lea: 'PN2' } }), 'lea');
    expect(a).toMatchObject({ pronoteId: 'PN2', confirmedByAdmin: true, status: 'chosen', decision: 'probable' });
    expect(a.evidence[0]).toBe("choisi par l'administrateur : DUPONT Léa");
  });

  it('a confirmed option of an ambiguous link becomes the confirmed proposal', () => {
    const ds = dataset({
      pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04' })],
      pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04' }), prow('PN2', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04' })],
      entAccounts: [account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
    });
    const m = match(ds, { confirmed: [linkKey({ from: E1, to: row('PN2') })] });
    expect(of(m, 'lea')).toMatchObject({ pronoteId: 'PN2', decision: 'probable', confirmedByAdmin: true });
  });

  it('a chosen ID that no longer exists is ignored, and said', () => {
    const a = of(match(nameOnly(), { chosen: { lea: 'GONE' } }), 'lea');
    expect(a.pronoteId).toBe('PN1');
    expect(a.confirmedByAdmin).toBeUndefined();
    expect(a.evidence[0]).toContain("le choix enregistré (GONE) n'existe plus");
  });

  it('rejecting the join-key link falls back to names, at most probable', () => {
    const ds = dataset({
      pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }), pupil('E2', 'DUPONT', 'Léa', { birth: '2011-05-05', division: '4A' })],
      pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
      entAccounts: [account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1', division: '4A' })],
    });
    const m = match(ds, { rejected: [linkKey({ from: { source: 'ent', kind: 'account', id: 'lea' }, to: E1 })] });
    const owner = m.entOwner.get('lea');
    expect(owner?.to.id).toBe('E2');
    expect(owner?.decision).toBe('probable');
  });
});
