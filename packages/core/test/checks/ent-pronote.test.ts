import { describe, expect, it } from 'vitest';
import { accountMissing } from '../../src/checks/account-missing.js';
import { accountOrphan } from '../../src/checks/account-orphan.js';
import { notInPronote } from '../../src/checks/not-in-pronote.js';
import { sharedId } from '../../src/checks/shared-id.js';
import { idConflict } from '../../src/checks/id-conflict.js';
import { ambiguous } from '../../src/checks/ambiguous.js';
import { runChecks } from '../../src/checks/index.js';
import { account, assign, runRaw, ctx, dataset, emptyMatch, glink, guardian, linkEnt, linkPronote, prow, pupil, ref, teacher } from './fixtures.js';

describe('ent.account-missing', () => {
  const lea = pupil('1', 'DUPONT', 'Léa', { entryDate: '2025-09-01' });
  const hugo = pupil('2', 'MARTIN', 'Hugo', { entryDate: '2025-09-29' });
  const late = pupil('3', 'ROUX', 'Lou', { entryDate: '2025-10-03' });
  const mum = guardian('G1', 'DUPONT', 'Marie');

  function setup() {
    const ds = dataset({
      pupils: [lea, hugo, late],
      guardians: [mum],
      guardianLinks: [glink('1', 'G1')],
      staff: [teacher('T1', 'PROF', 'Jean')],
      entAccounts: [account('lea.dupont', 'DUPONT', 'Léa'), account('x.parent', 'X', 'Y', { profile: 'guardian' }), account('t.prof', 'PROF', 'Jean', { profile: 'teacher' })],
      exportDates: { 'ent-accounts': '2025-10-01' },
    });
    const m = emptyMatch();
    linkEnt(m, 'lea.dupont', ref.pupil('1'));
    linkEnt(m, 't.prof', ref.staff('T1'));
    return { ds, m };
  }

  it('reports the missing accounts, info for recent arrivals (48–72 h) and arrivals after the export', () => {
    const { ds, m } = setup();
    const found = runRaw(accountMissing, ctx(ds, m));
    const by = new Map(found.map((f) => [f.subjects[0]!.id, f]));
    expect([...by.keys()].sort()).toEqual(['2', '3', 'G1']);
    expect(by.get('2')!.severity).toBe('info');
    expect(by.get('2')!.evidence.join()).toContain("l'AAF met 48 à 72 h");
    expect(by.get('3')!.severity).toBe('info');
    expect(by.get('3')!.evidence.join()).toContain("après l'export ENT du 01/10/2025");
    expect(by.get('G1')!.severity).toBeUndefined();
    expect(by.get('G1')!.evidence[0]).toContain('de DUPONT Léa (3A)');
    expect(by.get('G1')!.fix).toContain('onglet Responsables');
  });

  it('is an error once the AAF delay is over', () => {
    const { ds, m } = setup();
    const [f] = runChecks(ctx({ ...ds, exportDates: { 'ent-accounts': '2025-10-10' } }, m), [accountMissing]).filter((x) => x.subjects[0]!.id === '2');
    expect(f!.severity).toBe('error');
    expect(f!.evidence.join()).toContain('le délai de l\'AAF est dépassé');
  });

  it('only checks the profiles the ENT export holds', () => {
    const { ds, m } = setup();
    const pupilsOnly = { ...ds, entAccounts: ds.entAccounts.filter((a) => a.profile === 'pupil') };
    expect(accountMissing.run(ctx(pupilsOnly, m)).map((f) => f.subjects[0]!.id).sort()).toEqual(['2', '3']);
  });

  it('does nothing without an ENT export', () => {
    expect(accountMissing.run(ctx(dataset({ pupils: [lea] })))).toEqual([]);
  });
});

