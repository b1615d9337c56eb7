/**
 * The operations on the local database, shared by the page and the worker. Each operation that
 * changes several stores does it in ONE transaction: a closed tab or a crash in the middle leaves
 * the previous state as it was (IndexedDB aborts an unfinished transaction).
 */
import type { AdminDecisions, ParsedFile } from '@raccord/core';
import {
  type DecisionRow,
  type ImportOrigin,
  type ImportRow,
  type JournalRow,
  type MappingRow,
  type RaccordDb,
  type SnapshotRow,
  slotOf,
  supersedes,
  workMarkKey,
} from './schema.ts';

export function nowIso(): string {
  return new Date().toISOString();
}

/** The school the stored data belongs to (set by the first import, cleared by the wipe). */
export interface StoredSchool {
  uai: string;
  schoolYear?: number;
  name?: string;
}

export async function getSchool(db: RaccordDb): Promise<StoredSchool | undefined> {
  return (await db.settings.get('school'))?.value as StoredSchool | undefined;
}

const PERSON_IN_CHARGE_KEY = 'personInChargeAccounts';

/**
 * Does the ENT create accounts for « personnes en charge »? The admin's answer (a settings row),
 * or undefined: inferred from the ENT export (core's guardianAccountPolicy).
 */
export async function getPersonInChargeAccounts(db: RaccordDb): Promise<boolean | undefined> {
  const v = (await db.settings.get(PERSON_IN_CHARGE_KEY))?.value;
  return typeof v === 'boolean' ? v : undefined;
}

/** `undefined` goes back to « déduit de l'export ENT ». */
export async function setPersonInChargeAccounts(db: RaccordDb, value: boolean | undefined): Promise<void> {
  if (value === undefined) await db.settings.delete(PERSON_IN_CHARGE_KEY);
  else await db.settings.put({ key: PERSON_IN_CHARGE_KEY, value });
}

/** The snapshots that feed the dataset, oldest first. */
export async function currentSnapshots(db: RaccordDb): Promise<SnapshotRow[]> {
  const rows = await db.snapshots.where('current').equals(1).toArray();
  return rows.sort((a, b) => a.committedAt.localeCompare(b.committedAt) || a.id! - b.id!);
}

/**
 * The snapshots that fed the dataset right after import `importId` (oldest first): the same
 * replacement rule as commitImport, replayed over the history.
 */
export async function snapshotsAsOf(db: RaccordDb, importId: number): Promise<SnapshotRow[]> {
  const rows = (await db.snapshots.where('importId').belowOrEqual(importId).toArray()).sort(
    (a, b) => a.committedAt.localeCompare(b.committedAt) || a.id! - b.id!,
  );
  let current: SnapshotRow[] = [];
  for (const s of rows) {
    current = current.filter((c) => c.importId === s.importId || !supersedes(s.slot, c.slot));
    current.push(s);
  }
  return current;
}

export async function latestImport(db: RaccordDb): Promise<ImportRow | undefined> {
  return db.imports.orderBy('committedAt').last();
}

export async function listImports(db: RaccordDb): Promise<ImportRow[]> {
  return (await db.imports.orderBy('committedAt').toArray()).reverse();
}

/** The bytes a file was read from; files of one zip share the same object. */
export interface RawInput {
  name: string;
  bytes: Uint8Array;
  /** The file's date (ms since 1970), when known. */
  lastModified?: number;
}

export interface CommitInput {
  files: ParsedFile[];
  /** The raw input of each file (same order as `files`), when known. */
  raws?: (RawInput | undefined)[];
  origin: ImportOrigin;
  school: StoredSchool;
  /** For tests: called inside the transaction after each snapshot is written. */
  afterEachSnapshot?: (index: number) => void;
}

/**
 * Commits an import in one transaction: the import row, one snapshot per file, the older
 * snapshots it replaces marked as no longer current, the school, and the cached result dropped.
 */
export async function commitImport(db: RaccordDb, input: CommitInput): Promise<number> {
  const committedAt = nowIso();
  return db.transaction('rw', [db.imports, db.snapshots, db.raws, db.settings, db.results], async () => {
    const files = input.files.map((f) => ({ f, slot: slotOf(f) }));
    const importId = await db.imports.add({
      committedAt,
      origin: input.origin,
      uai: input.school.uai,
      ...(input.school.schoolYear !== undefined ? { schoolYear: input.school.schoolYear } : {}),
      files: files.map(({ f, slot }) => ({ path: f.path, kind: f.kind, slot, ...(f.exportDate ? { exportDate: f.exportDate } : {}) })),
      findingKeys: [],
    });
    const current = await db.snapshots.where('current').equals(1).toArray();
    const replaced = current.filter((s) => files.some(({ slot }) => supersedes(slot, s.slot)));
    for (const s of replaced) await db.snapshots.update(s.id!, { current: 0 });
    const rawIds = new Map<RawInput, number>();
    let i = 0;
    for (const { f, slot } of files) {
      const raw = input.raws?.[i];
      let rawId = raw ? rawIds.get(raw) : undefined;
      if (raw && rawId === undefined) {
        rawId = await db.raws.add({ importId, name: raw.name, bytes: raw.bytes });
        rawIds.set(raw, rawId);
      }
      await db.snapshots.add({
        importId,
        committedAt,
        kind: f.kind,
        slot,
        current: 1,
        path: f.path,
        ...(f.exportDate ? { exportDate: f.exportDate } : {}),
        ...(rawId !== undefined ? { rawId } : {}),
        ...(raw?.lastModified ? { fileDate: new Date(raw.lastModified).toISOString() } : {}),
        file: f,
      });
      input.afterEachSnapshot?.(i);
      i += 1;
    }
    const prev = await getSchool(db);
    await db.settings.put({ key: 'school', value: { ...prev, ...input.school } });
    await db.results.clear();
    return importId;
  });
}

