/** « Never a wrong identifier »: what the autofill may do, for every kind of link and page. */
import { describe, expect, it } from 'vitest';
import type { BridgePlan } from '@raccord/core/bridge/protocol.js';
import { decideFill } from '../features/autofill/policy';
import { findPerson, indexPlan, usableId } from '../lib/people';
import { kosmos } from '../portals/kosmos';
import type { PronoteSlot, RecordPage } from '../portals/types';
import { loadReplica, replicaIndex, replicaPlan } from './helpers';
import { HENRY, HENRY2 } from './twins';

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
    // No PRONOTE row: nothing to confirm, whatever the link's grade (« absent de PRONOTE »).
    [{ pronoteId: undefined, decision: 'probable' as const, pronoteStatus: 'no-pronote-row' as const }, { refused: 'no-pronote-row' }],
    [{ pronoteId: undefined, decision: 'probable' as const, pronoteStatus: 'linked' as const }, { refused: 'unconfirmed' }],
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

describe('one person entered twice in SIECLE (seed 001, 5/5): the same ID on each account', () => {
  const base = replicaPlan();
  const [first, second] = [HENRY, HENRY2];
  const slot: PronoteSlot = { uai: '0310040A', schoolLabel: 'Lpo (0310040A)', current: '', input: () => null };
  const idx = (people: BridgePlan['people']) => indexPlan({ ...base, people: [...base.people, ...people] });

  it('both records of one sameAs group get the ID, each told of the other', () => {
    const index = idx([first, second]);
    expect(usableId(index, first)).toEqual({ id: '164AQZ4Q2BB84BW8', sameAs: [second] });
    expect(usableId(index, second)).toEqual({ id: '164AQZ4Q2BB84BW8', sameAs: [first] });
  });

  it('two different people claiming one ID stay refused: other group, or no group', () => {
    expect(usableId(idx([first, { ...second, sameAs: 'siecle:guardian:9' }]), first)).toEqual({ refused: 'shared' });
    expect(usableId(idx([first, { ...second, sameAs: undefined }]), first)).toEqual({ refused: 'shared' });
    expect(usableId(idx([{ ...first, sameAs: undefined }, second]), second)).toEqual({ refused: 'shared' });
  });

  it('a record of the group whose own link is not sure is still refused', () => {
    const unsure = { ...second, decision: 'probable' as const };
    expect(usableId(idx([first, unsure]), unsure)).toEqual({ refused: 'unconfirmed' });
  });

  it('each account, found by its login: a fill that asks for one confirmation and names the other record', () => {
    const index = idx([first, second]);
    for (const [me, other] of [[first, second], [second, first]] as const) {
      const d = decideFill(index, { identity: { login: me.entLogins[0] }, slots: [slot] });
      expect(d.kind === 'fill' && [d.person.key, d.expected, d.confirm, d.by, d.sameAs]).toEqual([me.key, '164AQZ4Q2BB84BW8', true, 'login', [other]]);
    }
  });

  it('both records found by name alone (one accent apart): not a doubt, one ID, confirmed first', () => {
    const index = idx([{ ...first, entLogins: [] }, { ...second, entLogins: [] }]);
    const d = decideFill(index, { identity: { family: 'HENRY', given: 'Eric' }, slots: [slot] });
    expect(d.kind === 'fill' && [d.expected, d.confirm, d.by]).toEqual(['164AQZ4Q2BB84BW8', true, 'name']);
  });
});

describe('a person chosen by the admin (the page did not say whose record it is)', () => {
  const index = replicaIndex();
  const plan = replicaPlan();
  const slot: PronoteSlot = { uai: '0310040A', schoolLabel: 'Lpo (0310040A)', current: '', input: () => null };
  const byLogin = (l: string) => plan.people.find((p) => p.entLogins.includes(l))!;

  it('a page with neither name nor login: unknown, and says it is empty', () => {
    expect(decideFill(index, { identity: {}, slots: [slot] })).toEqual({ kind: 'unknown-person', empty: true });
    expect(decideFill(index, { identity: { login: 'inconnu.x', family: 'INCONNU' }, slots: [slot] })).toEqual({ kind: 'unknown-person', empty: false });
  });

  it('the chosen person with a certain link: a fill, by choice, that asks for confirmation', () => {
    const d = decideFill(index, { identity: {}, slots: [slot] }, undefined, byLogin('claire.martin'));
    expect(d.kind === 'fill' && [d.expected, d.by, d.confirm]).toEqual(['WEPYH43KJ2FZT9AS', 'choice', true]);
  });

  it('the same fill policy: a chosen ambiguous or unconfirmed person fills nothing', () => {
    for (const [login, reason] of [['lucas.durand', 'ambiguous'], ['hugo.bernard', 'unconfirmed'], ['lea.ancien', 'no-id']] as const) {
      const d = decideFill(index, { identity: {}, slots: [slot] }, undefined, byLogin(login));
      expect(d.kind === 'refused' && [d.reason, d.by], login).toEqual([reason, 'choice']);
    }
  });

  it('the choice replaces what the page says (homonyms on the page)', () => {
    const d = decideFill(index, { identity: { family: 'NOBODY' }, slots: [{ ...slot, current: 'WEPYH43KJ2FZT9AS' }] }, undefined, byLogin('claire.martin'));
    expect(d.kind).toBe('ok');
  });
});