describe('ent.account-orphan', () => {
  it('reports accounts of leavers and of nobody, not of current people nor undecided ones', () => {
    const ds = dataset({
      pupils: [pupil('1', 'DUPONT', 'Léa'), pupil('2', 'GONE', 'Max', { left: true, leaveDate: '2025-09-15' })],
      entAccounts: [
        account('lea', 'DUPONT', 'Léa'),
        account('max', 'GONE', 'Max'),
        account('ghost', 'FANTOME', 'Casper', { division: '5B' }),
        account('amb', 'AMBI', 'Gu'),
        account('agent', 'AGENT', 'Paul', { profile: 'staff' }),
      ],
    });
    const m = emptyMatch();
    linkEnt(m, 'lea', ref.pupil('1'));
    linkEnt(m, 'max', ref.pupil('2'));
    linkEnt(m, 'amb', ref.pupil('1'), 'ambiguous');
    const found = accountOrphan.run(ctx(ds, m));
    expect(found.map((f) => f.subjects[0]!.id)).toEqual(['max', 'ghost']);
    expect(found[0]!.evidence[0]).toContain('sorti(e) le 15/09/2025');
    expect(found[0]!.subjects[1]).toMatchObject({ kind: 'pupil', id: '2' });
    expect(found[1]!.evidence[0]).toContain('introuvable parmi les élèves de SIECLE');
  });

  it('does not judge teachers without an STS-web export', () => {
    const ds = dataset({ pupils: [pupil('1', 'A', 'B')], entAccounts: [account('t', 'PROF', 'X', { profile: 'teacher' })] });
    expect(accountOrphan.run(ctx(ds))).toEqual([]);
  });
});

describe('pronote.not-in-pronote', () => {
  const ds = dataset({
    pupils: [pupil('1', 'DUPONT', 'Léa'), pupil('2', 'NEW', 'Bie', { entryDate: '2025-09-20' }), pupil('3', 'PENDING', 'Zoé', { entryDate: '2025-09-30' })],
    staff: [teacher('T1', 'PROF', 'Jean'), teacher('S1', 'AGENT', 'Paul', { function: 'ADF' })],
    entAccounts: [account('lea', 'DUPONT', 'Léa'), account('new', 'NEW', 'Bie'), account('prof', 'PROF', 'Jean', { profile: 'teacher' })],
    pronoteRows: [prow('PN1', 'DUPONT', 'Léa'), prow('PNT', 'AUTRE', 'Prof', { profile: 'teacher' })],
    exportDates: { 'pronote-ids': '2025-09-10' },
  });
  const m = emptyMatch();
  linkEnt(m, 'lea', ref.pupil('1'));
  linkEnt(m, 'new', ref.pupil('2'));
  linkEnt(m, 'prof', ref.staff('T1'));
  linkPronote(m, ref.pupil('1'), 'PN1');

  it('reports current people with no PRONOTE row, with their ENT accounts, and the teacher procedure for teachers', () => {
    const found = runRaw(notInPronote, ctx(ds, m));
    expect(found.map((f) => f.subjects.map((s) => s.id))).toEqual([['2', 'new'], ['3'], ['T1', 'prof']]);
    expect(found[0]!.evidence.join()).toContain("après l'export PRONOTE du 10/09/2025");
    expect(found[0]!.fix).toBeUndefined();
    expect(found[1]!.evidence[0]).toContain('pas encore de compte ENT');
    expect(found[2]!.fix).toContain('Déclarer son service dans EDT');
  });

  it('says nothing of non-teaching staff (PRONOTE gives them no ID), nor of someone the matcher links unsurely', () => {
    const unsure = emptyMatch();
    linkPronote(unsure, ref.pupil('1'), 'PN1');
    linkPronote(unsure, ref.pupil('2'), 'PN1', 'ambiguous');
    linkPronote(unsure, ref.pupil('3'), 'PN1', 'probable');
    linkPronote(unsure, ref.staff('T1'), 'PNT', 'probable');
    expect(runRaw(notInPronote, ctx(ds, unsure))).toEqual([]);
  });

  it('does not judge guardians when the PRONOTE list has none', () => {
    const ds2 = dataset({
      pupils: [pupil('1', 'DUPONT', 'Léa')],
      guardians: [guardian('G1', 'DUPONT', 'Marie')],
      guardianLinks: [glink('1', 'G1')],
      entAccounts: [account('mum', 'DUPONT', 'Marie', { profile: 'guardian' })],
      pronoteRows: [prow('PN1', 'DUPONT', 'Léa')],
    });
    const m2 = emptyMatch();
    linkEnt(m2, 'mum', ref.guardian('G1'));
    linkPronote(m2, ref.pupil('1'), 'PN1');
    expect(notInPronote.run(ctx(ds2, m2))).toEqual([]);
  });

  it('counts a SIECLE duplicate once: its second record needs no PRONOTE row of its own', () => {
    const dup = dataset({
      pupils: [pupil('1', 'NOËL', 'Flavie', { ine: '111' }), pupil('9', 'NOEL', 'Flavie')],
      entAccounts: [account('flavie', 'NOËL', 'Flavie'), account('flavie2', 'NOEL', 'Flavie')],
      pronoteRows: [prow('PN1', 'NOËL', 'Flavie')],
    });
    const md = emptyMatch();
    linkEnt(md, 'flavie', ref.pupil('1'));
    linkEnt(md, 'flavie2', ref.pupil('9'));
    linkPronote(md, ref.pupil('1'), 'PN1', 'probable');
    expect(notInPronote.run(ctx(dup, md))).toEqual([]);
    const [f] = sharedId.run(ctx(dup, md));
    expect(f!.subjects.map((s) => s.id)).toEqual(['PN1', 'flavie', 'flavie2', '1', '9']);
  });
});

