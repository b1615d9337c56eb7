/**
 * The engine: everything heavy (reading files, reconciling, building exports) runs here, in a
 * worker, so the page never freezes. The worker file only exposes an Engine through Comlink;
 * tests drive an Engine directly.
 */
import {
  FILE_KIND_SOURCE,
  countFile,
  reconcileDetailed,
  referenceSchool,
  type MatchResult,
  type ParsedFile,
  type ReconcileResult,
  type SchoolDataset,
} from '@raccord/core';
import type { AdminDecisions } from '@raccord/core';
import type { ImportOrigin, ImportRow, RaccordDb } from '../db/schema.ts';
import {
  commitImport,
  currentSnapshots,
  decisionsStamp,
  getSchool,
  listImports,
  recordFindingKeys,
  snapshotsAsOf,
  toAdminDecisions,
  type StoredSchool,
} from '../db/store.ts';
import { datasetOf } from './dataset.ts';
import { buildBridgePlan } from '@raccord/core/bridge/plan.ts';
import type { BridgePlan } from '@raccord/core';
import { BackupError, backupToJson, exportBackup, parseBackup, restoreBackup } from '../db/backup.ts';
import { readInput, stagedView, type StagedInput } from './staging.ts';
import { buildPersonIndex, personView, type PersonIndex } from './person.ts';
import { ruleInfos } from './rules.ts';
import { buildExport, buildLetters, cproExport, diffExport, divisionsOf, entryBytes } from './exports.ts';
import { fr } from '../i18n/fr.ts';
import type {
  CommitSummary,
  EngineInput,
  ExportFile,
  ExportRequest,
  ImportInfo,
  LettersBundle,
  Overview,
  PersonView,
  Progress,
  StagedFile,
} from './types.ts';

export type ProgressFn = (p: Progress) => void;

export type RestoreOutcome = { ok: true; imports: number } | { ok: false; reason: 'invalid' | 'newer'; message: string };

/** The dataset and its reconciliation, as the engine keeps them in memory. */
interface Reconciled {
  importId: number;
  stamp: string;
  dataset: SchoolDataset;
  result: ReconcileResult;
  /** Computed again on demand after a reload (the stored result has no matcher indexes). */
  match?: MatchResult;
  decisions: AdminDecisions;
}

function importInfo(i: ImportRow | undefined): ImportInfo | undefined {
  return i ? { id: i.id!, committedAt: i.committedAt, origin: i.origin, files: i.files.length } : undefined;
}

export class Engine {
  private inputs: StagedInput[] = [];
  private cache: Reconciled | undefined;
  private personIndex: { for: ReconcileResult; index: PersonIndex } | undefined;

