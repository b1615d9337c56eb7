/**
 * Guardian levels in the rules: orphans, missing accounts (which levels the ENT makes accounts
 * for), ambiguous owners (« à trancher », never « manquant »), the level named in each finding,
 * the mail merge.
 */
import { describe, expect, it } from 'vitest';
import { accountMissing } from '../../src/checks/account-missing.js';
import { accountOrphan } from '../../src/checks/account-orphan.js';
import { ambiguous } from '../../src/checks/ambiguous.js';
import { buildMailMerge } from '../../src/export/mailmerge.js';
import { guardianAccountPolicy, linkLevel, entCreatesAccount } from '../../src/model/guardians.js';
import type { GuardianLink } from '../../src/model/types.js';
import { account, ctx, dataset, emptyMatch, glink, guardian, linkEnt, pupil, ref, runRaw } from './fixtures.js';

const atLevel = (eleveId: string, personneId: string, level: number): GuardianLink => ({
  ...glink(eleveId, personneId, level === 1),
  level,
  respLegal: undefined,
});

describe('guardian levels (model)', () => {
  it('reads NIVEAU_RESPONSABILITE first, RESP_LEGAL otherwise', () => {
    expect([1, 2, 3, 4].map((level) => linkLevel({ level, legal: level === 1 }))).toEqual(['legal', 'in-charge', 'contact', 'contact']);
    expect(linkLevel({ legal: true })).toBe('legal');
    expect(linkLevel({ legal: false })).toBe('contact');
  });

  it('the ENT makes accounts for legal guardians, for « en charge » only when it says so, never for contacts', () => {
    const off = guardianAccountPolicy(undefined, ['legal', undefined]);
    const seen = guardianAccountPolicy(undefined, ['legal', 'in-charge']);
    const admin = guardianAccountPolicy(false, ['in-charge']);
    expect([off.inCharge, off.source, seen.inCharge, seen.source, admin.inCharge, admin.source]).toEqual([false, 'ent-export', true, 'ent-export', false, 'admin']);
    expect(['legal', 'in-charge', 'contact'].map((l) => entCreatesAccount(l as never, seen))).toEqual([true, true, false]);
    expect(entCreatesAccount('in-charge', off)).toBe(false);
  });
});

describe('orphans and guardian levels', () => {
  const ds = dataset({
    pupils: [pupil('1', 'DUPONT', 'Léa'), pupil('2', 'PARTI', 'Max', { left: true })],
    guardians: [guardian('G1', 'ROUX', 'Josette'), guardian('G2', 'PARTI', 'Paul'), guardian('G3', 'DUPONT', 'Jean')],
    guardianLinks: [atLevel('1', 'G1', 2), atLevel('2', 'G2', 1), atLevel('1', 'G3', 3)],
    entAccounts: [
      account('josette', 'ROUX', 'Josette', { profile: 'guardian' }),
      account('paul', 'PARTI', 'Paul', { profile: 'guardian' }),
      account('jean', 'DUPONT', 'Jean', { profile: 'guardian' }),
    ],
  });
  const m = emptyMatch();
  linkEnt(m, 'josette', ref.guardian('G1'));
  linkEnt(m, 'paul', ref.guardian('G2'));
  linkEnt(m, 'jean', ref.guardian('G3'));

  it('an account of a « personne en charge » or a contact of a present pupil is not an orphan; a guardian of leavers only is, with the level said', () => {
    const found = runRaw(accountOrphan, ctx(ds, m));
    expect(found.map((f) => f.subjects.map((s) => s.id))).toEqual([['paul', 'G2']]);
    expect(found[0]!.evidence[0]).toContain("responsable légal d'élèves qui ne sont plus présents");
    expect(found[0]!.subjects[1]!.label).toBe('PARTI Paul (responsable légal)');
  });

  it('the mail merge gives the « personne en charge » a letter, with the level, and leaves the guardian of leavers out', () => {
    const mm = buildMailMerge(dataset({ ...ds, entAccounts: ds.entAccounts.map((a) => ({ ...a, password: 'pw' })) }), m, { profile: 'parents' });
    expect(mm.rows.map((r) => [r.login, r.childGiven, r.responsibility])).toEqual([
      ['jean', 'Léa', 'contact'],
      ['josette', 'Léa', 'personne en charge'],
    ]);
    expect(mm.csv).toContain(';personne en charge;');
    expect(mm.excluded.map((x) => x.login)).toEqual(['paul']);
  });
});

