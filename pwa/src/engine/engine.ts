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
import { refKey, type AdminDecisions } from '@raccord/core';
import { accountPolicy } from '@raccord/core/checks/people.ts';
import type { ImportOrigin, ImportRow, RaccordDb, SnapshotRow } from '../db/schema.ts';
import {
  commitImport,
  currentSnapshots,
  decisionsStamp,
  getPersonInChargeAccounts,
  getSchool,
  listImports,
  setPersonInChargeAccounts,
  recordFindingKeys,
  snapshotsAsOf,
  toAdminDecisions,
  type StoredSchool,
} from '../db/store.ts';
import { datasetOf } from './dataset.ts';
import { buildBridgePlan } from '@raccord/core/bridge/plan.ts';
import { rentreeStatus, type RentreeStatus } from '@raccord/core/rentree/index.ts';
import { buildPlan, type PlanRow } from '@raccord/core/export/plan.ts';
import { countEntChanges, entChanges, type EntChangeCount } from '@raccord/core/export/worklist.ts';
import type { BridgePlan } from '@raccord/core';
import { BackupError, backupToJson, exportBackup, parseBackup, restoreBackup } from '../db/backup.ts';
import { needsStoredNames, stagedView, twinInput, workSize, zipTwins, type StagedInput } from './staging.ts';
import { importGate } from './gate.ts';
import { inProcessReaders, type Readers } from './readers.ts';
import { buildPersonIndex, decisionFacts, personView, type PersonIndex } from './person.ts';
import { ruleInfos } from './rules.ts';
import { buildExport, buildLetters, cproExport, diffExport, divisionsOf, entryBytes } from './exports.ts';
import { fr } from '../i18n/fr.ts';
import type {
  CommitSummary,
  DecisionFacts,
  EngineInput,
  ExportFile,
  ExportRequest,
  ImportInfo,
  LettersBundle,
  Overview,
  PersonView,
  Progress,
  SourceInfo,
  StagedFile,
  WorkItem,
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
  sources: SourceInfo[];
  computedAt: string;
  /** The assignment plan, built on demand (the work list) and its count (the overview). */
  plan?: PlanRow[];
  entChanges?: EntChangeCount;
}

/** What the overview says of each current snapshot. */
function sourcesOf(snapshots: SnapshotRow[]): SourceInfo[] {
  return snapshots.map((s) => ({
    kind: s.kind,
    source: FILE_KIND_SOURCE[s.kind],
    path: s.path,
    ...(s.exportDate ? { exportDate: s.exportDate } : {}),
    ...(s.fileDate ? { fileDate: s.fileDate } : {}),
    committedAt: s.committedAt,
    counts: countFile(s.file),
    warnings: s.file.warnings,
  }));
}

function importInfo(i: ImportRow | undefined): ImportInfo | undefined {
  return i ? { id: i.id!, committedAt: i.committedAt, origin: i.origin, files: i.files.length } : undefined;
}

export class Engine {
  private inputs: StagedInput[] = [];
  /** Unclassified PRONOTE lists the admin chose to analyse without. */
  private setAside = new Set<string>();
  private cache: Reconciled | undefined;
  private personIndex: { for: ReconcileResult; index: PersonIndex } | undefined;

  /** How long the last steps took (ms), for the benchmark. */
  readonly timings: Record<string, number> = {};

  constructor(
    private readonly db: RaccordDb,
    /** ISO date for the delay rules; the real today unless a test fixes it. */
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
    private readonly readers: Readers = inProcessReaders,
  ) {}

  async lastTimings(): Promise<Record<string, number>> {
    return { ...this.timings };
  }

  // ───────────────────────── staging ─────────────────────────

