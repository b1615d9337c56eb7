/**
 * Every public real file of `../shared/external/files/` (issue 11, item 4; where each comes from:
 * `../shared/external/SOURCES.md`), read in place — never copied into the project. Each is either
 * read with the right kind and counts, or refused with a French reason. The expected counts were
 * taken from the files themselves (grep/wc of their elements and lines), not from Raccord.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputs, type InputFile } from '../src/cli/main.js';
import { readFile } from '../src/formats/read.js';
import { assembleDataset } from '../src/model/dataset.js';
import { reconcileDetailed } from '../src/reconcile.js';
import { countFile } from '../src/model/counts.js';
import type { FileCounts, FileKind, ParsedFile } from '../src/model/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `../shared/external/files` next to the repository; from a git worktree, next to its main checkout. */
function externalDir(): string | undefined {
  const candidates = [path.resolve(repoRoot, '../shared/external/files')];
  const dotGit = path.join(repoRoot, '.git');
  if (existsSync(dotGit) && statSync(dotGit).isFile()) {
    // A worktree's `.git` file: `gitdir: /work/main/.git/worktrees/<name>`.
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (gitdir) candidates.push(path.resolve(gitdir, '../../..', '../shared/external/files'));
  }
  return candidates.find((c) => existsSync(c));
}

const DIR = externalDir();
const files = DIR ? readdirSync(DIR, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(DIR, f)).isFile()).sort() : [];

function read(rel: string, options = {}): ParsedFile[] {
  return readFile(rel, new Uint8Array(readFileSync(path.join(DIR!, rel))), options);
}

type Expected =
  | { kind: FileKind; uai?: string; year?: number; encoding?: string; counts?: Partial<FileCounts>; subjects?: number; mefs?: number; warnings?: string[] }
  | { kind: FileKind; refused: string; reason: RegExp };