/** Records the findings present right after an import (to count what is new next time). */
export async function recordFindingKeys(db: RaccordDb, importId: number, keys: string[]): Promise<void> {
  await db.imports.update(importId, { findingKeys: keys });
}

// ───────────────────────────── decisions ─────────────────────────────

export const decisionKey = {
  link: (linkKey: string) => `link:${linkKey}`,
  choice: (entLogin: string) => `choice:${entLogin}`,
  finding: (findingKey: string) => `finding:${findingKey}`,
};

/** Sets (or with `null`, removes) the decision under `key`, journalled for undo, in one transaction. */
export async function setDecision(db: RaccordDb, key: string, after: DecisionRow | null): Promise<void> {
  await db.transaction('rw', [db.decisions, db.journal], async () => {
    const before = (await db.decisions.get(key)) ?? null;
    if (after) await db.decisions.put(after);
    else await db.decisions.delete(key);
    await db.journal.add({ at: nowIso(), key, before, after });
  });
}

/** Sets several decisions at once (« Tout confirmer »), journalled as one batch, in one transaction. */
export async function setDecisions(db: RaccordDb, rows: readonly DecisionRow[], batch: string): Promise<void> {
  await db.transaction('rw', [db.decisions, db.journal], async () => {
    for (const after of rows) {
      const before = (await db.decisions.get(after.key)) ?? null;
      await db.decisions.put(after);
      await db.journal.add({ at: nowIso(), key: after.key, before, after, batch });
    }
  });
}

/**
 * Undoes the last decision change (the whole batch when it was one « Tout confirmer »); returns
 * the newest change undone with how many were, or undefined when there is nothing to undo.
 */
export async function undoLast(db: RaccordDb): Promise<(JournalRow & { undone: number }) | undefined> {
  return db.transaction('rw', [db.decisions, db.journal], async () => {
    const undone: JournalRow[] = [];
    for (let last = await db.journal.orderBy('id').last(); last; last = await db.journal.orderBy('id').last()) {
      if (undone.length && (!last.batch || last.batch !== undone[0]!.batch)) break;
      if (last.before) await db.decisions.put(last.before);
      else await db.decisions.delete(last.key);
      await db.journal.delete(last.id!);
      undone.push(last);
      if (!last.batch) break;
    }
    return undone.length ? { ...undone[0]!, undone: undone.length } : undefined;
  });
}

/** The link decisions in the shape `reconcile` takes. */
export function toAdminDecisions(rows: readonly DecisionRow[]): AdminDecisions {
  const confirmed: string[] = [];
  const rejected: string[] = [];
  const chosen: Record<string, string> = {};
  for (const d of rows) {
    if (d.type === 'link') (d.verdict === 'confirmed' ? confirmed : rejected).push(d.linkKey);
    else if (d.type === 'choice') chosen[d.entLogin] = d.pronoteId;
  }
  return { confirmed: confirmed.sort(), rejected: rejected.sort(), chosen };
}

/** A stable text of the link decisions: the cached result is valid while it does not change. */
export function decisionsStamp(d: AdminDecisions): string {
  const chosen = Object.entries(d.chosen ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([d.confirmed ?? [], d.rejected ?? [], chosen]);
}

// ───────────────────────────── work list ─────────────────────────────

/** Marks (or with `done` false, unmarks) an ENT account of the work list as changed in the ENT. */
export async function setWorkMark(db: RaccordDb, entLogin: string, pronoteId: string, done: boolean): Promise<void> {
  const key = workMarkKey(entLogin, pronoteId);
  if (done) await db.workmarks.put({ key, entLogin, pronoteId, at: nowIso() });
  else await db.workmarks.delete(key);
}

// ───────────────────────────── mappings, settings ─────────────────────────────

export async function saveMapping(db: RaccordDb, row: Omit<MappingRow, 'savedAt'>): Promise<void> {
  await db.mappings.put({ ...row, savedAt: nowIso() });
}

export async function getSetting<T>(db: RaccordDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: RaccordDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
