import { describe, expect, it } from 'vitest';
import { buildPlan, buildReversePlan, planToCsv, planToJson, reversePlanToCsv } from '../../src/export/plan.js';
import { buildMailMerge } from '../../src/export/mailmerge.js';
import { findingsToCsv } from '../../src/export/findings.js';
import { csvBytes } from '../../src/export/csv.js';
import { runChecks } from '../../src/checks/index.js';
import { account, assign, ctx, dataset, emptyMatch, glink, guardian, linkEnt, prow, pupil, ref } from '../checks/fixtures.js';

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);

describe('plan', () => {
  const ds = dataset({
    pupils: [pupil('1', 'DUPONT', 'Léa', { division: '3A' }), pupil('2', 'MARTIN', 'Hugo', { division: '3B' })],
    entAccounts: [
      account('lea', 'DUPONT', 'Léa', { division: '3A' }),
      account('hugo', 'MARTIN', 'Hugo'),
      account('amb', 'AMBI', 'Gu', { division: '3A' }),
      account('prob', 'PROB', 'Able', { division: '3A', pronoteId: 'OLD' }),
      account('=evil', '=HYPERLINK("x")', 'Eve', { division: '3A' }),
    ],
    pronoteRows: [prow('PN1', 'DUPONT', 'Léa', { division: '3A' }), prow('PN2', 'MARTIN', 'Hugo', { division: '3B' }), prow('PN3', 'PROB', 'Able')],
  });
  const m = emptyMatch();
  linkEnt(m, 'hugo', ref.pupil('2'));
  assign(m, { entLogin: 'lea', pronoteId: 'PN1', evidence: ['même nom', 'même date de naissance'] });
  assign(m, { entLogin: 'hugo', pronoteId: 'PN2', currentPronoteId: 'PN2' });
  assign(m, { entLogin: 'amb', decision: 'ambiguous', candidates: [{ pronoteId: 'PN8', label: 'AMBI Gu (3A)', evidence: ['même nom'] }] });
  assign(m, { entLogin: 'prob', pronoteId: 'PN3', decision: 'probable', currentPronoteId: 'OLD' });

  it('gives each account its expected ID, decision, evidence, current ID and action', () => {
    const rows = buildPlan(ds, m);
    const by = new Map(rows.map((r) => [r.login, r]));
    expect(by.get('lea')).toMatchObject({ expectedPronoteId: 'PN1', decision: 'certain', action: 'fill', division: '3A' });
    expect(by.get('hugo')).toMatchObject({ action: 'ok', division: '3B' });
    expect(by.get('amb')).toMatchObject({ expectedPronoteId: '', action: 'choose' });
    expect(by.get('prob')).toMatchObject({ expectedPronoteId: 'PN3', action: 'confirm', currentPronoteId: 'OLD' });
    expect(by.get('=evil')).toMatchObject({ action: 'none', decision: 'none' });
    expect(rows.map((r) => r.division)).toEqual(['3A', '3A', '3A', '3A', '3B']);
  });

  it('writes the CSV with French headers and labels, injection neutralised', () => {
    const csv = planToCsv(buildPlan(ds, m));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...body] = lines(csv);
    expect(header).toBe(
      "Login ENT;Nom;Prénom;Profil;Classe;Identifiant PRONOTE attendu;Décision;Preuves;Identifiant PRONOTE actuel dans l'ENT;À faire",
    );
    expect(body.find((l) => l.startsWith('lea;'))).toBe(`lea;DUPONT;Léa;élève;3A;PN1;certain;"même nom ; même date de naissance";;à coller dans l'ENT`);
    expect(body.find((l) => l.startsWith('amb;'))).toContain('candidat PN8 : AMBI Gu (3A) (même nom)');
    expect(body.find((l) => l.includes('evil'))).toMatch(/^'=evil;"'=HYPERLINK\(""x""\)";/);
  });

  it('writes JSON with raw codes', () => {
    const json = JSON.parse(planToJson(ds, buildPlan(ds, m)));
    expect(json.format).toBe('raccord-pronote-plan');
    expect(json.school.uai).toBe('0310040A');
    expect(json.rows.find((r: { login: string }) => r.login === 'lea')).toMatchObject({ action: 'fill', decision: 'certain' });
  });

  it('gives the reverse plan: one row per PRONOTE user, the login only when sure', () => {
    const rows = buildReversePlan(ds, m);
    expect(rows.map((r) => [r.pronoteId, r.entLogin])).toEqual([
      ['PN3', ''],
      ['PN1', 'lea'],
      ['PN2', 'hugo'],
    ]);
    expect(rows[0]!.remark).toContain('rapprochement probable à confirmer dans Raccord (prob)');
    const csv = reversePlanToCsv(rows);
    expect(lines(csv)[0]).toBe('Identifiant PRONOTE;Nom;Prénom;Profil;Classe;Login ENT (Identifiant CAS);Remarque');
  });

  it('leaves the login empty for a PRONOTE user two ENT accounts claim (duplicate)', () => {
    const dup = emptyMatch();
    assign(dup, { entLogin: 'a', pronoteId: 'PN1' });
    assign(dup, { entLogin: 'b', pronoteId: 'PN1' });
    const row = buildReversePlan(ds, dup).find((r) => r.pronoteId === 'PN1')!;
    expect(row.entLogin).toBe('');
    expect(row.remark).toContain('plusieurs comptes ENT pour cette personne (a, b)');
  });
});

