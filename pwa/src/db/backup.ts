/**
 * The backup file: everything Raccord holds, as JSON, to keep before a wipe or to move to
 * another computer. A restore replaces the current data in one transaction, after the file
 * has been checked; a backup from an older version goes through the migrations first.
 */
import Dexie from 'dexie';
import { DB_VERSION, RaccordDb, declareSchema, type StoreName } from './schema.ts';

export const BACKUP_FORMAT = 'raccord-sauvegarde';

/** The stores a backup carries (the cached result is computed again). */
const BACKUP_STORES = ['imports', 'snapshots', 'raws', 'decisions', 'journal', 'workmarks', 'mappings', 'settings'] as const satisfies readonly StoreName[];
type BackupStore = (typeof BACKUP_STORES)[number];

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  tables: Record<BackupStore, unknown[]>;
}

export class BackupError extends Error {
  constructor(
    message: string,
    readonly reason: 'invalid' | 'newer',
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export async function exportBackup(db: RaccordDb): Promise<BackupFile> {
  const tables = {} as BackupFile['tables'];
  await db.transaction('r', BACKUP_STORES.map((s) => db.table(s)), async () => {
    for (const s of BACKUP_STORES) tables[s] = await db.table(s).toArray();
  });
  return { format: BACKUP_FORMAT, version: DB_VERSION, exportedAt: new Date().toISOString(), tables };
}

/** Checks a parsed backup; throws a BackupError saying what is wrong (in French). */
export function checkBackup(raw: unknown): BackupFile {
  const o = raw as Partial<BackupFile> | null;
  if (!o || typeof o !== 'object' || o.format !== BACKUP_FORMAT) throw new BackupError("ce n'est pas un fichier de sauvegarde Raccord", 'invalid');
  if (typeof o.version !== 'number' || o.version < 1) throw new BackupError('version de sauvegarde absente', 'invalid');
  if (o.version > DB_VERSION) throw new BackupError('sauvegarde plus récente que cette version de Raccord', 'newer');
  if (!o.tables || typeof o.tables !== 'object') throw new BackupError('contenu absent', 'invalid');
  // Stores a version did not have yet may be absent; those present must be lists.
  for (const s of BACKUP_STORES) {
    const t = (o.tables as Record<string, unknown>)[s];
    if (t !== undefined && !Array.isArray(t)) throw new BackupError(`la partie « ${s} » est illisible`, 'invalid');
  }
  const snaps = (o.tables.snapshots ?? []) as { file?: { kind?: unknown } }[];
  if (snaps.some((s) => !s || typeof s !== 'object' || !s.file || typeof s.file.kind !== 'string')) {
    throw new BackupError('un import enregistré est incomplet', 'invalid');
  }
  return o as BackupFile;
}

/** Bytes travel in the JSON as base64: `{"$octets": "…"}`. */
const BYTES = '$octets';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function backupToJson(b: BackupFile): string {
  return JSON.stringify(b, (_k, v: unknown) => (v instanceof Uint8Array ? { [BYTES]: toBase64(v) } : v));
}

export function parseBackup(text: string): BackupFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text, (_k, v: unknown) =>
      v && typeof v === 'object' && typeof (v as Record<string, unknown>)[BYTES] === 'string' ? fromBase64((v as Record<string, string>)[BYTES]!) : v,
    );
  } catch {
    throw new BackupError("le fichier n'est pas du JSON valide (est-il complet ?)", 'invalid');
  }
  return checkBackup(raw);
}

/** Brings an older backup to the current schema by running the migrations on a scratch database. */
async function migrated(b: BackupFile): Promise<BackupFile['tables']> {
  if (b.version === DB_VERSION) return b.tables;
  const name = `raccord-restauration-${Date.now()}`;
  const old = new Dexie(name);
  declareSchema(old, b.version);
  await old.open();
  const oldStores = new Set(old.tables.map((t) => t.name));
  await old.transaction('rw', old.tables, async () => {
    for (const s of BACKUP_STORES) if (oldStores.has(s) && b.tables[s]) await old.table(s).bulkAdd(b.tables[s]);
  });
  old.close();
  const current = new RaccordDb(name);
  try {
    return (await exportBackup(current)).tables;
  } finally {
    current.close();
    await Dexie.delete(name);
  }
}

/** Replaces everything with the backup's content, in one transaction. Returns the number of imports. */
export async function restoreBackup(db: RaccordDb, b: BackupFile): Promise<number> {
  const tables = await migrated(b);
  await db.transaction('rw', [...BACKUP_STORES.map((s) => db.table(s)), db.results], async () => {
    await db.results.clear();
    for (const s of BACKUP_STORES) {
      await db.table(s).clear();
      if (tables[s]?.length) await db.table(s).bulkAdd(tables[s]);
    }
  });
  return tables.imports?.length ?? 0;
}
