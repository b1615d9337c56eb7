import { afterEach, describe, expect, it } from 'vitest';
import { RaccordDb, type DecisionRow } from '../src/db/schema.ts';
import {
  commitImport,
  currentSnapshots,
  decisionKey,
  decisionsStamp,
  getSchool,
  setDecision,
  toAdminDecisions,
  undoLast,
  setDecisions,
} from '../src/db/store.ts';
import { dbName, parsedFile, pronoteList } from './fixtures.ts';

const dbs: RaccordDb[] = [];
function freshDb(): RaccordDb {
  const db = new RaccordDb(dbName());
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const school = { uai: '0310040A', schoolYear: 2025 };

describe("import : une transaction par import validé", () => {
  it('keeps previous snapshots and marks only the replaced slots as no longer current', async () => {
    const db = freshDb();
    await commitImport(db, { files: [parsedFile('siecle-eleves', { path: 'a.xml' }), pronoteList(['pupil'], { path: 'el.csv' })], origin: 'fichiers', school });
    await commitImport(db, { files: [parsedFile('siecle-eleves', { path: 'b.xml' }), pronoteList(['teacher'], { path: 'pr.csv' })], origin: 'fichiers', school });
    expect((await currentSnapshots(db)).map((s) => s.path)).toEqual(['el.csv', 'b.xml', 'pr.csv']);
    expect(await db.snapshots.count()).toBe(4);
    // A full list (pupils + teachers) replaces both partial ones.
    await commitImport(db, { files: [pronoteList(['pupil', 'teacher'], { path: 'tout.csv' })], origin: 'fichiers', school });
    expect((await currentSnapshots(db)).map((s) => s.path)).toEqual(['b.xml', 'tout.csv']);
    expect(await getSchool(db)).toEqual(school);
  });

  it('leaves the previous state intact when the import fails half-way', async () => {
    const db = freshDb();
    await commitImport(db, { files: [parsedFile('siecle-eleves', { path: 'a.xml' })], origin: 'fichiers', school });
    const before = { imports: await db.imports.count(), current: (await currentSnapshots(db)).map((s) => s.path) };
    await expect(
      commitImport(db, {
        files: [parsedFile('siecle-eleves', { path: 'b.xml' }), parsedFile('sts-emp', { path: 'c.xml' })],
        origin: 'fichiers',
        school,
        afterEachSnapshot: (i) => {
          if (i === 1) throw new Error('plantage simulé');
        },
      }),
    ).rejects.toThrow('plantage simulé');
    expect(await db.imports.count()).toBe(before.imports);
    expect((await currentSnapshots(db)).map((s) => s.path)).toEqual(before.current);
    expect(await db.snapshots.count()).toBe(1);
  });

  it('rolls back when a record cannot be stored (a value IndexedDB refuses)', async () => {
    const db = freshDb();
    await commitImport(db, { files: [parsedFile('siecle-eleves', { path: 'a.xml' })], origin: 'fichiers', school });
    const bad = parsedFile('sts-emp', { path: 'bad.xml' }) as unknown as Record<string, unknown>;
    bad.data = { oops: () => 1 };
    await expect(
      commitImport(db, { files: [parsedFile('siecle-eleves', { path: 'b.xml' }), bad as never], origin: 'fichiers', school }),
    ).rejects.toThrow();
    expect((await currentSnapshots(db)).map((s) => s.path)).toEqual(['a.xml']);
    expect(await db.imports.count()).toBe(1);
  });
});

describe('décisions', () => {
  const confirm = (k: string): DecisionRow => ({ key: decisionKey.link(k), type: 'link', linkKey: k, verdict: 'confirmed', at: 'x' });
  const reject = (k: string): DecisionRow => ({ key: decisionKey.link(k), type: 'link', linkKey: k, verdict: 'rejected', at: 'y' });

  it('stores decisions apart from snapshots and survives a re-import', async () => {
    const db = freshDb();
    await commitImport(db, { files: [parsedFile('siecle-eleves')], origin: 'fichiers', school });
    await setDecision(db, decisionKey.link('a→b'), confirm('a→b'));
    await setDecision(db, decisionKey.choice('tom'), { key: decisionKey.choice('tom'), type: 'choice', entLogin: 'tom', pronoteId: 'PN1', at: 'z' });
    await commitImport(db, { files: [parsedFile('siecle-eleves')], origin: 'fichiers', school });
    const ad = toAdminDecisions(await db.decisions.toArray());
    expect(ad).toEqual({ confirmed: ['a→b'], rejected: [], chosen: { tom: 'PN1' } });
  });

  it('undoes changes one by one, back to nothing', async () => {
    const db = freshDb();
    await setDecision(db, decisionKey.link('a→b'), confirm('a→b'));
    await setDecision(db, decisionKey.link('a→b'), reject('a→b'));
    await setDecision(db, decisionKey.link('c→d'), reject('c→d'));
    expect(toAdminDecisions(await db.decisions.toArray()).rejected).toEqual(['a→b', 'c→d']);
    await undoLast(db);
    expect(toAdminDecisions(await db.decisions.toArray())).toMatchObject({ confirmed: [], rejected: ['a→b'] });
    await undoLast(db);
    expect(toAdminDecisions(await db.decisions.toArray())).toMatchObject({ confirmed: ['a→b'], rejected: [] });
    await undoLast(db);
    expect(await db.decisions.count()).toBe(0);
    expect(await undoLast(db)).toBeUndefined();
  });

  it('a « Tout confirmer » is undone at once, and only it', async () => {
    const db = freshDb();
    await setDecision(db, decisionKey.link('x→y'), reject('x→y'));
    await setDecisions(db, [confirm('a→b'), confirm('c→d'), confirm('e→f')], 'lot-1');
    expect(toAdminDecisions(await db.decisions.toArray()).confirmed).toEqual(['a→b', 'c→d', 'e→f']);
    expect(await undoLast(db)).toMatchObject({ undone: 3, batch: 'lot-1' });
    expect(toAdminDecisions(await db.decisions.toArray())).toMatchObject({ confirmed: [], rejected: ['x→y'] });
    expect(await undoLast(db)).toMatchObject({ undone: 1 });
    expect(await db.decisions.count()).toBe(0);
  });

  it('removing a decision is journalled too', async () => {
    const db = freshDb();
    await setDecision(db, decisionKey.link('a→b'), confirm('a→b'));
    await setDecision(db, decisionKey.link('a→b'), null);
    expect(await db.decisions.count()).toBe(0);
    await undoLast(db);
    expect(await db.decisions.get(decisionKey.link('a→b'))).toMatchObject({ verdict: 'confirmed' });
  });

  it('stamps link decisions independently of their order', () => {
    expect(decisionsStamp({ confirmed: ['a'], chosen: { y: '1', x: '2' } })).toBe(decisionsStamp({ confirmed: ['a'], chosen: { x: '2', y: '1' } }));
    expect(decisionsStamp({ rejected: ['a'] })).not.toBe(decisionsStamp({ confirmed: ['a'] }));
  });
});