describe('mailmerge', () => {
  const ds = dataset({
    pupils: [
      pupil('1', 'DUPONT', 'Léa', { division: '3A' }),
      pupil('2', 'DUPONT', 'Léo', { division: '5B', birthDate: '2013-03-03' }),
      pupil('3', 'PARTI', 'Max', { division: '3A', left: true }),
    ],
    guardians: [guardian('G1', 'DUPONT', 'Marie')],
    guardianLinks: [glink('1', 'G1'), glink('2', 'G1')],
    entAccounts: [
      account('lea', 'DUPONT', 'Léa', { division: '3A', password: 'abc123' }),
      account('leo', 'DUPONT', 'Léo', { division: '5B', activationCode: 'ACT-42' }),
      account('sha', 'CHANGE', 'Zoé', { division: '3A', password: '{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=', passwordChanged: true }),
      account('sha2', 'AUSSI', 'Paul', { division: '3A', password: '{sha}abc' }),
      account('max', 'PARTI', 'Max', { division: '3A', password: 'xyz' }),
      account('inj', '@cmd', 'Bob', { division: '3A', password: '=1+1' }),
      account('mum', 'DUPONT', 'Marie', { profile: 'guardian', password: 'mum-pass' }),
    ],
  });
  const m = emptyMatch();
  linkEnt(m, 'max', ref.pupil('3'));
  linkEnt(m, 'mum', ref.guardian('G1'));

  it('lists pupils of one class with login and password or activation code, {SHA} left out and listed with the reason', () => {
    const mm = buildMailMerge(ds, m, { profile: 'pupils', division: '3A' });
    expect(mm.rows.map((r) => r.login)).toEqual(['inj', 'lea']);
    expect(mm.excluded.map((x) => [x.login, x.reason.slice(0, 20)])).toEqual([
      ['sha2', 'mot de passe modifié'],
      ['sha', 'mot de passe modifié'],
      ['max', "compte d'une personn"],
    ]);
    for (const csv of [mm.csv, mm.excludedCsv]) {
      expect(csv).not.toContain('W6ph5Mm5Pz8GgiULbPgzG37mj9g=');
      expect(csv).not.toContain('{sha}abc');
    }
    expect(mm.csv).not.toMatch(/\{sha\}/i);
    expect(mm.excludedCsv).toContain('mot de passe modifié par son titulaire ({SHA})');
    const [header, ...body] = lines(mm.csv);
    expect(header).toBe("Classe;Nom;Prénom;Identifiant;Mot de passe;Code d'activation");
    expect(body).toEqual(["3A;'@cmd;Bob;inj;'=1+1;", '3A;DUPONT;Léa;lea;abc123;']);
    expect([...csvBytes(mm.csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('lists every class when none is given', () => {
    const mm = buildMailMerge(ds, m, { profile: 'pupils' });
    expect(mm.rows.map((r) => `${r.division} ${r.login} ${r.password || r.activationCode}`)).toEqual(['3A inj =1+1', '3A lea abc123', '5B leo ACT-42']);
  });

  it('gives parents one row per child, with the child name and class, filterable by the child class', () => {
    const all = buildMailMerge(ds, m, { profile: 'parents' });
    expect(all.rows.map((r) => [r.division, r.childGiven, r.login])).toEqual([
      ['3A', 'Léa', 'mum'],
      ['5B', 'Léo', 'mum'],
    ]);
    expect(lines(all.csv)[0]).toBe(
      "Classe de l'enfant;Nom de l'enfant;Prénom de l'enfant;Nom du responsable;Prénom du responsable;Responsabilité;Identifiant;Mot de passe;Code d'activation",
    );
    expect(buildMailMerge(ds, m, { profile: 'parents', division: '5B' }).rows).toHaveLength(1);
    expect(buildMailMerge(ds, m, { profile: 'parents', division: '4C' }).rows).toHaveLength(0);
  });

  it('finds the children from the ENT export when there is no match', () => {
    const ds2 = dataset({
      entAccounts: [
        account('kid', 'DUPONT', 'Léa', { division: '3A', password: 'p', guardianUids: ['U-MUM'] }),
        account('mum', 'DUPONT', 'Marie', { profile: 'guardian', uid: 'U-MUM', password: 'q' }),
      ],
    });
    expect(buildMailMerge(ds2, undefined, { profile: 'parents' }).rows).toMatchObject([{ division: '3A', childGiven: 'Léa', login: 'mum' }]);
  });

  it('excludes accounts with neither password nor activation code', () => {
    const ds3 = dataset({ entAccounts: [account('x', 'A', 'B', { division: '3A' })] });
    expect(buildMailMerge(ds3, undefined, { profile: 'pupils' }).excluded[0]!.reason).toContain("ni mot de passe initial ni code d'activation");
  });
});

describe('findings CSV', () => {
  it('writes code, severity, title, subjects, evidence (one per line), fix and key', () => {
    const ds = dataset({ pupils: [pupil('1', '=DUPONT', 'Léa', { mef: undefined })] });
    const findings = runChecks(ctx(ds));
    const csv = findingsToCsv(findings);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFCode;Gravité;Problème;Concerne;Identifiants;Constats;Correction;Clé');
    expect(csv).toContain('siecle.pupil-incomplete;erreur;Fiche élève bloquante dans SIECLE;');
    expect(csv).toContain("'=DUPONT Léa (3A)");
    expect(csv).toContain('siecle:pupil:1');
    expect(csv).toMatch(/"Élève =DUPONT Léa \(3A\), ELEVE_ID 1[^"]*\nManque : pas de MEF/);
  });
});
