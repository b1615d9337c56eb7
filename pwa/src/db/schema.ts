/**
 * Raccord's local database (IndexedDB through Dexie). Everything the admin imports or decides
 * lives here, on this machine only.
 *
 * The schema is versioned: each entry of {@link SCHEMA} is one version, with the stores it
 * declares and the migration that brings the data of the previous version to it. Never edit a
 * published version: add a new one. `test/db-migrations.test.ts` opens a database at version 1
 * and checks every migration from there.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { FileKind, ParsedFile } from '@raccord/core';
import type { ReconcileResult } from '@raccord/core';
import type { EntChangeCount } from '@raccord/core/export/worklist.ts';
import type { SourceInfo } from '../engine/types.ts';

export const DB_NAME = 'raccord';

/** Where an import came from. */
export type ImportOrigin = 'fichiers' | 'exemple' | 'extension' | 'collage' | 'sauvegarde';

/** One committed import: the files the admin validated together. */
export interface ImportRow {
  id?: number;
  /** ISO date-time of the commit. */
  committedAt: string;
  origin: ImportOrigin;
  uai: string;
  schoolYear?: number;
  files: { path: string; kind: FileKind; slot: string; exportDate?: string }[];
  /** Keys of the findings right after this import (to count what is new at the next one). */
  findingKeys: string[];
}

/** One parsed file as it was imported. Older snapshots are kept to compare two imports. */
export interface SnapshotRow {
  id?: number;
  importId: number;
  committedAt: string;
  kind: FileKind;
  /** What this file replaces: its kind, and for PRONOTE/ENT lists the profiles it holds. */
  slot: string;
  /** 1 while this snapshot feeds the dataset; 0 once a newer import replaced it. */
  current: 0 | 1;
  path: string;
  exportDate?: string;
  /** The date of the file itself, ISO, when the admin's system gave one. */
  fileDate?: string;
  file: ParsedFile;
  /** The bytes this file was read from (the file itself, or the zip it came in): see RawRow. */
  rawId?: number;
}

/**
 * The bytes of an imported input, as the admin gave them: some exports must be handed on
 * untouched (C PRO éducation wants SIECLE's own files), and a newer Raccord can read them again.
 */
export interface RawRow {
  id?: number;
  importId: number;
  name: string;
  bytes: Uint8Array;
}

/** What the admin decided. Kept apart from the snapshots: it survives every re-import. */
export type DecisionRow =
  | { key: string; type: 'link'; linkKey: string; verdict: 'confirmed' | 'rejected'; label?: string; at: string }
  | { key: string; type: 'choice'; entLogin: string; pronoteId: string; label?: string; at: string }
  | {
      key: string;
      type: 'finding';
      findingKey: string;
      code: string;
      verdict: 'handled' | 'ignored';
      reason?: string;
      label?: string;
      /** The import that was current when the admin decided. */
      importId: number;
      at: string;
    };

/** The undo journal: each change of a decision, with what was there before. */
export interface JournalRow {
  id?: number;
  at: string;
  key: string;
  before: DecisionRow | null;
  after: DecisionRow | null;
  /** Set on every change of one « Tout confirmer »: undone together. */
  batch?: string;
}

