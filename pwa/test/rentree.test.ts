/**
 * The « Étapes de la rentrée » data through the real engine (fake-indexeddb), and the sample
 * school: the button's school is the folder `raccord sample` (so `npm start`) writes that day.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countFile } from '@raccord/core';
import { readFile } from '@raccord/core/formats/read.ts';
import { main } from '@raccord/core/cli/main.ts';
import { RaccordDb } from '../src/db/schema.ts';
import { decisionKey, setDecision } from '../src/db/store.ts';
import { Engine } from '../src/engine/engine.ts';
import { dbName } from './fixtures.ts';

const TODAY = '2026-12-04';
const dbs: RaccordDb[] = [];
function engine(today = TODAY): Engine {
  const db = new RaccordDb(dbName());
  dbs.push(db);
  return new Engine(db, () => today);
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('établissement d’exemple', () => {
  it('the « Essayer… » button stages the very files `raccord sample` writes the same day', async () => {
    const staged = await engine().stageSample();
    const dir = mkdtempSync(path.join(tmpdir(), 'raccord-sample-'));
    try {
      let out = '';
      expect(main(['sample', '--out', dir, '--today', TODAY], { out: (s) => (out += s), err: () => undefined })).toBe(0);
      expect(out).toContain('année 2026-2027, exports du 01/12/2026');
      const written = readdirSync(dir).filter((n) => !n.startsWith('.')).flatMap((n) => readFile(n, new Uint8Array(readFileSync(path.join(dir, n)))));
      const view = (f: { path: string; kind: string; schoolYear?: number; exportDate?: string; uai?: string }, counts: object) => ({ path: f.path, kind: f.kind, uai: f.uai, schoolYear: f.schoolYear, exportDate: f.exportDate, counts });
      const fromButton = staged.map((s) => view(s, s.counts)).sort((a, b) => a.path.localeCompare(b.path));
      const fromFolder = written.map((f) => view(f, countFile(f))).sort((a, b) => a.path.localeCompare(b.path));
      expect(fromButton).toEqual(fromFolder);
      expect(fromButton.find((f) => f.kind === 'sts-emp')).toMatchObject({ path: 'sts_emp_0310040A_2026.xml', schoolYear: 2026 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('moteur : étapes de la rentrée', () => {
  it('is null before any import, then follows the imported sample school', async () => {
    const e = engine();
    expect(await e.rentree()).toBeNull();
    await e.stageSample();
    await e.commit('exemple');
    const r = (await e.rentree())!;
    expect(r.today).toBe(TODAY);
    expect(r.currentSchoolYear).toBe(2026);
    expect(r.dataSchoolYear).toBe(2026);
    expect(r.steps.map((s) => [s.id, s.status])).toEqual([
      ['bascule', 'fait'],
      ['nomenclatures', 'fait'],
      ['structure-sts', 'fait'],
      // The sample plants STS-web group codes cut by EDT (« 1ARA1STM » for SIECLE's « 1ARA1STMG »):
      // STS-web groups missing from Structures.xml, so the structure's export to SIECLE is to redo.
      ['structure-siecle', 'a-faire'],
      ['eleves', 'bloque'],
      ['services-groupes', 'bloque'],
      ['aaf', 'a-faire'],
      ['comptes-ent', 'bloque'],
      ['identifiants-pronote', 'bloque'],
    ]);
    // The lists carry no export date: said so, whatever date the files had on disk.
    const lists = r.files.filter((f) => f.kind === 'pronote-ids' || f.kind === 'ent-accounts');
    expect(lists).toHaveLength(4);
    for (const f of lists) expect(f.text).toContain("date d'export inconnue");
  }, 120_000);

  it('a finding the admin marked handled no longer blocks its step', async () => {
    const e = engine();
    await e.stageSample();
    await e.commit('exemple');
    const db = dbs[dbs.length - 1]!;
    const before = (await e.rentree())!;
    const blocked = before.steps.find((s) => s.status === 'bloque')!;
    expect(blocked, 'the sample has a blocked step').toBeDefined();
    const codes = new Set(blocked.blockers.map((b) => b.code));
    const importId = (await db.imports.toCollection().last())!.id!;
    for (const f of (await e.overview()).result!.findings.filter((f) => codes.has(f.code))) {
      await setDecision(db, decisionKey.finding(f.key), { key: decisionKey.finding(f.key), type: 'finding', findingKey: f.key, code: f.code, verdict: 'handled', importId, at: 'x' });
    }
    const after = (await e.rentree())!.steps.find((s) => s.id === blocked.id)!;
    expect(after.blockers).toEqual([]);
    expect(after.status).not.toBe('bloque');
  }, 120_000);

  it("says last year's files are last year's when the year has turned", async () => {
    // The school of 4 December 2026, analysed in October 2027.
    const later = engine('2027-10-02');
    const { generateSchool, demoSchoolOptions } = await import('@raccord/core/sample/index.ts');
    const school = generateSchool({ ...demoSchoolOptions(TODAY), pupils: 60 });
    await later.stage(school.files.map((f, i) => ({ id: `f${i}`, name: f.name, blob: new Blob([f.bytes as BlobPart]) })));
    await later.commit('fichiers');
    const r = (await later.rentree())!;
    expect(r.lastYearData).toBe(true);
    expect(r.steps[0]!.status).toBe('a-faire');
    expect(r.steps.slice(1).every((s) => s.status === 'inconnu')).toBe(true);
    expect(r.dateWarnings[0]).toContain("l'année en cours est 2027-2028");
  }, 120_000);
});
