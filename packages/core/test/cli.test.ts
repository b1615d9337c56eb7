/** The CLI end to end, in-process, on the generated sample school written to a temp folder. */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs, main, readInputs } from '../src/cli/main.js';
import { readFile } from '../src/formats/read.js';
import { assembleDataset } from '../src/model/dataset.js';
import { zipSync } from 'fflate';
import { cp1252 } from './helpers/bytes.js';
import { UNLABELLED_TEACHERS, withUnlabelledTeachers } from './helpers/unlabelled-list.js';

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'raccord-cli-'));
  // The school the app's sample button loads on 15 September 2025 (school year 2025, exports of the 12th).
  const r = run(['sample', '--out', path.join(dir, 'ecole'), '--eleves', '600', '--today', '2025-09-15']);
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KINDS = ['siecle-eleves', 'siecle-responsables', 'siecle-nomenclature', 'siecle-structures', 'siecle-communs', 'sts-emp', 'pronote-ids', 'ent-accounts', 'index-education-encrypted', 'unknown'];
const COUNT_KEYS = ['pupils', 'pupilsCurrent', 'guardians', 'guardiansCurrent', 'staff', 'teachers', 'divisions', 'groups', 'pronoteRows', 'entAccounts', 'subjects', 'mefs'];

describe('raccord inspect', () => {
  it('prints exactly the documented JSON for every file of the sample school, zip entries as archive/inner', () => {
    const r = run(['inspect', path.join(dir, 'ecole'), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { files: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['files']);
    for (const f of json.files) {
      expect(Object.keys(f)).toEqual(['path', 'kind', 'encoding', 'uai', 'schoolYear', 'counts', 'pronoteList', 'listOption', 'warnings', 'error']);
      expect(KINDS).toContain(f.kind);
      expect(Object.keys(f.counts as object)).toEqual(COUNT_KEYS);
      expect(f.error).toBeNull();
    }
    const kinds = new Set(json.files.map((f) => f.kind));
    for (const k of KINDS.filter((k) => k !== 'unknown')) expect(kinds).toContain(k);
    const eleves = json.files.find((f) => String(f.path).endsWith('ElevesSansAdresses.xml') && !String(f.path).includes('.zip'))!;
    expect(eleves.encoding).toBe('ISO-8859-15');
    expect(eleves.uai).toBe('0310040A');
    expect(eleves.schoolYear).toBe(2025);
    const counts = eleves.counts as Record<string, number>;
    expect(counts.pupils).toBeGreaterThan(590);
    expect(counts.pupilsCurrent).toBeLessThan(counts.pupils!);
    expect(json.files.some((f) => /\.zip\/.+\.xml$/.test(String(f.path)))).toBe(true);
    const resp = json.files.find((f) => f.kind === 'siecle-responsables')!;
    const rc = resp.counts as Record<string, number>;
    expect(rc.guardiansCurrent).toBeGreaterThan(0);
    expect(rc.guardiansCurrent).toBeLessThanOrEqual(rc.guardians!);
  });

  it('prints a French summary, and refuses a bad file with a non-zero exit', () => {
    const ok = run(['inspect', path.join(dir, 'ecole')]);
    expect(ok.out).toContain('SIECLE – élèves');
    const bad = path.join(dir, 'coupe.xml');
    writeFileSync(bad, '<?xml version="1.0" encoding="ISO-8859-15"?><BEE_ELEVES><PARAMETRES><UAJ>0310040A</UAJ>');
    const r = run(['inspect', bad, '--json']);
    expect(r.code).not.toBe(0);
    const f = (JSON.parse(r.out) as { files: { error: { code: string; message: string } }[] }).files[0]!;
    expect(f.error.code).toBe('truncated');
    expect(f.error.message).toMatch(/incomplet/);
    expect(run(['inspect', path.join(dir, 'absent.xml')]).code).toBe(2);
  });
});

describe('raccord check', () => {
  it('never says « Aucun problème trouvé » when every file was refused', () => {
    const bad = path.join(dir, 'tout-coupe.xml');
    writeFileSync(bad, '<?xml version="1.0" encoding="ISO-8859-15"?><BEE_ELEVES><PARAMETRES><UAJ>0310040A</UAJ>');
    const r = run(['check', bad]);
    expect(r.code).not.toBe(0);
    expect(r.out).not.toContain('Aucun problème trouvé');
    expect(r.out).toContain("Aucun fichier n'a pu être lu : rien n'a été vérifié.");
  });

  it('reads a PRONOTE teacher list without a profile column from its file name', () => {
    const list = path.join(dir, 'pronote_professeurs.txt');
    writeFileSync(list, Buffer.from('Nom\tPr\xe9nom\tIdentifiant PRONOTE\r\nBLANC\tPaul\tS1\r\n', 'latin1'));
    const r = run(['inspect', list, '--json']);
    expect(r.code).toBe(0);
    const f = (JSON.parse(r.out) as { files: { kind: string; error: unknown; warnings: { code: string }[] }[] }).files[0]!;
    expect(f.kind).toBe('pronote-ids');
    expect(f.error).toBeNull();
    expect(f.warnings.map((w) => w.code)).toContain('pronote-profile-from-file-name');
  });

  it('tells an unlabelled list from its names (inspect shows it), and prints the --liste option when nothing tells', () => {
    const stsName = readdirSync(path.join(dir, 'ecole')).find((n) => /^sts_emp_.*\.xml$/.test(n))!;
    const sts = path.join(dir, 'ecole', stsName);
    const teachers = readFile(stsName, new Uint8Array(readFileSync(sts)))[0]!.data.staff!.filter((p) => p.teacher);
    const list = path.join(dir, 'liste.txt');
    const rows = teachers.map((t, i) => `${t.name.usage ?? t.name.family}\t${t.name.given}\tPN${i}`).join('\r\n');
    writeFileSync(list, Buffer.from(`Nom\tPr\xe9nom\tIdentifiant PRONOTE\r\n${rows}\r\n`, 'latin1'));

    const text = run(['inspect', sts, list]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`Liste PRONOTE : professeurs, d'après les noms qu'elle contient (${teachers.length} des ${teachers.length} noms sont des professeurs de STS-web)`);
    const json = JSON.parse(run(['inspect', sts, list, '--json']).out) as { files: { path: string; pronoteList: unknown; listOption: unknown }[] };
    expect(json.files.find((f) => f.path === list)!.pronoteList).toMatchObject({ decidedBy: 'content', profile: 'teacher' });

    // Alone, nothing tells it: refused « à indiquer », with the exact option to pass.
    const alone = run(['inspect', list]);
    expect(alone.code).toBe(1);
    expect(alone.out).toContain('Liste à indiquer');
    expect(alone.out).toContain('Relancez en indiquant la liste : --liste "liste.txt=eleves|professeurs|personnels|responsables"');
    const checked = run(['check', list]);
    expect(checked.out).toContain('--liste "liste.txt=');
    // The option decides, for inspect and check.
    const declared = run(['inspect', list, '--liste', 'liste.txt=personnels', '--json']);
    expect(declared.code).toBe(0);
    expect((JSON.parse(declared.out) as { files: { pronoteList: unknown }[] }).files[0]!.pronoteList).toEqual({ decidedBy: 'admin', profile: 'staff' });
    expect(run(['check', list, `--liste=${list}=professeurs`]).code).toBe(0);
    // Half the names are teachers: not enough to decide, but the suggested option leans that way.
    const half = path.join(dir, 'moitie.txt');
    const halfRows = teachers.map((t, i) => (i % 2 ? `${t.name.usage ?? t.name.family}\t${t.name.given}` : `INCONNU${i}\tPersonne`) + `\tPN${i}`).join('\r\n');
    writeFileSync(half, Buffer.from(`Nom\tPr\xe9nom\tIdentifiant PRONOTE\r\n${halfRows}\r\n`, 'latin1'));
    expect(run(['inspect', sts, half]).out).toContain('Relancez en indiquant la liste : --liste "moitie.txt=professeurs" (ou eleves, personnels, responsables)');
    // A wrong option is told, in French.
    expect(run(['inspect', list, '--liste', 'autre.txt=professeurs']).err).toContain('aucun des fichiers donnés ne s\'appelle « autre.txt »');
    expect(run(['inspect', list, '--liste', 'liste.txt=directeurs']).err).toContain('attendu FICHIER=eleves|professeurs|personnels|responsables');
  });

  it('--liste reaches a list inside a zip by its name or archive/name, and the printed option works for it', () => {
    const stsName = readdirSync(path.join(dir, 'ecole')).find((n) => /^sts_emp_.*\.xml$/.test(n))!;
    const teachers = readFile(stsName, new Uint8Array(readFileSync(path.join(dir, 'ecole', stsName))))[0]!.data.staff!.filter((p) => p.teacher);
    const unlabelled = (from: number) => cp1252(`Nom\tPrénom\tIdentifiant PRONOTE\r\n${teachers.map((t, i) => `${t.name.usage ?? t.name.family}\t${t.name.given}\tPN${from + i}`).join('\r\n')}\r\n`);
    const zips = path.join(dir, 'zips');
    mkdirSync(zips, { recursive: true });
    const zip = path.join(zips, 'exports.zip');
    writeFileSync(zip, zipSync({ 'liste.txt': unlabelled(0) }));
    const entry = `${zip}/liste.txt`;
    const listOf = (r: { out: string }) => (JSON.parse(r.out) as { files: { path: string; pronoteList: unknown; error: unknown; listOption: string | null }[] }).files;

    // Alone, nothing tells it; the option printed is the entry's name, and it works.
    const alone = run(['inspect', zip]);
    expect(alone.code).toBe(1);
    expect(alone.out).toContain('Relancez en indiquant la liste : --liste "liste.txt=eleves|professeurs|personnels|responsables"');
    for (const name of ['liste.txt', 'exports.zip/liste.txt', entry]) {
      const r = run(['inspect', zip, '--liste', `${name}=professeurs`, '--json']);
      expect(r.err, name).toBe('');
      expect(r.code, name).toBe(0);
      expect(listOf(r)[0]).toMatchObject({ path: entry, pronoteList: { decidedBy: 'admin', profile: 'teacher' }, error: null });
      expect(run(['check', zip, '--liste', `${name}=professeurs`]).code, name).toBe(0);
    }
    // Naming the zip itself is refused with the form that reaches the list inside.
    expect(run(['inspect', zip, '--liste', 'exports.zip=professeurs']).err).toContain('--liste "exports.zip/liste.txt=professeurs"');

    // Two zips each holding a « liste.txt »: the option names the archive too, and each one decides its own list.
    const other = path.join(zips, 'autres.zip');
    writeFileSync(other, zipSync({ 'liste.txt': unlabelled(1000) }));
    const both = run(['inspect', zip, other]);
    expect(both.out).toContain('--liste "exports.zip/liste.txt=');
    expect(both.out).toContain('--liste "autres.zip/liste.txt=');
    const decided = listOf(run(['inspect', zip, other, '--liste', 'exports.zip/liste.txt=professeurs', '--liste', 'autres.zip/liste.txt=personnels', '--json']));
    expect(decided.map((f) => [path.basename(path.dirname(f.path)), f.pronoteList])).toEqual([
      ['exports.zip', { decidedBy: 'admin', profile: 'teacher' }],
      ['autres.zip', { decidedBy: 'admin', profile: 'staff' }],
    ]);
  });

  it('inspect on a school folder whose teachers list has no profile column shows what its names say', () => {
    const folder = path.join(dir, 'sans-profil');
    mkdirSync(folder, { recursive: true });
    const files = readdirSync(path.join(dir, 'ecole')).filter((n) => !n.startsWith('.')).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, 'ecole', name))) }));
    for (const f of withUnlabelledTeachers(files)) writeFileSync(path.join(folder, f.name), f.bytes);
    const r = run(['inspect', folder]);
    expect(r.code).toBe(0);
    const block = r.out.split('■ ').find((b) => b.startsWith(path.join(folder, UNLABELLED_TEACHERS)))!;
    expect(block).toMatch(/Liste PRONOTE : professeurs, d'après les noms qu'elle contient \((\d+) des \1 noms sont des professeurs de STS-web\)/);
    expect(block).not.toContain('✖');
  });

  it('prints the documented JSON shape on the sample school', () => {
    const r = run(['check', path.join(dir, 'ecole'), '--json', '--today', '2025-09-15']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.school).toMatchObject({ uai: '0310040A', schoolYear: 2025 });
    for (const s of json.sources) expect(Object.keys(s)).toEqual(expect.arrayContaining(['path', 'kind', 'records']));
    expect(json.assignments.length).toBeGreaterThan(500);
    for (const a of json.assignments.slice(0, 50)) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['entLogin', 'pronoteId', 'decision', 'evidence']));
      expect(['certain', 'probable', 'ambiguous']).toContain(a.decision);
    }
    expect(json.assignments.filter((a: { decision: string; pronoteId: string | null }) => a.decision === 'ambiguous' && a.pronoteId !== null)).toEqual([]);
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings.slice(0, 50)) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['code', 'severity', 'title', 'subjects', 'evidence', 'fix']));
      for (const s of f.subjects) expect(['siecle', 'sts', 'pronote', 'ent']).toContain(s.source);
    }
  });

  it('prints a French summary grouped by severity', () => {
    const r = run(['check', path.join(dir, 'ecole'), '--today', '2025-09-15']);
    expect(r.out).toMatch(/Identifiants PRONOTE/);
    expect(r.out).toMatch(/Erreurs \(bloquant\)|À vérifier/);
  });
});

