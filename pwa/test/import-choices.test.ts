/**
 * The import's choices (issue 13): an unclassified PRONOTE list is the admin's choice, a batch of
 * another school is stopped, every file's fate is said, a PDF is no export, and the ENT's
 * « personnes en charge » setting reaches the analysis.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSchool } from '@raccord/core/sample/index.ts';
import { readFile } from '@raccord/core';
import { RaccordDb } from '../src/db/schema.ts';
import { Engine } from '../src/engine/engine.ts';
import { importGate } from '../src/engine/gate.ts';
import type { EngineInput, StagedFile } from '../src/engine/types.ts';
import { fr } from '../src/i18n/fr.ts';
import { dbName } from './fixtures.ts';

const TODAY = '2025-09-20';
let school: ReturnType<typeof generateSchool>;
let other: ReturnType<typeof generateSchool>;
beforeAll(() => {
  school = generateSchool({ pupils: 120, seed: 3 });
  other = generateSchool({ pupils: 120, seed: 9, uai: '0999999Z' });
});

const dbs: RaccordDb[] = [];
function setup() {
  const db = new RaccordDb(dbName());
  dbs.push(db);
  return { db, engine: new Engine(db, () => TODAY) };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const inputs = (s: { files: { name: string; bytes: Uint8Array }[] }, prefix: string): EngineInput[] =>
  s.files.map((f, i) => ({ id: `${prefix}${i}`, name: f.name, blob: new Blob([f.bytes as BlobPart]) }));
const UNCLASSIFIED = 'Nom\tPrénom\tIdentifiant PRONOTE\r\nBLANC\tPaul\tS1\r\n';

describe('import : liste PRONOTE non classée', () => {
  it('waits for the admin: « Analyser sans cette liste » lets the import go, and the confirmation says so', async () => {
    const { engine } = setup();
    const staged = await engine.stage([...inputs(school, 'f'), { id: 'l', name: 'liste.txt', blob: new Blob([UNCLASSIFIED]) }]);
    expect(importGate(staged).undecided.map((s) => s.path)).toEqual(['liste.txt']);
    await expect(engine.commit('fichiers')).rejects.toThrow(/non classée/);
    const after = await engine.setAsideList('l', true);
    expect(after.find((s) => s.path === 'liste.txt')).toMatchObject({ setAside: true, fate: { kind: 'set-aside' } });
    expect(importGate(after).undecided).toEqual([]);
    const summary = await engine.commit('fichiers');
    expect(summary.fates.find((f) => f.path === 'liste.txt')?.fate.kind).toBe('set-aside');
    expect(summary.refused).toBe(0);
  });
});

describe("import : lot d'un autre établissement", () => {
  it('is stopped when most files are refused and its lists name other people; forced, it goes in', async () => {
    const { db, engine } = setup();
    await engine.stage(inputs(school, 'f'));
    await engine.commit('fichiers');
    const staged = await engine.stage(inputs(other, 'o'));
    const gate = importGate(staged);
    expect(gate.mostlyRefused).toBe(true);
    expect(gate.refused).toBeGreaterThan(gate.kept);
    // The ENT export names its school (refused); the PRONOTE lists do not: their names tell.
    expect(gate.foreignLists.length).toBeGreaterThan(0);
    for (const l of gate.foreignLists) {
      expect(l.kind).toBe('pronote-ids');
      expect(l.foreignList!.found).toBeLessThan(l.foreignList!.total / 2);
    }
    const before = await db.imports.count();
    await expect(engine.commit('fichiers')).rejects.toThrow(/Import arrêté/);
    expect(await db.imports.count()).toBe(before);
    await engine.commit('fichiers', undefined, { force: true });
    expect(await db.imports.count()).toBe(before + 1);
  });

  it("stops an ENT export without UAI whose names are another school's, given alone", async () => {
    const { engine } = setup();
    await engine.stage(inputs(school, 'f'));
    await engine.commit('fichiers');
    const theirs = other.files.find((f) => f.name.startsWith('ENT-'))!;
    const accounts = readFile(theirs.name, theirs.bytes)[0]!.data.entAccounts!;
    const q = (v: string) => `"${v}"`;
    const rows = accounts.slice(0, 40).map((a) => [a.profile === 'pupil' ? 'Élève' : 'Enseignant', a.name.family, a.name.given, a.login, '', ''].map(q).join(';'));
    const text = [['Type', 'Nom', 'Prénom', 'Login', 'Alias de login', "Code d'activation"].map(q).join(';'), ...rows].join('\r\n') + '\r\n';
    const staged = await engine.stage([{ id: 'e', name: 'export.txt', blob: new Blob([text]) }]);
    expect(staged[0]).toMatchObject({ kind: 'ent-accounts', error: null });
    expect(staged[0]!.foreignList?.total).toBe(40);
    expect(importGate(staged).stopped).toBe(true);
    await expect(engine.commit('fichiers')).rejects.toThrow(/Import arrêté/);
  });

  it("does not stop the school's own lists given alone", async () => {
    const { engine } = setup();
    await engine.stage(inputs({ files: school.files.filter((f) => !/^PRONOTE|ENT/i.test(f.name)) }, 'f'));
    await engine.commit('fichiers');
    const staged = await engine.stage(inputs({ files: school.files.filter((f) => /^PRONOTE|ENT/i.test(f.name)) }, 'g'));
    expect(staged.length).toBeGreaterThan(0);
    expect(importGate(staged).stopped).toBe(false);
  });
});

describe('import : ce que devient chaque fichier', () => {
  it('says which copy is counted once and that the encrypted export is not stored', async () => {
    const { engine } = setup();
    const staged = await engine.stage(inputs(school, 'f'));
    const summary = await engine.commit('fichiers');
    expect(summary.fates).toHaveLength(staged.length);
    const dup = summary.fates.find((f) => f.path.endsWith('.zip/ElevesSansAdresses.xml'))!;
    expect(dup.fate).toEqual({ kind: 'duplicate', of: 'ElevesSansAdresses.xml' });
    expect(summary.fates.find((f) => f.path.startsWith('EDT_To_KOSMOS'))?.fate.kind).toBe('not-stored');
    expect(summary.fates.filter((f) => f.fate.kind === 'kept')).toHaveLength(summary.files);
  });
});

describe("import : ce n'est pas un export", () => {
  it('a PDF, a document and a note are « pas un export », never « Indiquer les colonnes »', async () => {
    const { engine } = setup();
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const note = 'Compte rendu du conseil pédagogique du 10 septembre\n\nLes professeurs principaux vérifieront les comptes ENT des élèves de seconde.\n';
    const staged = await engine.stage([
      { id: 'p', name: 'compte-rendu.pdf', blob: new Blob([pdf]) },
      { id: 'n', name: 'notes réunion.txt', blob: new Blob([note]) },
      { id: 'l', name: 'liste.txt', blob: new Blob([UNCLASSIFIED]) },
    ]);
    const [p, n, l] = staged;
    expect(p!.notExport).toBe('pdf');
    expect(p!.mapping).toBeUndefined();
    expect(p!.error?.message).toContain("n'est pas un export");
    expect(n!.notExport).toBe('prose');
    expect(n!.mapping).toBeUndefined();
    // A real table still gets its question.
    expect(l!.notExport).toBeUndefined();
    expect(l!.mapping?.need).toBe('profile');
    expect(importGate(staged).refused).toBe(0);
  });
});

describe('réglage : comptes ENT des personnes en charge', () => {
  it('is inferred by default, kept in the database, and given to the analysis', async () => {
    const { db, engine } = setup();
    await engine.stage(inputs(school, 'f'));
    await engine.commit('fichiers');
    const inferred = await engine.accountSetting();
    expect(inferred.setting).toBeUndefined();
    expect(typeof inferred.inferred).toBe('boolean');
    expect((await engine.reconciled()).dataset.settings).toBeUndefined();
    await engine.setAccountSetting(!inferred.inferred);
    expect(await engine.accountSetting()).toEqual({ setting: !inferred.inferred });
    expect((await db.settings.get('personInChargeAccounts'))?.value).toBe(!inferred.inferred);
    expect((await engine.reconciled()).dataset.settings).toEqual({ personInChargeAccounts: !inferred.inferred });
    // A new engine (a reload) reads it from the database.
    const again = new Engine(db, () => TODAY);
    expect((await again.reconciled()).dataset.settings).toEqual({ personInChargeAccounts: !inferred.inferred });
    await again.setAccountSetting(undefined);
    expect((await again.reconciled()).dataset.settings).toBeUndefined();
  });
});

describe('import : la règle qui arrête un lot', () => {
  const row = (extra: Partial<StagedFile>): StagedFile =>
    ({ inputId: 'x', inputName: 'x', path: 'x', kind: 'unknown', byteLength: 1, counts: {} as StagedFile['counts'], warnings: [], error: null, ...extra }) as StagedFile;
  const refused = { code: 'wrong-school', message: 'autre établissement', hint: '' } as const;

  it('counts refused exports, not the files that are no export nor the lists set aside', () => {
    const kept = row({ fate: { kind: 'kept' } });
    const pdf = row({ error: { ...refused, code: 'unknown-layout' }, notExport: 'pdf' });
    const aside = row({ error: { ...refused, code: 'pronote-profile-unknown' }, setAside: true });
    expect(importGate([kept, pdf, pdf, aside, aside]).stopped).toBe(false);
    expect(importGate([kept, row({ error: refused }), row({ error: refused })])).toMatchObject({ refused: 2, kept: 1, mostlyRefused: true, stopped: true });
    // Nothing kept: nothing to mix in, the button is off anyway.
    expect(importGate([row({ error: refused })]).stopped).toBe(false);
    expect(importGate([kept, row({ error: { ...refused, code: 'pronote-profile-unknown' } })]).undecided).toHaveLength(1);
  });

  it('says who goes missing without an unclassified list', () => {
    expect(fr.import.setAsideConsequence(12, 'teacher')).toContain("ses 12 personnes n'auront pas d'identifiant PRONOTE");
    expect(fr.import.setAsideConsequence(12, 'teacher')).toContain("les professeurs n'auront pas d'identifiant PRONOTE");
    expect(fr.import.setAsideConsequence(3, 'pupil')).toContain("les élèves n'auront pas d'identifiant PRONOTE");
  });
});