describe('pronote.shared-id', () => {
  const ds = dataset({
    guardians: [guardian('P1', 'LEFÈVRE', 'Hélène'), guardian('P2', 'LEFEVRE', 'Helene')],
    entAccounts: [account('h.lefevre', 'LEFÈVRE', 'Hélène', { profile: 'guardian' }), account('h.lefevre1', 'LEFEVRE', 'Helene', { profile: 'guardian' })],
    pronoteRows: [prow('WEPYH43KJ2FZT9AS', 'LEFÈVRE', 'Hélène', { profile: 'guardian' })],
  });

  it('finds one PRONOTE ID expected on two ENT accounts (from assignments)', () => {
    const m = emptyMatch();
    assign(m, { entLogin: 'h.lefevre', pronoteId: 'WEPYH43KJ2FZT9AS' });
    assign(m, { entLogin: 'h.lefevre1', pronoteId: 'WEPYH43KJ2FZT9AS', decision: 'probable', confirmedByAdmin: true });
    const [f, ...rest] = sharedId.run(ctx(ds, m));
    expect(rest).toEqual([]);
    expect(f!.subjects.map((s) => s.id)).toEqual(['WEPYH43KJ2FZT9AS', 'h.lefevre', 'h.lefevre1']);
    expect(f!.evidence[0]).toContain('revient à 2 comptes ENT : h.lefevre, h.lefevre1');
    expect(f!.evidence[1]).toContain("ne porte pas d'identifiant PRONOTE");
  });

  it('finds it from person links too (two SIECLE records, one PRONOTE row)', () => {
    const m = emptyMatch();
    linkEnt(m, 'h.lefevre', ref.guardian('P1'));
    linkEnt(m, 'h.lefevre1', ref.guardian('P2'));
    linkPronote(m, ref.guardian('P1'), 'WEPYH43KJ2FZT9AS');
    linkPronote(m, ref.guardian('P2'), 'WEPYH43KJ2FZT9AS');
    const [f] = sharedId.run(ctx(ds, m));
    expect(f!.subjects.map((s) => s.id)).toEqual(['WEPYH43KJ2FZT9AS', 'h.lefevre', 'h.lefevre1', 'P1', 'P2']);
  });

  it('is silent once both accounts carry the ID, and ignores unsure assignments', () => {
    const m = emptyMatch();
    assign(m, { entLogin: 'h.lefevre', pronoteId: 'WEPYH43KJ2FZT9AS', currentPronoteId: 'WEPYH43KJ2FZT9AS' });
    assign(m, { entLogin: 'h.lefevre1', pronoteId: 'WEPYH43KJ2FZT9AS', currentPronoteId: 'WEPYH43KJ2FZT9AS' });
    expect(sharedId.run(ctx(ds, m))).toEqual([]);
    const unsure = emptyMatch();
    assign(unsure, { entLogin: 'h.lefevre', pronoteId: 'WEPYH43KJ2FZT9AS' });
    assign(unsure, { entLogin: 'h.lefevre1', pronoteId: 'WEPYH43KJ2FZT9AS', decision: 'probable' });
    expect(sharedId.run(ctx(ds, unsure))).toEqual([]);
  });
});

