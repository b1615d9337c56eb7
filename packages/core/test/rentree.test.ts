import { describe, expect, it } from 'vitest';
import { generateSchool, sampleDatesFor, type SampleOptions } from '../src/sample/index.js';
import { readFile } from '../src/formats/read.js';
import { assembleDataset } from '../src/model/dataset.js';
import { reconcileDetailed } from '../src/reconcile.js';
import type { FileKind, ParsedData, ParsedFile } from '../src/model/types.js';
import type { Assignment, Finding } from '../src/match/types.js';
import { rentreeStatus, schoolYearOf, type RentreeStatus, type StepId } from '../src/rentree/index.js';
import { pupil, teacher } from './checks/fixtures.js';

const TODAY = '2026-12-04';

function analyse(opts: SampleOptions, today = TODAY) {
  const school = generateSchool(opts);
  const files = school.files.flatMap((f) => readFile(f.name, f.bytes));
  const dataset = assembleDataset(files);
  const { result } = reconcileDetailed(dataset, { today });
  return { truth: school.truth, status: rentreeStatus({ dataset, findings: result.findings, assignments: result.assignments, today }) };
}

const step = (s: RentreeStatus, id: StepId) => s.steps.find((x) => x.id === id)!;

describe('schoolYearOf', () => {
  it('starts the school year on 1 September', () => {
    expect(schoolYearOf('2026-08-31')).toBe(2025);
    expect(schoolYearOf('2026-09-01')).toBe(2026);
    expect(schoolYearOf('2026-12-04')).toBe(2026);
    expect(schoolYearOf('2027-06-30')).toBe(2026);
  });
});