  /** Reads the given inputs and adds them to the files waiting for validation. */
  async stage(inputs: EngineInput[], onProgress?: ProgressFn): Promise<StagedFile[]> {
    const t0 = performance.now();
    const mappings = await this.db.mappings.toArray();
    const schoolYear = (await getSchool(this.db))?.schoolYear;
    const loaded = await Promise.all(
      inputs.map(async (i) => ({ id: i.id, name: i.name, bytes: new Uint8Array(await i.blob.arrayBuffer()), lastModified: i.lastModified })),
    );
    // A zip that only repeats files given beside it is not read twice.
    const twins = zipTwins(loaded);
    // Biggest first, several at once: the two large SIECLE files are read side by side.
    const queue = loaded.filter((i) => !twins.has(i.id)).map((i) => ({ ...i, work: workSize(i.bytes) }));
    queue.sort((a, b) => b.work - a.work);
    const read: StagedInput[] = [];
    let done = 0;
    onProgress?.({ phase: 'lecture', done, total: inputs.length, name: queue[0]?.name });
    const lane = async () => {
      for (let input = queue.shift(); input; input = queue.shift()) {
        const r = await this.readers.read(input.id, input.name, input.bytes, mappings, schoolYear);
        if (input.lastModified) r.lastModified = input.lastModified;
        read.push(r);
        done += 1;
        onProgress?.({ phase: 'lecture', done, total: inputs.length, name: queue[0]?.name });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.readers.size, queue.length)) }, lane));
    const byId = new Map(read.map((r) => [r.id, r]));
    for (const i of loaded) {
      const t = twins.get(i.id);
      if (t) read.push(twinInput(i.id, i.name, i.bytes, t, byId));
    }
    // Keep the admin's order.
    const order = new Map(inputs.map((i, k) => [i.id, k]));
    read.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const ids = new Set(read.map((r) => r.id));
    this.inputs = [...this.inputs.filter((i) => !ids.has(i.id)), ...read];
    onProgress?.({ phase: 'controle', done, total: inputs.length });
    const staged = await this.staged();
    this.timings.lecture = Math.round(performance.now() - t0);
    return staged;
  }

  /** Reads staged inputs again (after the admin saved a column mapping). */
  async restage(ids: string[]): Promise<StagedFile[]> {
    const mappings = await this.db.mappings.toArray();
    const schoolYear = (await getSchool(this.db))?.schoolYear;
    this.inputs = await Promise.all(this.inputs.map((i) => (ids.includes(i.id) ? inProcessReaders.read(i.id, i.name, i.bytes, mappings, schoolYear) : i)));
    return this.staged();
  }

  async unstage(ids: string[]): Promise<StagedFile[]> {
    this.inputs = this.inputs.filter((i) => !ids.includes(i.id));
    for (const id of ids) this.setAside.delete(id);
    return this.staged();
  }

  /** « Analyser sans cette liste » (or back): the admin's choice for an unclassified PRONOTE list. */
  async setAsideList(id: string, aside: boolean): Promise<StagedFile[]> {
    if (aside) this.setAside.add(id);
    else this.setAside.delete(id);
    return this.staged();
  }

  async staged(): Promise<StagedFile[]> {
    return stagedView(this.inputs, await getSchool(this.db), await this.storedForNames(), this.setAside).staged;
  }

  /** The stored exports, read only when a staged PRONOTE list must be told by its names. */
  private async storedForNames(): Promise<ParsedFile[]> {
    return needsStoredNames(this.inputs) ? (await currentSnapshots(this.db)).map((s) => s.file) : [];
  }

  /** Generates the sample school and stages its files. */
  async stageSample(onProgress?: ProgressFn): Promise<StagedFile[]> {
    onProgress?.({ phase: 'generation', done: 0, total: 1 });
    const { generateSchool, demoSchoolOptions } = await import('@raccord/core/sample/index.ts');
    // Dated like this week's exports, so the overview reads « il y a 3 jours », not « il y a 15 mois »;
    // the same school as the folder `npm start` writes today.
    const school = generateSchool(demoSchoolOptions(this.today()));
    // The files get the dates they would have had on the admin's disk (PRONOTE lists a week older).
    const kinds = new Map(school.truth.files.map((f) => [f.name, f.kind]));
    const dated = (name: string) => Date.parse(`${kinds.get(name) === 'pronote-ids' ? school.truth.school.pronoteExportDate : school.truth.school.exportDate}T12:00:00`);
    const inputs = school.files.map((f, i) => ({ id: `exemple-${i}`, name: f.name, blob: new Blob([f.bytes as BlobPart]), lastModified: dated(f.name) }));
    return this.stage(inputs, onProgress);
  }

  /**
   * Validates the import: the accepted files go to the database in one transaction, then the
   * school is reconciled again. Refused files are left out (and stay listed until cleared).
   */
  async commit(origin: ImportOrigin, onProgress?: ProgressFn, opts: { force?: boolean } = {}): Promise<CommitSummary> {
    const stored = await getSchool(this.db);
    const { staged, accepted, acceptedInputs } = stagedView(this.inputs, stored, await this.storedForNames(), this.setAside);
    if (!accepted.length) throw new Error('nothing-to-commit');
    // The page never offers these; a caller that skips the choice gets the same French reason.
    const gate = importGate(staged);
    if (gate.undecided.length) throw new Error(fr.import.gate.undecidedError(gate.undecided.length));
    if (gate.stopped && !opts.force) throw new Error(fr.import.gate.stoppedError);
    onProgress?.({ phase: 'enregistrement', done: 0, total: 1 });
    let t = performance.now();
    const school = stored ?? schoolOf(accepted);
    const importId = await commitImport(this.db, { files: accepted, raws: acceptedInputs, origin, school });
    this.timings.enregistrement = Math.round(performance.now() - t);
    this.inputs = [];
    this.setAside.clear();
    this.cache = undefined;
    onProgress?.({ phase: 'rapprochement', done: 0, total: 1 });
    t = performance.now();
    const { result } = await this.reconciled();
    await recordFindingKeys(this.db, importId, result.findings.map((f) => f.key));
    this.timings.rapprochement = Math.round(performance.now() - t);
    return {
      importId,
      files: accepted.length,
      refused: staged.filter((s) => s.error && !s.setAside).length,
      fates: staged.map((s) => ({ path: s.path, fate: s.fate ?? { kind: 'kept' } })),
    };
  }

  // ───────────────────────── results ─────────────────────────

  /** The dataset and its reconciliation, from memory, the stored cache, or computed again. */
  async reconciled(): Promise<Reconciled> {
    const { importId, stamp, decisions, school, personInChargeAccounts } = await this.state();
    if (this.cache && this.cache.importId === importId && this.cache.stamp === stamp) return this.cache;
    const snapshots = await currentSnapshots(this.db);
    const dataset = datasetOf(snapshots, school, personInChargeAccounts !== undefined ? { personInChargeAccounts } : {});
    const sources = sourcesOf(snapshots);
    const stored = await this.db.results.get('current');
    if (stored && stored.importId === importId && stored.decisionsStamp === stamp) {
      // A reload: the stored result is still right; the match is computed again only if an export needs it.
      this.cache = { importId, stamp, dataset, result: stored.result, decisions, sources, computedAt: stored.computedAt };
      if (stored.entChanges) this.cache.entChanges = stored.entChanges;
      return this.cache;
    }
    const t = performance.now();
    const { result, match } = reconcileDetailed(dataset, { decisions, today: this.today() });
    // The plan is what the admin changes in the ENT: its count moves with every decision.
    const plan = buildPlan(dataset, match);
    const changes = countEntChanges(plan);
    this.timings.reconcile = Math.round(performance.now() - t);
    const computedAt = new Date().toISOString();
    // Stored for the next visit; not awaited: the pages use the copy in memory meanwhile, and a
    // tab closed before the write ends only means computing it again next time.
    if (importId) {
      const t2 = performance.now();
      void this.db.results
        .put({ id: 'current', importId, decisionsStamp: stamp, computedAt, result, sources, entChanges: changes })
        .then(() => (this.timings.cache = Math.round(performance.now() - t2)))
        .catch(() => undefined);
    }
    this.cache = { importId, stamp, dataset, result, match, decisions, sources, computedAt, plan, entChanges: changes };
    return this.cache;
  }

  /** The last import and the link decisions: what the results depend on. */
  private async state() {
    const [last, decisionRows, school, personInChargeAccounts] = await Promise.all([
      this.db.imports.orderBy('committedAt').last(),
      this.db.decisions.toArray(),
      getSchool(this.db),
      getPersonInChargeAccounts(this.db),
    ]);
    const decisions = toAdminDecisions(decisionRows);
    // The ENT setting changes the findings like a decision does: part of what the result depends on.
    const stamp = `${decisionsStamp(decisions)}|comptes-en-charge:${personInChargeAccounts ?? 'déduit'}`;
    return { importId: last?.id ?? 0, stamp, decisions, school, personInChargeAccounts };
  }

  /**
   * What the overview needs, without the dataset when possible: after a reload the stored result
   * and source summaries are enough (the snapshots are read only when a page needs the records).
   */
  private async summary(): Promise<Pick<Reconciled, 'result' | 'sources' | 'computedAt'> & { entChanges: EntChangeCount }> {
    const { importId, stamp } = await this.state();
    const fresh = (c: Reconciled | undefined) => c && c.importId === importId && c.stamp === stamp;
    if (fresh(this.cache) && this.cache!.entChanges) return { ...this.cache!, entChanges: this.cache!.entChanges };
    const stored = await this.db.results.get('current');
    if (stored?.sources && stored.entChanges && stored.importId === importId && stored.decisionsStamp === stamp) {
      return { result: stored.result, sources: stored.sources, computedAt: stored.computedAt, entChanges: stored.entChanges };
    }
    // A result cached by an older version has no count: the plan is built once.
    const c = await this.reconciled();
    return { ...c, entChanges: countEntChanges(await this.planRows()) };
  }

  /** The assignment plan of the current reconciliation (the matcher's indexes are needed once). */
  private async planRows(): Promise<PlanRow[]> {
    const c = await this.reconciled();
    if (!c.plan) {
      const { dataset, match } = await this.detailed();
      c.plan = buildPlan(dataset, match);
      c.entChanges = countEntChanges(c.plan);
    }
    return c.plan;
  }

  /**
   * « L'ENT crée-t-il des comptes aux personnes en charge ? »: the admin's answer, or what the ENT
   * export says when the admin left it to Raccord (`inferred`, once an ENT export is stored).
   */
  async accountSetting(): Promise<{ setting?: boolean; inferred?: boolean }> {
    const setting = await getPersonInChargeAccounts(this.db);
    if (setting !== undefined) return { setting };
    if (!(await this.db.imports.count())) return {};
    const { dataset, match } = await this.detailed();
    if (!dataset.entAccounts.length) return {};
    return { inferred: accountPolicy(dataset, match).inCharge };
  }

  async setAccountSetting(value: boolean | undefined): Promise<void> {
    await setPersonInChargeAccounts(this.db, value);
    this.cache = undefined;
  }

  /** « À faire dans l'ENT » : every account to paste or to replace, with the person behind it. */
  async worklist(): Promise<WorkItem[]> {
    const rows = entChanges(await this.planRows());
    const { result } = await this.reconciled();
    const person = new Map(result.assignments.map((a) => [a.entLogin, a.person] as const));
    return rows.map((r) => {
      const p = person.get(r.login);
      return p ? { ...r, personKey: refKey(p) } : r;
    });
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
    const summary = await this.summary();
    const { result, sources, computedAt } = summary;
    const previous = imports[1];
    const before = new Set(previous?.findingKeys ?? []);
    const overview: Overview = {
      school: school ? { ...school, ...(result.school.name ? { name: result.school.name } : {}) } : null,
      sources,
      result: { school: result.school, sources: result.sources, assignments: result.assignments, findings: result.findings },
      newFindingKeys: previous ? result.findings.map((f) => f.key).filter((k) => !before.has(k)) : [],
      today: this.today(),
      rules: ruleInfos(),
      computedAt,
      entChanges: summary.entChanges,
    };
    const lastInfo = importInfo(imports[0]);
    const prevInfo = importInfo(previous);
    if (lastInfo) overview.lastImport = lastInfo;
    if (prevInfo) overview.previousImport = prevInfo;
    return overview;
  }

  /** Where the school stands in the rentrée chronology (null before the first import). */
  async rentree(): Promise<RentreeStatus | null> {
    if (!(await this.db.imports.count())) return null;
    const { dataset, result } = await this.reconciled();
    // A finding the admin handled or ignored no longer blocks its step (as in the extension's marks).
    const settled = await this.settledFindingKeys();
    const findings = result.findings.filter((f) => !settled.has(f.key));
    return rentreeStatus({ dataset, findings, assignments: result.assignments, today: this.today() });
  }

  /** One person in every source, with links, assignment and findings; null when unknown. */
  async person(key: string): Promise<PersonView | null> {
    const { result } = await this.reconciled();
    return personView(await this.index(), result, key);
  }

  private async index(): Promise<PersonIndex> {
    const { dataset, result } = await this.reconciled();
    if (this.personIndex?.for !== result) this.personIndex = { for: result, index: buildPersonIndex(dataset, result) };
    return this.personIndex.index;
  }

  /** The facts that tell the candidates of each ambiguous account apart. */
  async decisionFacts(): Promise<Record<string, DecisionFacts>> {
    const { result } = await this.reconciled();
    return decisionFacts(await this.index(), result);
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
    return buildBridgePlan(result, dataset, { hiddenFindingKeys: await this.settledFindingKeys() });
  }

  /** Keys of the findings the admin marked handled (« traité ») or ignored. */
  private async settledFindingKeys(): Promise<Set<string>> {
    return new Set((await this.db.decisions.where('type').equals('finding').toArray()).map((d) => (d.type === 'finding' ? d.findingKey : '')));
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
    this.setAside.clear();
  }
}

/** The school of a first import: the UAI and year the authoritative files carry, and its name. */
function schoolOf(files: ParsedFile[]): StoredSchool {
  const ref = referenceSchool(files);
  const name = files.map((f) => f.data.school?.name).find(Boolean);
  return { uai: ref.uai ?? '', ...(ref.schoolYear !== undefined ? { schoolYear: ref.schoolYear } : {}), ...(name ? { name } : {}) };
}