  constructor(
    private readonly db: RaccordDb,
    /** ISO date for the delay rules; the real today unless a test fixes it. */
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  // ───────────────────────── staging ─────────────────────────

  /** Reads the given inputs and adds them to the files waiting for validation. */
  async stage(inputs: EngineInput[], onProgress?: ProgressFn): Promise<StagedFile[]> {
    const mappings = await this.db.mappings.toArray();
    let done = 0;
    for (const input of inputs) {
      onProgress?.({ phase: 'lecture', done, total: inputs.length, name: input.name });
      const bytes = new Uint8Array(await input.blob.arrayBuffer());
      this.inputs = this.inputs.filter((i) => i.id !== input.id);
      this.inputs.push(readInput(input.id, input.name, bytes, mappings));
      done += 1;
    }
    onProgress?.({ phase: 'controle', done, total: inputs.length });
    return this.staged();
  }

  /** Reads staged inputs again (after the admin saved a column mapping). */
  async restage(ids: string[]): Promise<StagedFile[]> {
    const mappings = await this.db.mappings.toArray();
    this.inputs = this.inputs.map((i) => (ids.includes(i.id) ? readInput(i.id, i.name, i.bytes, mappings) : i));
    return this.staged();
  }

  async unstage(ids: string[]): Promise<StagedFile[]> {
    this.inputs = this.inputs.filter((i) => !ids.includes(i.id));
    return this.staged();
  }

  async staged(): Promise<StagedFile[]> {
    return stagedView(this.inputs, await getSchool(this.db)).staged;
  }

  /** Generates the sample school and stages its files. */
  async stageSample(onProgress?: ProgressFn): Promise<StagedFile[]> {
    onProgress?.({ phase: 'generation', done: 0, total: 1 });
    const { generateSchool } = await import('@raccord/core/sample/index.ts');
    const school = generateSchool();
    const inputs = school.files.map((f, i) => ({ id: `exemple-${i}`, name: f.name, blob: new Blob([f.bytes as BlobPart]) }));
    return this.stage(inputs, onProgress);
  }

  /**
   * Validates the import: the accepted files go to the database in one transaction, then the
   * school is reconciled again. Refused files are left out (and stay listed until cleared).
   */
  async commit(origin: ImportOrigin, onProgress?: ProgressFn): Promise<CommitSummary> {
    const stored = await getSchool(this.db);
    const { staged, accepted, acceptedInputs } = stagedView(this.inputs, stored);
    if (!accepted.length) throw new Error('nothing-to-commit');
    onProgress?.({ phase: 'enregistrement', done: 0, total: 1 });
    const school = stored ?? schoolOf(accepted);
    const importId = await commitImport(this.db, { files: accepted, raws: acceptedInputs, origin, school });
    this.inputs = [];
    this.cache = undefined;
    onProgress?.({ phase: 'rapprochement', done: 0, total: 1 });
    const { result } = await this.reconciled();
    await recordFindingKeys(this.db, importId, result.findings.map((f) => f.key));
    return { importId, files: accepted.length, refused: staged.filter((s) => s.error).length };
  }

  // ───────────────────────── results ─────────────────────────

  /** The dataset and its reconciliation, from memory, the stored cache, or computed again. */
  async reconciled(): Promise<Reconciled> {
    const [last, decisionRows, school] = await Promise.all([
      this.db.imports.orderBy('committedAt').last(),
      this.db.decisions.toArray(),
      getSchool(this.db),
    ]);
    const decisions = toAdminDecisions(decisionRows);
    const stamp = decisionsStamp(decisions);
    const importId = last?.id ?? 0;
    if (this.cache && this.cache.importId === importId && this.cache.stamp === stamp) return this.cache;
    const dataset = datasetOf(await currentSnapshots(this.db), school);
    const stored = await this.db.results.get('current');
    if (stored && stored.importId === importId && stored.decisionsStamp === stamp) {
      // A reload: the stored result is still right; the match is computed again only if an export needs it.
      this.cache = { importId, stamp, dataset, result: stored.result, decisions };
      return this.cache;
    }
    const { result, match } = reconcileDetailed(dataset, { decisions, today: this.today() });
    if (importId) {
      await this.db.results.put({ id: 'current', importId, decisionsStamp: stamp, computedAt: new Date().toISOString(), result });
    }
    this.cache = { importId, stamp, dataset, result, match, decisions };
    return this.cache;
  }

  /** The reconciliation with the matcher's indexes (the exports need them). */
  async detailed(): Promise<{ dataset: SchoolDataset; result: ReconcileResult; match: MatchResult }> {
    const c = await this.reconciled();
    if (!c.match) c.match = reconcileDetailed(c.dataset, { decisions: c.decisions, today: this.today() }).match;
    return { dataset: c.dataset, result: c.result, match: c.match };
  }

  /** Everything the overview shows. */
  async overview(): Promise<Overview> {
    const imports = await listImports(this.db);
    const school = (await getSchool(this.db)) ?? null;
    if (!imports.length) return { school, sources: [], result: null, newFindingKeys: [], today: this.today(), rules: ruleInfos() };
    const { result } = await this.reconciled();
    const snapshots = await currentSnapshots(this.db);
    const previous = imports[1];
    const before = new Set(previous?.findingKeys ?? []);
    const stored = await this.db.results.get('current');
    const overview: Overview = {
      school: school ? { ...school, ...(result.school.name ? { name: result.school.name } : {}) } : null,
      sources: snapshots.map((s) => ({
        kind: s.kind,
        source: FILE_KIND_SOURCE[s.kind],
        path: s.path,
        ...(s.exportDate ? { exportDate: s.exportDate } : {}),
        committedAt: s.committedAt,
        counts: countFile(s.file),
        warnings: s.file.warnings,
      })),
      result: { school: result.school, sources: result.sources, assignments: result.assignments, findings: result.findings },
      newFindingKeys: previous ? result.findings.map((f) => f.key).filter((k) => !before.has(k)) : [],
      today: this.today(),
      rules: ruleInfos(),
    };
    const lastInfo = importInfo(imports[0]);
    const prevInfo = importInfo(previous);
    if (lastInfo) overview.lastImport = lastInfo;
    if (prevInfo) overview.previousImport = prevInfo;
    if (stored) overview.computedAt = stored.computedAt;
    return overview;
  }

  /** One person in every source, with links, assignment and findings; null when unknown. */
  async person(key: string): Promise<PersonView | null> {
    const { dataset, result } = await this.reconciled();
    if (this.personIndex?.for !== result) this.personIndex = { for: result, index: buildPersonIndex(dataset, result) };
    return personView(this.personIndex.index, result, key);
  }

  /** The divisions (classes) of the school, for the export choices. */
  async divisions(): Promise<string[]> {
    const { dataset } = await this.reconciled();
    return divisionsOf(dataset);
  }

  async exportFile(req: ExportRequest): Promise<ExportFile> {
    if (req.kind === 'diff') return this.diff(req.previousImportId);
    if (req.kind === 'cpro') return this.cpro();
    return buildExport({ ...(await this.detailed()), today: this.today() }, req);
  }

  /** The imports the diff can compare with (all but the last), newest first. */
  async previousImports(): Promise<ImportInfo[]> {
    return (await listImports(this.db)).slice(1).map((i) => importInfo(i)!);
  }

  private async diff(previousImportId: number | undefined): Promise<ExportFile> {
    const imports = await listImports(this.db);
    const prev = imports.find((i) => i.id === previousImportId) ?? imports[1];
    if (!prev) throw new Error(fr.export.noPrevious);
    const before = datasetOf(await snapshotsAsOf(this.db, prev.id!), await getSchool(this.db));
    const { dataset } = await this.reconciled();
    return diffExport(before, dataset, prev.committedAt, this.today());
  }

  private async cpro(): Promise<ExportFile> {
    const current = await currentSnapshots(this.db);
    const newest = (kind: string) => current.filter((s) => s.kind === kind && s.rawId !== undefined).sort((a, b) => (a.exportDate ?? '').localeCompare(b.exportDate ?? '')).pop();
    const named = async (kind: string) => {
      const snap = newest(kind);
      const raw = snap?.rawId !== undefined ? await this.db.raws.get(snap.rawId) : undefined;
      if (!snap || !raw) throw new Error(fr.export.cproMissing);
      return { name: snap.path.split('/').pop()!, bytes: entryBytes(raw, snap.path) };
    };
    return cproExport(await named('siecle-eleves'), await named('siecle-responsables'));
  }

  async letters(audience: 'pupils' | 'guardians', division?: string): Promise<LettersBundle> {
    return buildLetters({ ...(await this.detailed()), today: this.today() }, audience, division);
  }

  /** The plan for the extension (null before the first import); ignored or handled findings are not flagged. */
  async bridgePlan(): Promise<BridgePlan | null> {
    if (!(await this.db.imports.count())) return null;
    const { dataset, result } = await this.reconciled();
    const hidden = new Set((await this.db.decisions.where('type').equals('finding').toArray()).map((d) => (d.type === 'finding' ? d.findingKey : '')));
    return buildBridgePlan(result, dataset, { hiddenFindingKeys: hidden });
  }

  /** Everything, as a backup file (JSON). */
  async backup(): Promise<{ name: string; blob: Blob }> {
    const b = await exportBackup(this.db);
    const school = (await getSchool(this.db))?.uai ?? 'raccord';
    return { name: `sauvegarde-raccord-${school}-${this.today()}.json`, blob: new Blob([backupToJson(b)], { type: 'application/json' }) };
  }

  /** Replaces everything with a backup; the current data stay as they were if the file is refused. */
  async restore(file: Blob): Promise<RestoreOutcome> {
    try {
      const n = await restoreBackup(this.db, parseBackup(await file.text()));
      await this.forget();
      return { ok: true, imports: n };
    } catch (e) {
      if (e instanceof BackupError) return { ok: false, reason: e.reason, message: e.message };
      throw e;
    }
  }

  /** Forgets what is in memory (after a wipe or a restore made by the page). */
  async forget(): Promise<void> {
    this.cache = undefined;
    this.personIndex = undefined;
    this.inputs = [];
  }
}

/** The school of a first import: the UAI and year the authoritative files carry, and its name. */
function schoolOf(files: ParsedFile[]): StoredSchool {
  const ref = referenceSchool(files);
  const name = files.map((f) => f.data.school?.name).find(Boolean);
  return { uai: ref.uai ?? '', ...(ref.schoolYear !== undefined ? { schoolYear: ref.schoolYear } : {}), ...(name ? { name } : {}) };
}