describe('rentreeStatus on generated schools', () => {
  const cases: SampleOptions[] = [
    { seed: 1, pupils: 120 },
    { seed: 2, pupils: 400 },
    { seed: 5, pupils: 700 },
  ];
  for (const opts of cases) {
    it(`follows the files of seed ${opts.seed}, ${opts.pupils} pupils, dated like this week's exports`, () => {
      const { truth, status } = analyse({ ...opts, ...sampleDatesFor(TODAY) });
      const codes = new Set(truth.anomalies.map((a) => a.code));
      expect(status.steps.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(status.currentSchoolYear).toBe(2026);
      expect(status.dataSchoolYear).toBe(2026);
      expect(status.lastYearData).toBe(false);
      // This year's STS-web export: the bascule is done; SIECLE and STS-web share their divisions.
      for (const id of ['bascule', 'nomenclatures', 'structure-sts'] as StepId[]) expect(step(status, id).status, id).toBe('fait');
      // Group codes STS-web holds cut by EDT (refused names of the truth) are STS-web groups missing
      // from Structures.xml: the structure's export to SIECLE is to redo.
      expect(step(status, 'structure-siecle').status).toBe(codes.has('groups.invalid-name') ? 'a-faire' : 'fait');
      // What the truth says is wrong blocks the step it belongs to, and names its rule.
      expect(codes.has('siecle.pupil-incomplete')).toBe(true);
      expect(step(status, 'eleves').status).toBe('bloque');
      expect(step(status, 'eleves').blockers.map((b) => b.code)).toContain('siecle.pupil-incomplete');
      expect(step(status, 'services-groupes').status).toBe(codes.has('groups.invalid-name') ? 'bloque' : 'a-faire');
      // Incomplete records never reach the AAF: their accounts are missing, the ENT step is blocked.
      expect(step(status, 'comptes-ent').status).toBe('bloque');
      expect(step(status, 'identifiants-pronote').status).toBe(codes.has('pronote.id-conflict') || codes.has('pronote.shared-id') ? 'bloque' : 'a-faire');
      // The figures of the evidence are the files' figures.
      // SIECLE records: a duplicated pupil is one person with two records.
      const current = truth.people.list.filter((p) => p.kind === 'pupil' && p.status === 'current').reduce((n, p) => n + p.siecle.length, 0);
      expect(step(status, 'eleves').evidence[0]).toContain(`${current.toLocaleString('fr-FR').replace(/\s/g, '\u202f')} élèves présents`);
      const incomplete = truth.anomalies.filter((a) => a.code === 'siecle.pupil-incomplete').length;
      expect(step(status, 'eleves').blockers.find((b) => b.code === 'siecle.pupil-incomplete')!.count).toBe(incomplete);
      // PRONOTE and ENT lists carry no export date: said so, never another date.
      const undated = status.files.filter((f) => f.problems.includes('no-date'));
      expect(undated.map((f) => f.kind).sort()).toEqual(['ent-accounts', 'pronote-ids', 'pronote-ids', 'pronote-ids']);
      for (const f of undated) expect(f.text).toMatch(/date d'export inconnue/), expect(f.text).not.toMatch(/\d\d\/\d\d\/\d{4}/);
      expect(status.dateWarnings.join(' ')).toMatch(/4 listes sans date d'export/);
      expect(status.files.filter((f) => f.problems.includes('last-year'))).toEqual([]);
      expect(status.counts.fait + status.counts['a-faire'] + status.counts.bloque + status.counts.inconnu).toBe(9);
    });
  }

  it('finds a clean school done at every step but the AAF delay', () => {
    const { status } = analyse({ seed: 3, pupils: 200, anomalies: false, ...sampleDatesFor(TODAY) });
    for (const s of status.steps) {
      if (s.id === 'aaf') continue;
      expect(s.status, `${s.id}: ${s.evidence.join(' / ')}`).toBe('fait');
      expect(s.blockers).toEqual([]);
    }
  });

  it("says last year's files are last year's: the bascule to do, every other step unknown", () => {
    const { status } = analyse({ seed: 4, pupils: 120, schoolYear: 2025 });
    expect(status.lastYearData).toBe(true);
    expect(status.dataSchoolYear).toBe(2025);
    expect(step(status, 'bascule').status).toBe('a-faire');
    expect(step(status, 'bascule').evidence[0]).toMatch(/2025-2026.*2026-2027/);
    for (const s of status.steps.slice(1)) {
      expect(s.status, s.id).toBe('inconnu');
      expect(s.evidence[0]).toMatch(/2025-2026/);
      expect(s.headline).toBe("Fichiers de l'an dernier (2025-2026) : état inconnu pour 2026-2027.");
    }
    expect(status.dateWarnings[0]).toMatch(/de l'année scolaire 2025-2026 ; l'année en cours est 2026-2027/);
    const sts = status.files.find((f) => f.kind === 'sts-emp')!;
    expect(sts.problems).toContain('last-year');
    expect(sts.text).toMatch(/l'an dernier/);
  });
});

// ───────────────────────── hand-built datasets ─────────────────────────

function file(kind: FileKind, path: string, data: ParsedData, extra: Partial<ParsedFile> = {}): ParsedFile {
  return { path, kind, byteLength: 1, data, warnings: [], error: null, uai: '0310040A', ...extra };
}

const sts = (year: number, divisions: string[], extra: Partial<ParsedFile> = {}, withServices = true) =>
  file('sts-emp', `sts_emp_0310040A_${year}.xml`, {
    staff: [teacher('T1', 'MARTIN', 'Paul')],
    stsDivisions: divisions.map((code) => ({ code, mefs: [], services: withServices ? [{ subjectCode: '030201', teacherIds: ['T1'] }] : [] })),
    stsGroups: [],
  }, { schoolYear: year, exportDate: `${year}-11-30`, ...extra });

const eleves = (year: number, pupils: ReturnType<typeof pupil>[], exportDate = `${year}-11-30`) =>
  file('siecle-eleves', 'ElevesSansAdresses.xml', { pupils }, { schoolYear: year, exportDate });

function status(files: ParsedFile[], findings: Finding[] = [], assignments?: Assignment[], today = TODAY) {
  return rentreeStatus({ dataset: assembleDataset(files), findings, today, ...(assignments ? { assignments } : {}) });
}

function finding(code: string, severity: Finding['severity']): Finding {
  return { code, severity, title: `titre ${code}`, subjects: [], evidence: [], fix: '', key: `${code}|${Math.random()}` };
}

describe('rentreeStatus on hand-built datasets', () => {
  it('knows nothing without files, and says why', () => {
    const s = status([]);
    for (const x of s.steps) {
      expect(x.status, x.id).toBe('inconnu');
      expect(x.evidence[0]).toMatch(/Aucun|Ni /);
      expect(x.todo.length).toBeGreaterThan(0);
    }
    expect(s.counts.inconnu).toBe(9);
  });

  it('bascule: done with this year’s STS-web export, to do with last year’s', () => {
    expect(step(status([sts(2026, ['3A'])]), 'bascule').status).toBe('fait');
    const old = step(status([sts(2025, ['3A'])]), 'bascule');
    expect(old.status).toBe('a-faire');
    expect(old.evidence[0]).toContain('2025-2026');
    // SIECLE already in the new year, STS-web not: the STS-web export is refused, its year still tells.
    const mixed = status([sts(2025, ['3A']), eleves(2026, [pupil('1', 'A', 'a')]), file('siecle-structures', 'Structures.xml', { siecleDivisions: [], siecleGroups: [] }, { schoolYear: 2026, exportDate: '2026-11-30' })]);
    expect(step(mixed, 'bascule').status).toBe('a-faire');
    expect(step(mixed, 'bascule').evidence[0]).toContain('est de l\'année 2025-2026 (refusé');
    // 31 August is still last school year: a 2025 export is this year's then.
    expect(step(status([sts(2025, ['3A'])], [], undefined, '2026-08-31'), 'bascule').status).toBe('fait');
  });

  it('nomenclatures: a MEF of a pupil missing from Nomenclature.xml is to do', () => {
    const nomenclature = file('siecle-nomenclature', 'Nomenclature.xml', { mefs: [{ code: '10310019110' }], subjects: [] }, { schoolYear: 2026, exportDate: '2026-11-30' });
    const ok = status([nomenclature, eleves(2026, [pupil('1', 'A', 'a')])]);
    expect(step(ok, 'nomenclatures').status).toBe('fait');
    const ko = status([nomenclature, eleves(2026, [pupil('1', 'A', 'a'), pupil('2', 'B', 'b', { mef: '99999999999' }), pupil('3', 'C', 'c', { mef: '99999999999' })])]);
    expect(step(ko, 'nomenclatures').status).toBe('a-faire');
    expect(step(ko, 'nomenclatures').evidence.join(' ')).toContain('1 MEF de 2 élèves ne figure pas dans les nomenclatures : 99999999999');
  });

  it('structure in STS-web: a pupil division unknown to STS-web, or an STS division without pupils, is to do', () => {
    const ok = status([sts(2026, ['3A']), eleves(2026, [pupil('1', 'A', 'a', { division: '3A' })])]);
    expect(step(ok, 'structure-sts').status).toBe('fait');
    const ko = status([sts(2026, ['3A', '3B']), eleves(2026, [pupil('1', 'A', 'a', { division: '3A' }), pupil('2', 'B', 'b', { division: '3Z' })])]);
    expect(step(ko, 'structure-sts').status).toBe('a-faire');
    const text = step(ko, 'structure-sts').evidence.join(' ');
    expect(text).toContain('1 division d\'élèves de SIECLE est absente de STS-web : 3Z (1 élève)');
    expect(text).toContain("1 division de STS-web n'a aucun élève dans SIECLE : 3B");
    expect(step(ko, 'structure-sts').headline).toContain("1 division d'élèves de SIECLE est absente de STS-web");
    expect(step(ok, 'structure-sts').headline).toBe('STS-web : 1 division et 0 groupe.');
  });

  it('structure in SIECLE: an STS-web division missing from Structures.xml is to do', () => {
    const structures = (codes: string[]) => file('siecle-structures', 'Structures.xml', { siecleDivisions: codes.map((code) => ({ code, mefs: [] })), siecleGroups: [] }, { schoolYear: 2026, exportDate: '2026-11-30' });
    expect(step(status([sts(2026, ['3A', '3B']), structures(['3A', '3B'])]), 'structure-siecle').status).toBe('fait');
    const ko = step(status([sts(2026, ['3A', '3B', '3C']), structures(['3A'])]), 'structure-siecle');
    expect(ko.status).toBe('a-faire');
    expect(ko.evidence.join(' ')).toContain('2 divisions de STS-web manquent dans SIECLE : 3B, 3C');
  });

  it('pupils: an error finding blocks, a warning leaves something to do, none is done', () => {
    const files = [eleves(2026, [pupil('1', 'A', 'a')])];
    expect(step(status(files), 'eleves').status).toBe('fait');
    const warned = step(status(files, [finding('siecle.guardian-duplicate', 'warning')]), 'eleves');
    expect(warned.status).toBe('a-faire');
    const blocked = step(status(files, [finding('siecle.pupil-incomplete', 'error'), finding('siecle.pupil-incomplete', 'error'), finding('siecle.guardian-duplicate', 'warning')]), 'eleves');
    expect(blocked.status).toBe('bloque');
    // The findings are given as blockers (linked in the app), not repeated as evidence.
    expect(blocked.evidence.join(' ')).not.toContain('titre siecle');
    expect(blocked.blockers).toEqual([
      { code: 'siecle.pupil-incomplete', title: 'titre siecle.pupil-incomplete', severity: 'error', count: 2 },
      { code: 'siecle.guardian-duplicate', title: 'titre siecle.guardian-duplicate', severity: 'warning', count: 1 },
    ]);
    // A finding of another step does not move this one.
    expect(step(status(files, [finding('pronote.shared-id', 'error')]), 'eleves').status).toBe('fait');
  });

  it('services: an STS-web export without any service is to do; pupils in no group too', () => {
    expect(step(status([sts(2026, ['3A'], {}, false)]), 'services-groupes').status).toBe('a-faire');
    const withGroups = sts(2026, ['3A']);
    withGroups.data.stsGroups = [{ code: '3ALL1', divisions: ['3A'], mefs: [], services: [] }];
    const s = step(status([withGroups, eleves(2026, [pupil('1', 'A', 'a')])]), 'services-groupes');
    expect(s.status).toBe('a-faire');
    expect(s.evidence.join(' ')).toContain("Aucun élève n'est dans un groupe dans SIECLE");
    const ok = step(status([withGroups, eleves(2026, [pupil('1', 'A', 'a', { groups: ['3ALL1'] })])]), 'services-groupes');
    expect(ok.status).toBe('fait');
  });

  it('AAF: a SIECLE change of yesterday is still on its way (48–72 h); ten days old, it has arrived', () => {
    const recent = step(status([eleves(2026, [pupil('1', 'A', 'a', { entryDate: '2026-12-03' })], '2026-12-04')]), 'aaf');
    expect(recent.status).toBe('a-faire');
    expect(recent.evidence.join(' ')).toContain("l'arrivée d'un élève le 03/12/2026 (hier)");
    expect(recent.evidence.join(' ')).toContain("d'ici le 06/12/2026");
    expect(recent.headline).toMatch(/^L'AAF met 48 à 72 h : les comptes ENT de ce changement sont attendus d'ici le 06\/12\/2026/);
    const old = step(status([eleves(2026, [pupil('1', 'A', 'a', { entryDate: '2026-11-24' })], '2026-12-04')]), 'aaf');
    expect(old.status).toBe('fait');
    expect(old.evidence.join(' ')).toContain('10 jours depuis');
    // An account still awaited (info finding) keeps the step to do; a missing account (error) belongs to the ENT step.
    const files = [eleves(2026, [pupil('1', 'A', 'a', { entryDate: '2026-11-24' })], '2026-12-04')];
    expect(step(status(files, [finding('ent.account-missing', 'info')]), 'aaf').status).toBe('a-faire');
    expect(step(status(files, [finding('ent.account-missing', 'error')]), 'aaf').status).toBe('fait');
  });

  it('ENT accounts and PRONOTE IDs: unknown without the lists, to do when IDs are to paste, blocked by an ID conflict', () => {
    const ent = file('ent-accounts', 'ENT-Identifiants-0310040A.A.csv', {
      entAccounts: [
        { login: 'a.a', profile: 'pupil', name: { family: 'A', given: 'a' }, passwordChanged: false, guardianUids: [], provenance: { file: 'x', position: 2 } },
        { login: 'b.b', profile: 'pupil', name: { family: 'B', given: 'b' }, passwordChanged: false, guardianUids: [], pronoteId: 'P2', provenance: { file: 'x', position: 3 } },
      ],
    });
    const pronote = file('pronote-ids', 'PRONOTE-eleves.csv', { pronoteRows: [{ pronoteId: 'P1', profile: 'pupil', name: { family: 'A', given: 'a' }, children: [], provenance: { file: 'y', position: 2 } }] });
    expect(step(status([ent]), 'identifiants-pronote').status).toBe('inconnu');
    expect(step(status([pronote]), 'identifiants-pronote').status).toBe('inconnu');
    expect(step(status([ent]), 'comptes-ent').status).toBe('fait');
    expect(step(status([ent]), 'comptes-ent').evidence[0]).toBe("Export de l'ENT : 2 comptes (2 élèves, 0 responsable, 0 enseignant, 0 personnel).");
    const toPaste: Assignment[] = [
      { entLogin: 'a.a', pronoteId: 'P1', decision: 'certain', evidence: [] },
      { entLogin: 'b.b', pronoteId: 'P2', decision: 'certain', evidence: [], currentPronoteId: 'P2' },
    ];
    const s = step(status([ent, pronote], [], toPaste), 'identifiants-pronote');
    expect(s.status).toBe('a-faire');
    expect(s.evidence).toContain("1 identifiant à renseigner ou corriger dans l'ENT : 1 à coller, 0 à remplacer.");
    expect(s.evidence).toContain('1 des 2 comptes ENT porte un identifiant PRONOTE.');
    const done = step(status([ent, pronote], [], [{ entLogin: 'b.b', pronoteId: 'P2', decision: 'certain', evidence: [], currentPronoteId: 'P2' }]), 'identifiants-pronote');
    expect(done.status).toBe('fait');
    const blocked = step(status([ent, pronote], [finding('pronote.id-conflict', 'error')], []), 'identifiants-pronote');
    expect(blocked.status).toBe('bloque');
    expect(blocked.blockers[0]!.code).toBe('pronote.id-conflict');
  });

  it('dates: an export much older than the others, and a list without a date, are said as such', () => {
    const s = status([sts(2026, ['3A'], { exportDate: '2026-10-01' }), eleves(2026, [pupil('1', 'A', 'a')], '2026-12-01'), file('pronote-ids', 'PRONOTE-eleves.csv', { pronoteRows: [] })]);
    const stsNote = s.files.find((f) => f.kind === 'sts-emp')!;
    expect(stsNote.problems).toEqual(['older']);
    expect(stsNote.text).toContain('exporté le 01/10/2026 (il y a 64 jours), 61 jours avant l\'export le plus récent (01/12/2026)');
    expect(s.files.find((f) => f.kind === 'siecle-eleves')!.problems).toEqual([]);
    const list = s.files.find((f) => f.kind === 'pronote-ids')!;
    expect(list.problems).toEqual(['no-date']);
    expect(list.text).toBe("PRONOTE – liste des identifiants : date d'export inconnue (le fichier ne la donne pas).");
    expect(s.dateWarnings).toHaveLength(2);
    expect(s.dateWarnings[0]).toContain('sts_emp_0310040A_2026.xml (01/10/2026)');
  });

  it("dates: a dated file of no school year exported before 1 September is last year's", () => {
    const env = file('index-education-encrypted', 'EDT_To_KOSMOS.xml', {}, { exportDate: '2026-06-20T10:00:00' });
    const s = status([env, sts(2026, ['3A'])]);
    expect(s.files.find((f) => f.path === 'EDT_To_KOSMOS.xml')!.problems).toContain('last-year');
    expect(s.dateWarnings.join(' ')).toContain("1 fichier de l'an dernier ou d'avant la rentrée 2026 : EDT_To_KOSMOS.xml");
  });
});