describe('missing accounts and guardian levels', () => {
  const people = {
    pupils: [pupil('1', 'DUPONT', 'Léa'), pupil('2', 'MARTIN', 'Hugo', { division: '3B' })],
    guardians: [guardian('G1', 'DUPONT', 'Marie'), guardian('G2', 'ROUX', 'Josette'), guardian('G3', 'DUPONT', 'Jean'), guardian('G4', 'BLANC', 'Luc')],
    guardianLinks: [atLevel('1', 'G1', 1), atLevel('1', 'G2', 2), atLevel('1', 'G3', 3), atLevel('2', 'G4', 2)],
  };
  const accounts = [account('lea', 'DUPONT', 'Léa'), account('marie', 'DUPONT', 'Marie', { profile: 'guardian' })];
  const missing = (o: { luc?: boolean; setting?: boolean }) => {
    const ds = dataset({ ...people, entAccounts: o.luc ? [...accounts, account('luc', 'BLANC', 'Luc', { profile: 'guardian' })] : accounts });
    if (o.setting !== undefined) ds.settings = { personInChargeAccounts: o.setting };
    const m = emptyMatch();
    linkEnt(m, 'lea', ref.pupil('1'));
    linkEnt(m, 'marie', ref.guardian('G1'));
    if (o.luc) linkEnt(m, 'luc', ref.guardian('G4'));
    return runRaw(accountMissing, ctx(ds, m));
  };

  it('an ENT export without any « en charge » account: a « personne en charge » without account is expected, a contact always', () => {
    expect(missing({}).map((f) => f.subjects.map((s) => s.id))).toEqual([['2']]);
  });

  it('an export holding a « personne en charge »’s account: the others are expected too, and the finding says the level and why', () => {
    const found = missing({ luc: true });
    const josette = found.find((f) => f.subjects[0]!.id === 'G2')!;
    expect(josette.evidence[0]).toMatch(/^Personne en charge ROUX Josette, PERSONNE_ID G2 \(de DUPONT Léa \(3A\)\) : aucun compte ENT\./);
    expect(josette.evidence[1]).toContain("l'export ENT contient des comptes de personnes en charge");
    expect(josette.fix).toContain('import-person-in-charge');
    expect(found.some((f) => f.subjects[0]!.id === 'G3')).toBe(false);
  });

  it("the admin's setting wins over the export, both ways", () => {
    expect(missing({ luc: true, setting: false }).some((f) => f.subjects[0]!.id === 'G2')).toBe(false);
    const on = missing({ setting: true });
    expect(on.find((f) => f.subjects[0]!.id === 'G2')!.evidence[1]).toContain("réglage de l'administrateur");
  });
});

describe('two guardians with the same name: « à trancher », never « manquant »', () => {
  const ds = dataset({
    pupils: [pupil('1', 'MOREAU', 'Léa', { division: '2NDE1' }), pupil('2', 'BOYER', 'Tom', { division: '1G2' })],
    guardians: [
      guardian('G1', 'MOREAU', 'Sandrine', { civility: 'MME', address: { lines: ['3 rue des Lilas'], postcode: '31000', city: 'TOULOUSE' }, phoneMobile: '0611111111', email: 's.moreau@example.fr' }),
      guardian('G2', 'MOREAU', 'Sandrine', { civility: 'MME', address: { lines: ['8 avenue Foch'], postcode: '31500', city: 'TOULOUSE' }, phoneMobile: '0622222222' }),
    ],
    guardianLinks: [glink('1', 'G1'), glink('2', 'G2')],
    entAccounts: [
      account('lea', 'MOREAU', 'Léa', { division: '2NDE1' }),
      account('tom', 'BOYER', 'Tom', { division: '1G2' }),
      account('sandrine.moreau', 'MOREAU', 'Sandrine', { profile: 'guardian' }),
      account('sandrine.moreau2', 'MOREAU', 'Sandrine', { profile: 'guardian' }),
    ],
  });
  const m = emptyMatch();
  linkEnt(m, 'lea', ref.pupil('1'));
  linkEnt(m, 'tom', ref.pupil('2'));
  // As the matcher leaves them: each account hesitates between the two records.
  for (const login of ['sandrine.moreau', 'sandrine.moreau2']) {
    const l = { from: ref.account(login), to: ref.guardian('G1'), decision: 'ambiguous' as const, score: 0.5, evidence: ['même nom'], candidates: [ref.guardian('G1'), ref.guardian('G2')] };
    m.links.push(l);
    m.entOwner.set(login, l);
    m.assignments.push({ entLogin: login, pronoteId: null, decision: 'ambiguous', evidence: [], candidates: [], status: 'ambiguous-owner' });
  }

  it('no missing account for either of them', () => {
    expect(runRaw(accountMissing, ctx(ds, m))).toEqual([]);
  });

  it('one match.ambiguous finding with both accounts and both records, each candidate with children, address, phone and e-mail', () => {
    const found = runRaw(ambiguous, ctx(ds, m));
    expect(found).toHaveLength(1);
    expect(found[0]!.subjects.map((s) => s.id).sort()).toEqual(['G1', 'G2', 'sandrine.moreau', 'sandrine.moreau2']);
    const text = found[0]!.evidence.join('\n');
    expect(text).toContain('à trancher');
    expect(text).toContain(
      'Candidat MME MOREAU Sandrine, PERSONNE_ID G1 : responsable légal de MOREAU Léa (2NDE1) ; adresse 3 rue des Lilas, 31000 TOULOUSE ; tél. 0611111111 ; courriel s.moreau@example.fr.',
    );
    expect(text).toContain('Candidat MME MOREAU Sandrine, PERSONNE_ID G2 : responsable légal de BOYER Tom (1G2) ; adresse 8 avenue Foch, 31500 TOULOUSE ; tél. 0622222222.');
  });
});
