import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, RaccordDb, SCHEMA, declareSchema, slotOf, type DecisionRow, type SnapshotRow } from '../src/db/schema.ts';
import { dbName, parsedFile, pronoteList } from './fixtures.ts';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A database holding what version 1 of Raccord wrote. */
async function seedV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  declareSchema(v1, 1);
  const pupilsList = pronoteList(['pupil', 'pupil']);
  const teachersList = pronoteList(['teacher']);
  await v1.table('imports').bulkAdd([
    { id: 1, committedAt: '2025-09-12T08:00:00.000Z', uai: '0310040A', schoolYear: 2025, files: [] },
    { id: 2, committedAt: '2025-09-15T08:00:00.000Z', uai: '0310040A', schoolYear: 2025, files: [] },
  ]);
  await v1.table('snapshots').bulkAdd([
    { importId: 1, committedAt: '2025-09-12T08:00:00.000Z', kind: 'siecle-eleves', path: 'old.xml', file: parsedFile('siecle-eleves') },
    { importId: 1, committedAt: '2025-09-12T08:00:00.000Z', kind: 'pronote-ids', path: 'eleves.csv', file: pupilsList },
    { importId: 2, committedAt: '2025-09-15T08:00:00.000Z', kind: 'siecle-eleves', path: 'new.xml', file: parsedFile('siecle-eleves') },
    { importId: 2, committedAt: '2025-09-15T08:00:00.000Z', kind: 'pronote-ids', path: 'profs.csv', file: teachersList },
  ]);
  await v1.table('decisions').bulkAdd([
    { key: 'link:ent:account:lea.dupont→pronote:row:PN1', verdict: 'confirmed', at: '2025-09-13T10:00:00.000Z' },
    { key: 'link:ent:account:x→pronote:row:PN9', verdict: 'rejected', at: '2025-09-13T10:01:00.000Z' },
    { key: 'choice:tom.martin', verdict: 'chosen', value: 'PN42', at: '2025-09-13T10:02:00.000Z' },
    { key: 'finding:siecle.pupil-incomplete|123', verdict: 'ignored', code: 'siecle.pupil-incomplete', reason: 'Départ', at: '2025-09-13T10:03:00.000Z' },
  ]);
  await v1.table('mappings').add({ signature: 'nom|prenom|id', kind: 'pronote-ids', columns: { pronoteId: 2 }, header: ['Nom', 'Prénom', 'Id'], savedAt: 'x' });
  v1.close();
}

/** Opens `name` with the versions up to `upTo`, running their migrations. */
async function openAt(name: string, upTo: number): Promise<Dexie> {
  const db = new Dexie(name);
  declareSchema(db, upTo);
  await db.open();
  opened.push(db);
  return db;
}

describe('schéma et migrations', () => {
  it('declares increasing versions, the last one used by RaccordDb', () => {
    const versions = SCHEMA.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[0]).toBe(1);
    expect(new RaccordDb(dbName()).verno).toBe(DB_VERSION);
  });

  for (const target of SCHEMA.map((v) => v.version).filter((v) => v > 1)) {
    it(`migrates a version 1 database to version ${target} without losing anything`, async () => {
      const name = dbName();
      await seedV1(name);
      const db = await openAt(name, target);
      expect(db.verno).toBe(target);
      expect(await db.table('imports').count()).toBe(2);
      expect(await db.table('snapshots').count()).toBe(4);
      expect(await db.table('decisions').count()).toBe(4);
      expect(await db.table('mappings').count()).toBe(1);

      // v2: slots, and only the newest of each slot is current; the teachers' list does not replace the pupils'.
      const snaps = (await db.table('snapshots').toArray()) as SnapshotRow[];
      const byPath = Object.fromEntries(snaps.map((s) => [s.path, s]));
      expect(byPath['old.xml']).toMatchObject({ slot: 'siecle-eleves', current: 0 });
      expect(byPath['new.xml']).toMatchObject({ slot: 'siecle-eleves', current: 1 });
      expect(byPath['eleves.csv']).toMatchObject({ slot: 'pronote-ids:pupil', current: 1 });
      expect(byPath['profs.csv']).toMatchObject({ slot: 'pronote-ids:teacher', current: 1 });
      expect(await db.table('snapshots').where('current').equals(1).count()).toBe(3);

      const decisions = (await db.table('decisions').toArray()) as DecisionRow[];
      const byKey = Object.fromEntries(decisions.map((d) => [d.key, d]));
      expect(byKey['link:ent:account:lea.dupont→pronote:row:PN1']).toMatchObject({ type: 'link', verdict: 'confirmed', linkKey: 'ent:account:lea.dupont→pronote:row:PN1' });
      expect(byKey['choice:tom.martin']).toMatchObject({ type: 'choice', entLogin: 'tom.martin', pronoteId: 'PN42' });
      expect(byKey['choice:tom.martin']).not.toHaveProperty('value');
      expect(byKey['finding:siecle.pupil-incomplete|123']).toMatchObject({ type: 'finding', verdict: 'ignored', reason: 'Départ', code: 'siecle.pupil-incomplete' });
      expect(await db.table('decisions').where('type').equals('link').count()).toBe(2);

      if (target >= 3) {
        const imports = await db.table('imports').toArray();
        expect(imports.every((i) => Array.isArray(i.findingKeys) && i.origin === 'fichiers')).toBe(true);
        expect(await db.table('journal').count()).toBe(0);
        expect(await db.table('results').count()).toBe(0);
      }
      if (target >= 4) {
        expect(await db.table('raws').count()).toBe(0);
        // Snapshots from before v4 have no raw bytes: the C PRO export says to import again.
        expect(snaps.every((s) => s.rawId === undefined)).toBe(true);
      }
      if (target >= 5) expect(await db.table('workmarks').count()).toBe(0);
    });
  }

  it('opens an empty database directly at the current version', async () => {
    const db = new RaccordDb(dbName());
    opened.push(db);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['decisions', 'imports', 'journal', 'mappings', 'raws', 'results', 'settings', 'snapshots', 'workmarks']);
  });

  it('gives PRONOTE and ENT lists a slot per set of profiles', () => {
    expect(slotOf(pronoteList(['teacher', 'pupil', 'pupil']))).toBe('pronote-ids:pupil+teacher');
    expect(slotOf(parsedFile('sts-emp'))).toBe('sts-emp');
  });
});
