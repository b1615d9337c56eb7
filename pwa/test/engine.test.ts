/**
 * The engine as the worker runs it (here in-process, on fake-indexeddb): import, reconcile,
 * decisions that survive re-imports, refusals, column mapping, exports, backup.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSchool } from '@raccord/core/sample/index.ts';
import { assignmentKey, readFile } from '@raccord/core';
import { RaccordDb, workMarkKey } from '../src/db/schema.ts';
import { decisionKey, setDecision, setWorkMark, toAdminDecisions } from '../src/db/store.ts';
import { Engine } from '../src/engine/engine.ts';
import type { EngineInput } from '../src/engine/types.ts';
import { findingStatus } from '../src/lib/status.ts';
import { dbName } from './fixtures.ts';

const TODAY = '2025-09-20';
let school: ReturnType<typeof generateSchool>;
let other: ReturnType<typeof generateSchool>;

beforeAll(() => {
  school = generateSchool({ pupils: 120, seed: 3 });
  other = generateSchool({ pupils: 20, uai: '0999999Z' });
});

const dbs: RaccordDb[] = [];
function setup(): { db: RaccordDb; engine: Engine } {
  const db = new RaccordDb(dbName());
  dbs.push(db);
  return { db, engine: new Engine(db, () => TODAY) };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function inputs(s: { files: { name: string; bytes: Uint8Array }[] }, prefix = 'f'): EngineInput[] {
  return s.files.map((f, i) => ({ id: `${prefix}${i}`, name: f.name, blob: new Blob([f.bytes as BlobPart]) }));
}

async function importSchool(engine: Engine, s = school, prefix = 'f') {
  const staged = await engine.stage(inputs(s, prefix));
  const summary = await engine.commit('fichiers');
  return { staged, summary };
}

describe('moteur : import et rapprochement', () => {
  it('reads, commits in one go, and reconciles', async () => {
    const { db, engine } = setup();
    const progress: string[] = [];
    const staged = await engine.stage(inputs(school), (p) => progress.push(p.phase));
    expect(progress).toContain('lecture');
    expect(staged.find((s) => s.kind === 'siecle-eleves')).toMatchObject({ uai: '0310040A', error: null });
    // The SIECLE zip repeats ElevesSansAdresses.xml given beside it: not read twice, said so.
    const zipped = staged.find((s) => s.path.endsWith('.zip/ElevesSansAdresses.xml'));
    expect(zipped?.warnings.map((w) => w.code)).toContain('file.duplicate');
    expect(await db.imports.count()).toBe(0);
    const summary = await engine.commit('fichiers');
    expect(summary.files).toBeGreaterThan(5);
    const o = await engine.overview();
    expect(o.school?.uai).toBe('0310040A');
    expect(o.result?.findings.length).toBeGreaterThan(0);
    expect(o.result?.assignments.length).toBeGreaterThan(0);
    expect(o.sources.map((s) => s.kind)).toContain('sts-emp');
    expect(o.rules.length).toBeGreaterThanOrEqual(13);
    expect(o.previousImport).toBeUndefined();
    // The raw bytes are kept with the snapshots.
    expect(await db.raws.count()).toBeGreaterThan(5);
  });

  it('counts findings new since the previous import', async () => {
    const { engine } = setup();
    await importSchool(engine);
    await importSchool(engine, school, 'g');
    const o = await engine.overview();
    expect(o.previousImport).toBeDefined();
    expect(o.newFindingKeys).toEqual([]);
  });

  it('refuses the files of another school, keeps the rest, and says how to change school', async () => {
    const { db, engine } = setup();
    await importSchool(engine);
    const before = await db.snapshots.count();
    const staged = await engine.stage(inputs(other, 'o'));
    const eleves = staged.find((s) => s.path === 'ElevesSansAdresses.xml')!;
    expect(eleves.error?.code).toBe('wrong-school');
    expect(eleves.error?.message).toContain('0999999Z');
    expect(eleves.appHint).toContain('0310040A');
    // SIECLE and STS files carry their school: refused. (Lists without a UAI cannot be told apart.)
    for (const s of staged.filter((x) => x.kind.startsWith('siecle') || x.kind === 'sts-emp')) expect(s.error?.code).toBe('wrong-school');
    // Most files refused: the import stops until the admin forces it (import-choices.test.ts).
    await expect(engine.commit('fichiers')).rejects.toThrow(/Import arrêté/);
    const summary = await engine.commit('fichiers', undefined, { force: true });
    expect(summary.refused).toBeGreaterThanOrEqual(6);
    const current = await db.snapshots.where('current').equals(1).toArray();
    expect(current.filter((s) => s.file.uai === '0999999Z')).toEqual([]);
    expect(await db.snapshots.count()).toBeLessThan(before * 2);
  });
});

describe('moteur : décisions', () => {
  it('a rejected link is never proposed again, a confirmed one is marked, and both survive a re-import', async () => {
    const { db, engine } = setup();
    await importSchool(engine);
    const o = await engine.overview();
    const toReject = o.result!.assignments.find((a) => a.decision === 'certain' && a.pronoteId);
    const toConfirm = o.result!.assignments.find((a) => a.decision === 'probable' && a.pronoteId);
    expect(toReject && toConfirm).toBeTruthy();
    const k1 = assignmentKey(toReject!.entLogin, toReject!.pronoteId!);
    const k2 = assignmentKey(toConfirm!.entLogin, toConfirm!.pronoteId!);
    await setDecision(db, decisionKey.link(k1), { key: decisionKey.link(k1), type: 'link', linkKey: k1, verdict: 'rejected', at: 'x' });
    await setDecision(db, decisionKey.link(k2), { key: decisionKey.link(k2), type: 'link', linkKey: k2, verdict: 'confirmed', at: 'x' });
    await importSchool(engine, school, 'g');
    const after = (await engine.overview()).result!;
    expect(after.assignments.find((a) => a.entLogin === toReject!.entLogin)?.pronoteId ?? null).not.toBe(toReject!.pronoteId);
    expect(after.assignments.find((a) => a.entLogin === toConfirm!.entLogin)).toMatchObject({ pronoteId: toConfirm!.pronoteId, confirmedByAdmin: true });
    expect(toAdminDecisions(await db.decisions.toArray())).toMatchObject({ rejected: [k1], confirmed: [k2] });
    // The plan for the extension carries the confirmed ID, never a rejected or unconfirmed one.
    const plan = (await engine.bridgePlan())!;
    expect(plan.people.find((p) => p.entLogins.includes(toConfirm!.entLogin))?.pronoteId).toBe(toConfirm!.pronoteId);
    for (const p of plan.people) if (p.pronoteId) expect(p.decision === 'certain' || p.confirmedByAdmin).toBe(true);
  });

  it("lists the ENT accounts to change as the overview counts them; a confirmation adds one, marks survive a re-import", async () => {
    const { db, engine } = setup();
    await importSchool(engine);
    const o = await engine.overview();
    const work = await engine.worklist();
    expect(o.entChanges!.total).toBe(work.length);
    expect(o.entChanges!.fill).toBe(work.filter((w) => w.action === 'fill').length);
    expect(work.length).toBeGreaterThan(0);
    for (const w of work) expect(w.expectedPronoteId).not.toBe(w.currentPronoteId);
    // Every ID in the list is certain or confirmed: never a guess.
    const byLogin = new Map(o.result!.assignments.map((a) => [a.entLogin, a]));
    for (const w of work) expect(byLogin.get(w.login)!.decision === 'certain' || byLogin.get(w.login)!.confirmedByAdmin).toBe(true);

    // Choosing the candidate of an ambiguous account with nothing in the ENT puts it on the list.
    const ambiguous = o.result!.assignments.find((a) => a.decision === 'ambiguous' && a.candidates?.length && !a.currentPronoteId);
    expect(ambiguous).toBeTruthy();
    const picked = ambiguous!.candidates![0]!.pronoteId;
    const k = decisionKey.choice(ambiguous!.entLogin);
    await setDecision(db, k, { key: k, type: 'choice', entLogin: ambiguous!.entLogin, pronoteId: picked, at: 'x' });
    const after = await engine.overview();
    expect(after.entChanges!.total).toBe(o.entChanges!.total + 1);
    expect((await engine.worklist()).find((w) => w.login === ambiguous!.entLogin)).toMatchObject({ expectedPronoteId: picked, action: 'fill' });

    await setWorkMark(db, work[0]!.login, work[0]!.expectedPronoteId, true);
    await importSchool(engine, school, 'g');
    const again = await engine.worklist();
    expect(again.find((w) => w.login === work[0]!.login)?.expectedPronoteId).toBe(work[0]!.expectedPronoteId);
    expect(await db.workmarks.get(workMarkKey(work[0]!.login, work[0]!.expectedPronoteId))).toBeTruthy();
  });

  it('shows each candidate of an ambiguous account with the facts that tell them apart', async () => {
    const { engine } = setup();
    await importSchool(engine);
    const ambiguous = (await engine.overview()).result!.assignments.filter((a) => a.decision === 'ambiguous' && a.candidates?.length);
    expect(ambiguous.length).toBeGreaterThan(0);
    const facts = await engine.decisionFacts();
    expect(Object.keys(facts).sort()).toEqual(ambiguous.map((a) => a.entLogin).sort());
    for (const a of ambiguous) {
      const f = facts[a.entLogin]!;
      expect(f.candidates.map((c) => c.pronoteId)).toEqual(a.candidates!.map((c) => c.pronoteId));
      // The person behind the account, with what tells them apart: a teacher's discipline and birth
      // date, a pupil's division (which kind is ambiguous depends on the generated school).
      const labels = f.account.facts.map(([l]) => l);
      if (f.account.title.includes('(Enseignant)')) expect(labels).toEqual(expect.arrayContaining(['Né(e) le', 'Disciplines']));
      else if (f.account.title.includes('(Élève)')) expect(labels).toEqual(expect.arrayContaining(['Division']));
      else expect(labels.length).toBeGreaterThan(0);
      expect(f.candidates.every((c) => c.facts.some((x) => x.label === 'Nom'))).toBe(true);
    }
  });

  it('a handled finding that is still there after the next import says it came back', async () => {
    const { db, engine } = setup();
    await importSchool(engine);
    const f = (await engine.overview()).result!.findings[0]!;
    const first = (await db.imports.toArray())[0]!;
    await setDecision(db, decisionKey.finding(f.key), {
      key: decisionKey.finding(f.key), type: 'finding', findingKey: f.key, code: f.code, verdict: 'handled', importId: first.id!, at: 'x',
    });
    const decisions = new Map((await db.decisions.toArray()).map((d) => [d.key, d]));
    expect(findingStatus(f, decisions, first.id)).toBe('handled');
    await importSchool(engine, school, 'g');
    const o = await engine.overview();
    expect(o.result!.findings.some((x) => x.key === f.key)).toBe(true);
    expect(findingStatus(f, decisions, o.lastImport!.id)).toBe('back');
    // A handled finding is not flagged in the portals.
    const plan = (await engine.bridgePlan())!;
    const reasons = JSON.stringify(plan.flags);
    expect(reasons.includes(f.evidence[0] ?? '§')).toBe(false);
  });
});

describe('moteur : correspondance des colonnes', () => {
  it('asks for the columns of an unknown table, remembers them, and reads the file', async () => {
    const { db, engine } = setup();
    const csv = 'Code perso;Famille;Petit nom;Anniv;Groupe classe\nAB12CD34EF56GH78;DUPONT;Léa;01/05/2009;2NDE3\n';
    const staged = await engine.stage([{ id: 'm', name: 'liste.csv', blob: new Blob([csv]) }]);
    expect(staged[0]!.mapping).toMatchObject({ need: 'columns', header: ['Code perso', 'Famille', 'Petit nom', 'Anniv', 'Groupe classe'] });
    await db.mappings.put({
      signature: staged[0]!.mapping!.signature,
      header: staged[0]!.mapping!.header,
      kind: 'pronote-ids',
      columns: { pronoteId: 0, family: 1, given: 2, birthDate: 3, division: 4 },
      pronoteProfile: 'pupil',
      savedAt: 'x',
    });
    const again = await engine.restage(['m']);
    expect(again[0]).toMatchObject({ kind: 'pronote-ids', error: null });
    expect(again[0]!.counts.pronoteRows).toBe(1);
  });
});

describe('moteur : liste PRONOTE sans colonne « Profil »', () => {
  it('tells the teachers list from its names among the files given together, and the teachers get their rows', async () => {
    const { engine } = setup();
    const sts = school.files.find((f) => /^sts_emp_.*\.xml$/.test(f.name))!;
    const teachers = readFile(sts.name, sts.bytes)[0]!.data.staff!.filter((p) => p.teacher);
    const list = `Nom\tPrénom\tIdentifiant PRONOTE\r\n${teachers.map((t, i) => `${t.name.usage ?? t.name.family}\t${t.name.given}\tPNX${i}`).join('\r\n')}\r\n`;
    const staged = await engine.stage([
      { id: 's', name: sts.name, blob: new Blob([sts.bytes as BlobPart]) },
      { id: 'l', name: 'liste.txt', blob: new Blob([list]) },
    ]);
    const l = staged.find((f) => f.path === 'liste.txt')!;
    expect(l.error).toBeNull();
    expect(l.mapping).toBeUndefined();
    expect(l.warnings.map((w) => w.message).join('\n')).toContain(`${teachers.length} des ${teachers.length} noms sont des professeurs de STS-web`);
    await engine.commit('fichiers');
    const { dataset } = await engine.reconciled();
    expect(dataset.pronoteRows.filter((r) => r.pronoteId.startsWith('PNX') && r.profile === 'teacher')).toHaveLength(teachers.length);
  });

  it('tells it by the names of the exports already stored, when it comes alone later', async () => {
    const { engine } = setup();
    const sts = school.files.find((f) => /^sts_emp_.*\.xml$/.test(f.name))!;
    const teachers = readFile(sts.name, sts.bytes)[0]!.data.staff!.filter((p) => p.teacher);
    await importSchool(engine, { ...school, files: school.files.filter((f) => f.name !== 'PRONOTE-professeurs.csv') });
    const list = `Nom\tPrénom\tIdentifiant PRONOTE\r\n${teachers.map((t, i) => `${t.name.usage ?? t.name.family}\t${t.name.given}\tPNY${i}`).join('\r\n')}\r\n`;
    const staged = await engine.stage([{ id: 'l', name: 'liste.txt', blob: new Blob([list]) }]);
    expect(staged[0]!.error).toBeNull();
    expect(staged[0]!.warnings.map((w) => w.code)).toContain('pronote-profile-from-content');
    await engine.commit('fichiers');
    const { dataset } = await engine.reconciled();
    expect(dataset.pronoteRows.filter((r) => r.pronoteId.startsWith('PNY') && r.profile === 'teacher')).toHaveLength(teachers.length);
  });

  it("lets the admin's remembered answer for this header win over the file name", async () => {
    const { db, engine } = setup();
    const text = 'Nom\tPrénom\tIdentifiant PRONOTE\r\nBLANC\tPaul\tS1\r\n';
    const first = await engine.stage([{ id: 'a', name: 'liste.txt', blob: new Blob([text]) }]);
    await db.mappings.put({ signature: first[0]!.mapping!.signature, header: first[0]!.mapping!.header, pronoteProfile: 'staff', savedAt: 'x' });
    await engine.unstage(['a']);
    await engine.stage([{ id: 'b', name: 'pronote_professeurs.txt', blob: new Blob([text]) }]);
    await engine.commit('fichiers');
    const { dataset } = await engine.reconciled();
    expect(dataset.pronoteRows.map((r) => r.profile)).toEqual(['staff']);
  });

  it('still asks which list it is when the names do not tell', async () => {
    const { engine } = setup();
    const staged = await engine.stage([{ id: 'l', name: 'liste.txt', blob: new Blob(['Nom\tPrénom\tIdentifiant PRONOTE\r\nBLANC\tPaul\tS1\r\n']) }]);
    expect(staged[0]!.error?.code).toBe('pronote-profile-unknown');
    expect(staged[0]!.mapping).toMatchObject({ need: 'profile' });
  });
});

describe("moteur : export SIECLE sans ANNEE_SCOLAIRE", () => {
  it("is read in the stored school's year, with a warning; refused before any school is stored", async () => {
    const structures = school.files.find((f) => f.name === 'Structures.xml')!;
    const noYear = new Uint8Array(Buffer.from(Buffer.from(structures.bytes).toString('latin1').replace(/<ANNEE_SCOLAIRE>[^<]*<\/ANNEE_SCOLAIRE>/, ''), 'latin1'));
    const fresh = setup();
    const before = await fresh.engine.stage([{ id: 'n', name: 'Structures.xml', blob: new Blob([noYear as BlobPart]) }]);
    expect(before[0]!.error?.message).toContain("de quelle année scolaire il vient");

    const { engine } = setup();
    await importSchool(engine);
    const staged = await engine.stage([{ id: 'n', name: 'Structures.xml', blob: new Blob([noYear as BlobPart]) }]);
    expect(staged[0]!.error).toBeNull();
    expect(staged[0]!.schoolYear).toBe(school.truth.school.schoolYear);
    expect(staged[0]!.warnings.map((w) => w.code)).toContain('siecle.year-from-admin');
  });
});

describe('moteur : exports et sauvegarde', () => {
  it('builds the mail merge, the findings, the plan, the diff and the C PRO bundle', async () => {
    const { engine } = setup();
    await importSchool(engine);
    const text = (d: Uint8Array | string) => (typeof d === 'string' ? d : new TextDecoder('utf-8', { ignoreBOM: true }).decode(d));
    const mm = await engine.exportFile({ kind: 'mailmerge-pupils' });
    expect(text(mm.data)).toMatch(/^\ufeffClasse;Nom;Prénom;Identifiant/);
    expect(text(mm.data)).not.toContain('{SHA}');
    const divisions = await engine.divisions();
    const one = await engine.exportFile({ kind: 'mailmerge-guardians', division: divisions[0]! });
    expect(one.name).toContain(divisions[0]!.replace(/[^A-Za-z0-9_-]+/g, '-'));
    expect(text((await engine.exportFile({ kind: 'findings' })).data)).toContain('Code;Gravité;Problème');
    expect(text((await engine.exportFile({ kind: 'plan' })).data)).toContain('Login ENT;');
    await expect(engine.exportFile({ kind: 'diff' })).rejects.toThrow(/deux imports/);
    await importSchool(engine, school, 'g');
    expect(text((await engine.exportFile({ kind: 'diff' })).data).length).toBeGreaterThan(10);
    const cpro = await engine.exportFile({ kind: 'cpro' });
    expect(cpro.name).toBe('ElevesSansAdresses.xml');
    expect(cpro.extra?.name).toBe('ResponsablesAvecAdresses.xml');
    const original = school.files.find((f) => f.name === 'ElevesSansAdresses.xml')!.bytes;
    expect((cpro.data as Uint8Array).length).toBe(original.length);
    const letters = await engine.letters('pupils', divisions[0]);
    expect(letters.letters.length).toBeGreaterThan(0);
    expect(letters.letters.every((l) => l.division === divisions[0] && l.login)).toBe(true);
  });

  it('restores a backup over the current data, bytes included, and refuses a broken file without touching anything', async () => {
    const { db, engine } = setup();
    await importSchool(engine);
    const { blob } = await engine.backup();
    const counts = { snapshots: await db.snapshots.count(), raws: await db.raws.count() };
    const rawBefore = (await db.raws.toArray())[0]!;
    expect(await engine.restore(new Blob(['{"format":"autre"}']))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await db.snapshots.count()).toBe(counts.snapshots);
    const { engine: fresh, db: other } = setup();
    expect(await fresh.restore(blob)).toEqual({ ok: true, imports: 1 });
    expect(await other.snapshots.count()).toBe(counts.snapshots);
    const rawAfter = (await other.raws.toArray())[0]!;
    expect(rawAfter.bytes).toBeInstanceOf(Uint8Array);
    expect(rawAfter.bytes.length).toBe(rawBefore.bytes.length);
    expect((await fresh.overview()).result?.findings.length).toBe((await engine.overview()).result?.findings.length);
  });
});