// Speed-ups that must not change results: duplicate content parsed once, `links` on request.
const ecole = () => path.join(dir, 'ecole');

interface InspectFile { path: string; kind: string; counts: Record<string, number>; warnings: { code: string; message: string }[] }

describe('duplicate content is parsed once', () => {
  it('inspect still lists the loose file and the zip entry, each with its own path', () => {
    const json = JSON.parse(run(['inspect', ecole(), '--json']).out) as { files: InspectFile[] };
    const loose = json.files.find((f) => f.path === path.join(ecole(), 'ElevesSansAdresses.xml'))!;
    const inZip = json.files.find((f) => f.path === path.join(ecole(), 'ExportXML_ElevesSansAdresses.zip', 'ElevesSansAdresses.xml'))!;
    expect(loose).toBeDefined();
    expect(inZip).toBeDefined();
    expect(inZip.kind).toBe(loose.kind);
    expect(inZip.counts).toEqual(loose.counts);
    expect(inZip.warnings).toEqual(loose.warnings);
  });

  it('shares the parse between copies, but a warning naming the file is written for each copy', () => {
    const inputs = collectInputs([ecole()]);
    const files = readInputs(inputs, {});
    const loose = files.find((f) => f.path.endsWith('ElevesSansAdresses.xml') && !f.path.includes('.zip'))!;
    const inZip = files.find((f) => f.path.endsWith('.zip/ElevesSansAdresses.xml'))!;
    expect(inZip.data).toBe(loose.data); // parsed once
    expect(inZip.warnings).not.toBe(loose.warnings); // selectFiles adds its own warnings to each
    expect(inZip.fingerprint).toBe(loose.fingerprint);

    // The encrypted EDT export's warning names the file: the copy is read again, and names itself.
    const twice = path.join(dir, 'twice');
    mkdirSync(twice, { recursive: true });
    const edt = readdirSync(ecole()).find((n) => n.startsWith('EDT_To_'))!;
    copyFileSync(path.join(ecole(), edt), path.join(twice, 'a.xml'));
    copyFileSync(path.join(ecole(), edt), path.join(twice, 'b.xml'));
    const json = JSON.parse(run(['inspect', twice, '--json']).out) as { files: InspectFile[] };
    expect(json.files.map((f) => f.path)).toEqual([path.join(twice, 'a.xml'), path.join(twice, 'b.xml')]);
    for (const f of json.files) expect(f.warnings[0]!.message).toContain(`« ${f.path} »`);
  });

  it('gives the same results as parsing every input on its own', () => {
    const inputs = collectInputs([ecole()]);
    const alone = inputs.flatMap((f) => readFile(f.path, f.bytes, {}));
    const shared = readInputs(collectInputs([ecole()]), {});
    // The copy's records keep the provenance of the first copy: it is never assembled (selectFiles skips it).
    const strip = (fs: typeof alone) => fs.map((f) => ({ ...f, data: f.path.includes('.zip/') ? null : f.data }));
    expect(strip(shared)).toEqual(strip(alone));
    expect(shared.map((f) => f.path)).toEqual(alone.map((f) => f.path));
  });

  it('check lists both sources and keeps the duplicate warning', () => {
    const json = JSON.parse(run(['check', ecole(), '--json', '--today', '2025-09-15']).out) as { sources: { path: string }[] };
    const paths = json.sources.map((s) => s.path);
    expect(paths).toContain(path.join(ecole(), 'ElevesSansAdresses.xml'));
    expect(paths).toContain(path.join(ecole(), 'ExportXML_ElevesSansAdresses.zip', 'ElevesSansAdresses.xml'));
    const files = readInputs(collectInputs([ecole()]), {});
    assembleDataset(files);
    const inZip = files.find((f) => f.path.endsWith('.zip/ElevesSansAdresses.xml'))!;
    expect(inZip.warnings.map((w) => w.code)).toContain('file.duplicate');
    expect(files.find((f) => f.path === path.join(ecole(), 'ElevesSansAdresses.xml'))!.warnings.map((w) => w.code)).not.toContain('file.duplicate');
    // The text summary says which copy is not counted.
    const text = run(['check', ecole(), '--today', '2025-09-15']).out;
    expect(text).toMatch(/ExportXML_ElevesSansAdresses\.zip\/ElevesSansAdresses\.xml — siecle-eleves, \d+ enregistrements \(même contenu qu'un autre fichier, compté une fois\)/);
    expect(text).not.toMatch(/ecole\/ElevesSansAdresses\.xml — siecle-eleves, \d+ enregistrements \(/);
  });
});

describe('check --json', () => {
  it('leaves links out unless --liens is given', () => {
    const plain = JSON.parse(run(['check', ecole(), '--json', '--today', '2025-09-15']).out) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(['school', 'sources', 'assignments', 'findings']);
    const withLinks = JSON.parse(run(['check', ecole(), '--json', '--liens', '--today', '2025-09-15']).out) as Record<string, unknown>;
    expect(Object.keys(withLinks)).toEqual(['school', 'sources', 'assignments', 'findings', 'links']);
    expect((withLinks.links as unknown[]).length).toBeGreaterThan(0);
    expect({ ...withLinks, links: undefined }).toEqual({ ...plain, links: undefined });
  });

  it('mentions --liens in the usage', () => {
    expect(run(['help']).out).toContain('--liens');
  });
});

describe('check --comptes-en-charge', () => {
  /** The sample school with the ENT accounts of all « personnes en charge » but one removed. */
  function schoolMissingInCharge(): { folder: string; removed: string[] } {
    const folder = path.join(dir, 'en-charge');
    mkdirSync(folder, { recursive: true });
    for (const name of readdirSync(ecole())) if (!name.startsWith('.')) copyFileSync(path.join(ecole(), name), path.join(folder, name));
    const truth = JSON.parse(readFileSync(path.join(ecole(), '.truth.json'), 'utf8')) as { people: { list: { kind: string; status: string; siecle: string[] }[] } };
    const inCharge = truth.people.list.filter((p) => p.kind === 'guardian' && p.status === 'in-charge').map((p) => p.siecle[0]!);
    expect(inCharge.length).toBeGreaterThanOrEqual(2);
    const removed = inCharge.slice(1);
    const entFile = path.join(folder, 'ENT-Identifiants-0310040A.A.csv');
    // Windows-1252 bytes kept as they are (latin1 maps each byte to one character and back).
    const lines = readFileSync(entFile, 'latin1').split('\r\n');
    writeFileSync(entFile, lines.filter((l) => !removed.some((id) => l.includes(`;${id};`))).join('\r\n'), 'latin1');
    return { folder, removed };
  }
  const missingOf = (out: string, ids: string[]) =>
    (JSON.parse(out) as { findings: { code: string; subjects: { id: string }[] }[] }).findings.filter(
      (f) => f.code === 'ent.account-missing' && f.subjects.some((s) => ids.includes(s.id)),
    );

  it('infers from the export that the ENT makes « en charge » accounts, and the admin can say it does not', () => {
    const { folder, removed } = schoolMissingInCharge();
    const inferred = run(['check', folder, '--json', '--today', '2025-09-15']);
    expect(missingOf(inferred.out, removed).length).toBe(removed.length);
    const off = run(['check', folder, '--json', '--today', '2025-09-15', '--comptes-en-charge', 'non']);
    expect(missingOf(off.out, removed)).toEqual([]);
    const on = run(['check', ecole(), '--json', '--today', '2025-09-15', '--comptes-en-charge', 'oui']);
    expect(on.code).toBe(0);
  });

  it('refuses any other value with a French message', () => {
    const r = run(['check', ecole(), '--comptes-en-charge', 'peut-être']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--comptes-en-charge attend « oui »');
    expect(run(['help']).out).toContain('--comptes-en-charge oui|non');
  });
});
