/** The CLI end to end, in-process, on the generated sample school written to a temp folder. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'raccord-cli-'));
  const r = run(['sample', '--out', path.join(dir, 'ecole'), '--eleves', '600']);
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KINDS = ['siecle-eleves', 'siecle-responsables', 'siecle-nomenclature', 'siecle-structures', 'siecle-communs', 'sts-emp', 'pronote-ids', 'ent-accounts', 'index-education-encrypted', 'unknown'];
const COUNT_KEYS = ['pupils', 'pupilsCurrent', 'guardians', 'guardiansCurrent', 'staff', 'teachers', 'divisions', 'groups', 'pronoteRows', 'entAccounts'];

describe('raccord inspect', () => {
  it('prints exactly the documented JSON for every file of the sample school, zip entries as archive/inner', () => {
    const r = run(['inspect', path.join(dir, 'ecole'), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { files: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['files']);
    for (const f of json.files) {
      expect(Object.keys(f)).toEqual(['path', 'kind', 'encoding', 'uai', 'schoolYear', 'counts', 'warnings', 'error']);
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