describe('pronote.id-conflict', () => {
  it('reports a different ID already in the ENT, naming whose it is', () => {
    const ds = dataset({
      entAccounts: [account('lea', 'DUPONT', 'Léa'), account('lou', 'DUPONT', 'Lou')],
      pronoteRows: [prow('PN1', 'DUPONT', 'Léa'), prow('PN2', 'DUPONT', 'Lou')],
    });
    const m = emptyMatch();
    assign(m, { entLogin: 'lea', pronoteId: 'PN1', currentPronoteId: 'PN2', evidence: ['même date de naissance'] });
    assign(m, { entLogin: 'lou', pronoteId: 'PN2', currentPronoteId: 'PN2' });
    assign(m, { entLogin: 'x', pronoteId: 'PN9', currentPronoteId: 'PN8', decision: 'probable' });
    const [f, ...rest] = idConflict.run(ctx(ds, m));
    expect(rest).toEqual([]);
    expect(f!.subjects.map((s) => s.id)).toEqual(['lea', 'PN1', 'PN2']);
    expect(f!.evidence[0]).toContain("l'ENT porte PN2 ; PRONOTE attend PN1");
    expect(f!.evidence[1]).toContain('attendu sur le compte lou');
  });

  it('also reports, when the right ID is only probable, an ID PRONOTE does not know or that another account should carry', () => {
    const ds = dataset({
      entAccounts: [account('t1', 'MEYER', 'Jérôme', { profile: 'teacher' }), account('t2', 'GASCAT', 'Bérangère', { profile: 'teacher' }), account('t3', 'SARRENS', 'Loïc', { profile: 'teacher' }), account('t4', 'X', 'Y', { profile: 'teacher' })],
      pronoteRows: [prow('PN1', 'MEYER', 'Jérôme', { profile: 'teacher' }), prow('PN2', 'GASCAT', 'Bérangère', { profile: 'teacher' }), prow('PN3', 'SARRENS', 'Loïc', { profile: 'teacher' }), prow('PN4', 'X', 'Y', { profile: 'teacher' })],
    });
    const m = emptyMatch();
    assign(m, { entLogin: 't1', pronoteId: 'PN1', decision: 'probable', currentPronoteId: 'STALE0000000' });
    assign(m, { entLogin: 't2', pronoteId: 'PN2', decision: 'probable', currentPronoteId: 'PN3' });
    assign(m, { entLogin: 't3', pronoteId: 'PN3', decision: 'probable' });
    assign(m, { entLogin: 't4', pronoteId: 'PN4', decision: 'probable', currentPronoteId: 'PN1' });
    const found = idConflict.run(ctx(ds, m));
    expect(found.map((f) => f.subjects.map((s) => s.id))).toEqual([['t1', 'PN1'], ['t2', 'PN2', 'PN3'], ['t4', 'PN4', 'PN1']]);
    expect(found[0]!.evidence[0]).toContain('rapprochement probable à confirmer');
    expect(found[0]!.evidence[1]).toContain('ne figure pas dans la liste PRONOTE');
  });
});