/** What each file is, from the file itself (SOURCES.md and a count of its elements or lines). */
const EXPECTED: Record<string, Expected> = {
  // Real header, trimmed by hand to 1 MEF and 1 subject (<MEF CODE_MEF=, <MATIERE CODE_MATIERE=).
  'betagouv-siecle-api/nomenclature_simple.xml': { kind: 'siecle-nomenclature', uai: '0123456S', year: 2018, encoding: 'ISO-8859-15', subjects: 1, mefs: 1 },
  // 30 <DIVISION CODE_STRUCTURE=, 6 <GROUPE CODE_STRUCTURE=; 28 subjects, 17 MEFs.
  'eole-aaf-cd74-2022/ExportXML_Nomenclature.zip': { kind: 'siecle-nomenclature', uai: '0740032H', year: 2022, subjects: 28, mefs: 17 },
  'eole-aaf-cd74-2022/ExportXML_Structures.zip': { kind: 'siecle-structures', uai: '0740032H', year: 2022, counts: { divisions: 30, groups: 6 } },
  'eole-aaf-cd74-2022/Nomenclature.xml': { kind: 'siecle-nomenclature', uai: '0740032H', year: 2022, subjects: 28, mefs: 17 },
  'eole-aaf-cd74-2022/Structures.xml': { kind: 'siecle-structures', uai: '0740032H', year: 2022, counts: { divisions: 30, groups: 6 } },
  // Envole CSVs: header + 3, 18, 12 lines; no profile column.
  'eole-envole-csv/agents.csv': { kind: 'ent-accounts', encoding: 'UTF-8', counts: { entAccounts: 3 }, warnings: ['ent-profile-missing'] },
  'eole-envole-csv/eleves.csv': { kind: 'ent-accounts', encoding: 'UTF-8', counts: { entAccounts: 18 }, warnings: ['ent-profile-missing'] },
  'eole-envole-csv/professeurs.csv': { kind: 'ent-accounts', encoding: 'UTF-8', counts: { entAccounts: 12 }, warnings: ['ent-profile-missing'] },
  // 533 <ELEVE; 133 with DATE_SORTIE, of which 2 after the export date (02/11/2009: 2019-06-30,
  // 2019-10-01), so 402 present.
  'eole-sconet-anonyme-2009/ElevesSansAdresses.xml': { kind: 'siecle-eleves', uai: '0210066H', year: 2009, counts: { pupils: 533, pupilsCurrent: 402 } },
  'eole-sconet-anonyme-2009/Nomenclature.xml': { kind: 'siecle-nomenclature', uai: '0210066H', year: 2009, subjects: 24, mefs: 5 },
  // 845 <PERSONNE; linked (RESPONSABLE_ELEVE) to one of the 402 present pupils: 682.
  'eole-sconet-anonyme-2009/ResponsablesAvecAdresses.xml': { kind: 'siecle-responsables', uai: '0210066H', year: 2009, counts: { guardians: 845 } },
  'eole-sconet-anonyme-2009/Structures.xml': { kind: 'siecle-structures', uai: '0210066H', year: 2009, counts: { divisions: 17, groups: 25 } },
  // 33 <INDIVIDU (30 FONCTION ENS, 1 DIR, 2 EDU) + 1 <SUPPLEANT (ENS); 17 divisions, 18 groups.
  // Its name says 0210050R, its content 0210066H (like the SIECLE files): warned.
  'eole-sconet-anonyme-2009/sts_emp_0210050R_2009.xml': { kind: 'sts-emp', uai: '0210066H', year: 2009, counts: { staff: 34, teachers: 31, divisions: 17, groups: 18 }, warnings: ['sts.file-name-uai'] },
  // 3 stray bytes, the UTF-16LE BOM, then header + 18 lines.
  'eole-scribe-csv/Test_Eleve_MAC_BOM.csv': { kind: 'ent-accounts', encoding: 'UTF-16LE', counts: { entAccounts: 18 }, warnings: ['ent-profile-missing'] },
  'eole-scribe-csv/Test_Eleve_UTF8_VIRG.csv': { kind: 'ent-accounts', encoding: 'UTF-8', counts: { entAccounts: 18 }, warnings: ['ent-profile-missing'] },
  // A primary-school (ONDE) export: not an input of Raccord.
  'eole-scribe-csv/be1d_eleves.csv': { kind: 'unknown', refused: 'wrong-portal', reason: /ressemble à un export ONDE \(écoles du premier degré : en-tête « Nom Elève/ },
  'paquetdeom-progress/Communs.xml': { kind: 'siecle-communs', uai: '0310053P', year: 2016 },
  'paquetdeom-progress/Nomenclature.xml': { kind: 'siecle-nomenclature', uai: '0310053P', year: 2016, subjects: 54, mefs: 95 },
  // 46 divisions, 66 groups, every group code ≤ 8 characters.
  'paquetdeom-progress/Structures.xml': { kind: 'siecle-structures', uai: '0310053P', year: 2016, counts: { divisions: 46, groups: 66 } },
  'pix-reconstructed/siecle-broken-after-uai.xml': { kind: 'siecle-eleves', refused: 'truncated', reason: /est incomplet : il s'arrête à la ligne 12/ },
  'pix-reconstructed/siecle-broken.xml': { kind: 'siecle-eleves', refused: 'truncated', reason: /est incomplet/ },
  // `</ELEVES d>` at line 39.
  'pix-reconstructed/siecle-with-duplicate-national-student-id-and-unclosed-tag.xml': { kind: 'siecle-eleves', refused: 'malformed-xml', reason: /XML invalide à la ligne 39/ },
  // No ANNEE_SCOLAIRE: refused unless the year is given (tested below).
  'pix-reconstructed/siecle-with-registrations-no-longer-in-school.xml': { kind: 'siecle-eleves', refused: 'unknown-layout', reason: /de quelle année scolaire il vient \(l'établissement, lui, est indiqué : UAJ 123ABC\)/ },
  // 2 <ELEVE, UAJ 123ABC (not a UAI: warned).
  'pix-reconstructed/siecle-with-two-valid-students-and-school-year.xml': { kind: 'siecle-eleves', uai: '123ABC', year: 2016, counts: { pupils: 2, pupilsCurrent: 2 }, warnings: ['uai-malformed'] },
  'pix-reconstructed/siecle-with-unknown-encoding.xml': { kind: 'siecle-eleves', refused: 'encoding-mismatch', reason: /déclare l'encodage « x-macthai »/ },
};

describe.skipIf(!DIR)(`the public real files (${DIR ?? '../shared/external/files absent: skipped'})`, () => {
  it('has an expectation for every file there, and every expected file is there', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', (rel) => {
    const e = EXPECTED[rel]!;
    const parsed = read(rel);
    // A ZIP holds one XML.
    expect(parsed).toHaveLength(1);
    const f = parsed[0]!;
    expect(f.kind).toBe(e.kind);
    if ('refused' in e) {
      expect(f.error?.code).toBe(e.refused);
      expect(f.error!.message).toMatch(e.reason);
      expect(f.error!.hint.length).toBeGreaterThan(20);
      return;
    }
    expect(f.error).toBeNull();
    if (e.uai) expect(f.uai).toBe(e.uai);
    if (e.year !== undefined) expect(f.schoolYear).toBe(e.year);
    if (e.encoding) expect(f.encoding).toBe(e.encoding);
    const c = countFile(f);
    for (const [k, v] of Object.entries(e.counts ?? {})) expect(c[k as keyof FileCounts], k).toBe(v);
    if (e.subjects !== undefined) expect(f.data.subjects).toHaveLength(e.subjects);
    if (e.mefs !== undefined) expect(f.data.mefs).toHaveLength(e.mefs);
    for (const w of e.warnings ?? []) expect(f.warnings.map((x) => x.code)).toContain(w);
  });

  it('the 2009 collège set reads as one school: 402 present pupils, 682 of their guardians, 31 teachers', () => {
    const base = 'eole-sconet-anonyme-2009';
    const inputs: InputFile[] = readdirSync(path.join(DIR!, base)).sort().map((n) => ({ path: n, bytes: new Uint8Array(readFileSync(path.join(DIR!, base, n))) }));
    const ds = assembleDataset(readInputs(inputs, {}));
    expect(ds.files.every((f) => !f.error)).toBe(true);
    expect(ds.school.uai).toBe('0210066H');
    expect(ds.pupils.filter((p) => !p.left)).toHaveLength(402);
    const present = new Set(ds.pupils.filter((p) => !p.left).map((p) => p.eleveId));
    const known = new Set(ds.guardians.map((g) => g.personneId));
    expect(new Set(ds.guardianLinks.filter((l) => present.has(l.eleveId) && known.has(l.personneId)).map((l) => l.personneId)).size).toBe(682);
    expect(ds.staff.filter((s) => s.teacher)).toHaveLength(31);
    // Structures.xml holds 8 groups STS-web lacks (IDDA…IDDH) and no pupil is in any of them:
    // nothing to warn about; and no group code breaks STS-web's rule.
    expect(ds.siecleGroups.filter((g) => /^IDD[A-H]$/.test(g.code))).toHaveLength(8);
    const codes = reconcileDetailed(ds, { today: '2009-11-02' }).result.findings.map((f) => f.code);
    expect(codes.filter((c) => c.startsWith('groups.'))).toEqual([]);
  });

  it("the lycée's group labels of 9–12 characters (codes of 8 at most) raise no « Nom de groupe refusé »", () => {
    const ds = assembleDataset(read('paquetdeom-progress/Structures.xml'));
    const long = ds.siecleGroups.filter((g) => (g.label ?? '').length > 8);
    expect(long.length).toBeGreaterThanOrEqual(10);
    expect(ds.siecleGroups.every((g) => g.code.length <= 8)).toBe(true);
    expect(reconcileDetailed(ds, { today: '2017-02-23' }).result.findings.filter((f) => f.code === 'groups.invalid-name')).toEqual([]);
  });

  it('the 2022 ZIPs and the XML they hold count once', () => {
    const base = 'eole-aaf-cd74-2022';
    const inputs: InputFile[] = readdirSync(path.join(DIR!, base)).sort().map((n) => ({ path: n, bytes: new Uint8Array(readFileSync(path.join(DIR!, base, n))) }));
    const parsed = readInputs(inputs, {});
    const ds = assembleDataset(parsed);
    expect(ds.siecleDivisions).toHaveLength(30);
    expect(ds.siecleGroups).toHaveLength(6);
    expect(ds.subjects).toHaveLength(28);
    expect(parsed.filter((f) => f.warnings.some((w) => w.code === 'file.duplicate'))).toHaveLength(2);
  });

  it('the file without ANNEE_SCOLAIRE is read with the year given: 5 pupils, 1 left (DATE_SORTIE)', () => {
    const f = read('pix-reconstructed/siecle-with-registrations-no-longer-in-school.xml', { schoolYear: 2019 })[0]!;
    expect(f.error).toBeNull();
    expect(countFile(f)).toMatchObject({ pupils: 5, pupilsCurrent: 4 });
    expect(f.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['siecle.year-from-admin', 'uai-malformed']));
  });

  it("the lycée's Communs.xml: its name, and its BP written once", () => {
    const f = read('paquetdeom-progress/Communs.xml')[0]!;
    expect(f.data.school).toMatchObject({ uai: '0310053P', name: 'Lycée Urbain VITRY', addressLines: ['150 ROUTE DE LAUNAGUET', 'BP 62159'], postcode: '31021' });
  });
});