/** A column mapping the admin made for a header Raccord did not recognise. */
export interface MappingRow {
  /** `headerSignature(header)` from core. */
  signature: string;
  kind?: 'pronote-ids' | 'ent-accounts';
  columns?: Record<string, number>;
  /** For a PRONOTE list without a profile column: which list it is. */
  pronoteProfile?: 'pupil' | 'teacher' | 'staff' | 'guardian';
  header: string[];
  savedAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * An ENT account the admin marked done in the work list (« À faire dans l'ENT »). Keyed by the
 * account and the ID it should carry: the mark survives a re-import as long as both stay the same.
 */
export interface WorkMarkRow {
  /** `workMarkKey(login, pronoteId)`. */
  key: string;
  entLogin: string;
  pronoteId: string;
  at: string;
}

export function workMarkKey(entLogin: string, pronoteId: string): string {
  return `${entLogin}→${pronoteId}`;
}

/** The last reconciliation, so a reload (even offline) shows the overview at once. */
export interface ResultRow {
  id: 'current';
  importId: number;
  /** JSON of the link decisions it was computed with. */
  decisionsStamp: string;
  computedAt: string;
  result: ReconcileResult;
  /** The sources as the overview lists them (absent in results cached by older versions). */
  sources?: SourceInfo[];
  /** How many ENT accounts to change, from the plan (absent in results cached by older versions). */
  entChanges?: EntChangeCount;
}

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** The slot of a file: a newer file of the same slot replaces it in the dataset. */
export function slotOf(file: Pick<ParsedFile, 'kind' | 'data'>): string {
  const profiles =
    file.kind === 'pronote-ids'
      ? file.data.pronoteRows?.map((r) => r.profile)
      : file.kind === 'ent-accounts'
        ? file.data.entAccounts?.map((a) => a.profile)
        : undefined;
  if (!profiles) return file.kind;
  return `${file.kind}:${[...new Set(profiles)].sort().join('+')}`;
}

/** The profiles of a slot (`pronote-ids:pupil+teacher` → pupil, teacher), empty for whole-school kinds. */
export function slotProfiles(slot: string): string[] {
  const i = slot.indexOf(':');
  return i < 0 ? [] : slot.slice(i + 1).split('+').filter(Boolean);
}

/** A new file of slot `incoming` replaces a current one of slot `existing`. */
export function supersedes(incoming: string, existing: string): boolean {
  const kind = (s: string) => s.split(':')[0];
  if (kind(incoming) !== kind(existing)) return false;
  const inc = new Set(slotProfiles(incoming));
  const ex = slotProfiles(existing);
  if (!inc.size) return true;
  return ex.every((p) => inc.has(p));
}

/**
 * Every version, oldest first.
 * - v1: imports, snapshots (by kind), decisions (one `verdict` field), column mappings, settings.
 * - v2: snapshots get a `slot` and a `current` flag, so that a PRONOTE teachers' list no longer
 *   replaces the pupils' one; decisions get a `type`.
 * - v3: the undo journal, the cached reconciliation, and `findingKeys` on each import.
 * - v4: the raw bytes of each imported input (`raws`), referenced by the snapshots.
 * - v5: the accounts marked done in the ENT work list (`workmarks`).
 */
export const SCHEMA: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      imports: '++id, committedAt',
      snapshots: '++id, importId, kind, committedAt',
      decisions: 'key',
      mappings: 'signature',
      settings: 'key',
    },
  },
  {
    version: 2,
    stores: {
      snapshots: '++id, importId, kind, slot, current, committedAt',
      decisions: 'key, type',
    },
    async upgrade(tx) {
      // Snapshots: the slot from the data; only the newest of each slot stays current.
      const snaps = (await tx.table('snapshots').orderBy('committedAt').reverse().toArray()) as SnapshotRow[];
      const taken: string[] = [];
      for (const s of snaps) {
        const slot = slotOf(s.file);
        const current = taken.some((t) => supersedes(t, slot)) ? 0 : 1;
        if (current) taken.push(slot);
        await tx.table('snapshots').update(s.id!, { slot, current });
      }
      // Decisions: v1 kept `{key, verdict, value?, reason?, code?, at}`, the type in the key prefix
      // (`link:`, `choice:`, `finding:`) and the picked PRONOTE ID of a choice in `value`.
      await tx
        .table('decisions')
        .toCollection()
        .modify((d: Record<string, unknown>) => {
          const key = String(d.key);
          const rest = key.slice(key.indexOf(':') + 1);
          if (key.startsWith('choice:')) {
            Object.assign(d, { type: 'choice', entLogin: rest, pronoteId: String(d.value ?? '') });
            delete d.value;
            delete d.verdict;
          } else if (key.startsWith('finding:')) {
            Object.assign(d, { type: 'finding', findingKey: rest, code: String(d.code ?? ''), importId: 0 });
          } else {
            Object.assign(d, { type: 'link', linkKey: rest });
          }
        });
    },
  },
  {
    version: 3,
    stores: {
      journal: '++id, at',
      results: 'id',
    },
    async upgrade(tx) {
      await tx
        .table('imports')
        .toCollection()
        .modify((i: Partial<ImportRow>) => {
          if (!Array.isArray(i.findingKeys)) i.findingKeys = [];
          if (!i.origin) i.origin = 'fichiers';
        });
    },
  },
  {
    // The raw bytes of each input. Older imports have none (nothing to backfill).
    version: 4,
    stores: { raws: '++id, importId' },
  },
  {
    // The work list's marks. New store: nothing to bring over.
    version: 5,
    stores: { workmarks: 'key' },
  },
];

export const DB_VERSION = SCHEMA[SCHEMA.length - 1]!.version;

/** Declares the versions up to `upTo` (all by default) on a Dexie instance. */
export function declareSchema(db: Dexie, upTo = DB_VERSION): void {
  for (const v of SCHEMA) {
    if (v.version > upTo) break;
    const decl = db.version(v.version).stores(v.stores);
    if (v.upgrade) decl.upgrade(v.upgrade);
  }
}

export class RaccordDb extends Dexie {
  imports!: Table<ImportRow, number>;
  snapshots!: Table<SnapshotRow, number>;
  decisions!: Table<DecisionRow, string>;
  journal!: Table<JournalRow, number>;
  mappings!: Table<MappingRow, string>;
  settings!: Table<SettingRow, string>;
  results!: Table<ResultRow, 'current'>;
  raws!: Table<RawRow, number>;
  workmarks!: Table<WorkMarkRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    declareSchema(this);
  }
}

/** Every store of the current version, in backup order. */
export const STORES = ['imports', 'snapshots', 'raws', 'decisions', 'journal', 'workmarks', 'mappings', 'settings', 'results'] as const;
export type StoreName = (typeof STORES)[number];

let shared: RaccordDb | undefined;

/** The database of this context (page or worker), opened on first use. */
export function getDb(): RaccordDb {
  shared ??= new RaccordDb();
  return shared;
}

/** For tests and after a wipe: forget the shared instance. */
export function resetDbInstance(): void {
  shared?.close();
  shared = undefined;
}