describe('match.ambiguous', () => {
  it('lists the candidates of an ambiguous assignment and of an ambiguous owner link', () => {
    const ds = dataset({
      pupils: [pupil('1', 'MARTIN', 'Léa', { division: '3A' }), pupil('2', 'MARTIN', 'Léa', { division: '3B', birthDate: '2011-06-06' })],
      entAccounts: [account('lea', 'MARTIN', 'Léa'), account('lea2', 'MARTIN', 'Lea')],
    });
    const m = emptyMatch();
    linkEnt(m, 'lea', ref.pupil('1'), 'ambiguous', [ref.pupil('2')]);
    assign(m, { entLogin: 'lea', decision: 'ambiguous' });
    assign(m, {
      entLogin: 'lea2',
      decision: 'ambiguous',
      person: ref.pupil('2'),
      candidates: [
        { pronoteId: 'PN1', label: 'MARTIN Léa (3A)', evidence: ['même nom'] },
        { pronoteId: 'PN2', label: 'MARTIN Léa (3B)', evidence: ['même nom'] },
      ],
    });
    const found = ambiguous.run(ctx(ds, m));
    expect(found).toHaveLength(2);
    expect(found[0]!.subjects.map((s) => s.id)).toEqual(['lea', '1', '2']);
    expect(found[0]!.evidence[0]).toContain('à trancher');
    // Each candidate with what tells it apart (class, ids, birth date).
    expect(found[0]!.evidence.filter((e) => e.startsWith('Candidat MARTIN Léa (3'))).toHaveLength(2);
    expect(found[1]!.subjects.map((s) => s.id)).toEqual(['lea2', '2', 'PN1', 'PN2']);
    expect(found[1]!.evidence.join('\n')).toContain('Candidat PN2 : MARTIN Léa (3B)');
  });

  it('reports two accounts hesitating between the same rows as one question', () => {
    const ds = dataset({ pronoteRows: [prow('PN1', 'HUET', 'Joël', { profile: 'teacher' }), prow('PN2', 'HUET', 'Joël', { profile: 'teacher' })] });
    const m = emptyMatch();
    const cands = [
      { pronoteId: 'PN1', label: 'HUET Joël', evidence: ['même nom'] },
      { pronoteId: 'PN2', label: 'HUET Joël', evidence: ['même nom'] },
    ];
    assign(m, { entLogin: 'joel.huet', decision: 'ambiguous', candidates: cands });
    assign(m, { entLogin: 'joel.huet2', decision: 'ambiguous', candidates: cands });
    const found = ambiguous.run(ctx(ds, m));
    expect(found.map((f) => f.subjects.map((s) => s.id))).toEqual([['joel.huet', 'PN1', 'PN2', 'joel.huet2']]);
  });

  it('does not ask when the ENT already carries one of the candidates, carried by no other account', () => {
    const m = emptyMatch();
    assign(m, { entLogin: 'c', decision: 'ambiguous', currentPronoteId: 'PN1', candidates: [{ pronoteId: 'PN1', label: 'x', evidence: [] }, { pronoteId: 'PN2', label: 'y', evidence: [] }] });
    expect(ambiguous.run(ctx(dataset(), m))).toEqual([]);
  });

  it('reports an ambiguous person → PRONOTE link of someone without an ENT account', () => {
    const ds = dataset({ pupils: [pupil('1', 'MARTIN', 'Léa')], pronoteRows: [prow('PN1', 'MARTIN', 'Léa'), prow('PN2', 'MARTIN', 'Lea')] });
    const m = emptyMatch();
    const l = linkPronote(m, ref.pupil('1'), 'PN1', 'ambiguous');
    l.candidates = [ref.row('PN2')];
    const [f] = ambiguous.run(ctx(ds, m));
    expect(f!.subjects[0]).toMatchObject({ kind: 'pupil', id: '1', label: 'MARTIN Léa (3A)' });
    expect(f!.evidence[0]).toContain('à trancher');
    expect(f!.evidence.slice(1, 3)).toEqual(['Candidat fiche PRONOTE PN1 – MARTIN Léa (élève).', 'Candidat fiche PRONOTE PN2 – MARTIN Lea (élève).']);
  });
});
