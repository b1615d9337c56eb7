/**
 * What the engine (the worker) and the page exchange. Plain data only: everything crosses
 * `postMessage` by structured clone.
 */
import type {
  Assignment,
  FileCounts,
  FileKind,
  Finding,
  Link,
  ParsedFile,
  ParseWarning,
  PronoteProfile,
  ReconcileResult,
  Source,
  SubjectRef,
} from '@raccord/core';
import type { ImportOrigin } from '../db/schema.ts';
import type { NonExportKind } from '@raccord/core/formats/not-an-export.ts';
import type { EntChange, EntChangeCount } from '@raccord/core/export/worklist.ts';

/** One account of « À faire dans l'ENT »: a plan row to paste or to replace, and its person page. */
export type WorkItem = EntChange & { personKey?: string };

/** An input the admin gave: a file, a zip, a paste, or a capture from the extension. */
export interface EngineInput {
  id: string;
  name: string;
  blob: Blob;
  /** The file's own date (ms), when it has one: shown for exports that carry no date. */
  lastModified?: number;
}

/** Asked when Raccord does not recognise a table's header, or cannot tell which PRONOTE list it is. */
export interface MappingRequest {
  inputId: string;
  signature: string;
  header: string[];
  /** A few rows, to help the admin recognise the columns. */
  sample: string[][];
  need: 'columns' | 'profile';
}

/** One parsed file waiting for the admin to validate the import. */
export interface StagedFile
  extends Pick<ParsedFile, 'path' | 'kind' | 'encoding' | 'uai' | 'schoolYear' | 'exportDate' | 'layout' | 'byteLength' | 'warnings' | 'error'> {
  inputId: string;
  inputName: string;
  counts: FileCounts;
  /** An extra French sentence from the app (e.g. how to change school). */
  appHint?: string;
  mapping?: MappingRequest;
  /** The bytes are no export at all (a PDF, a document, a picture, prose): no column to map. */
  notExport?: NonExportKind;
  /** An unclassified PRONOTE list the admin chose to analyse without. */
  setAside?: boolean;
  /** An unclassified PRONOTE list: how many people it holds, and who its names suggest, to say what goes missing without it. */
  unclassified?: { rows: number; likely?: PronoteProfile };
  /** A list whose names are mostly not among the school's people: held back until forced. */
  foreignList?: { found: number; total: number };
  /** What the import does with this file. */
  fate?: FileFate;
}

/** What an import does with one file: said for every file in the confirmation. */
export type FileFate =
  | { kind: 'kept' }
  | { kind: 'duplicate'; of: string }
  | { kind: 'superseded'; by: string }
  | { kind: 'set-aside' }
  | { kind: 'not-stored'; why: string }
  | { kind: 'refused'; why: string };

export type Phase = 'lecture' | 'controle' | 'generation' | 'enregistrement' | 'rapprochement';

export interface Progress {
  phase: Phase;
  done: number;
  total: number;
  name?: string;
}

export interface CommitSummary {
  importId: number;
  files: number;
  refused: number;
  /** Every staged file and what the import did with it. */
  fates: { path: string; fate: FileFate }[];
}

/** A source as it feeds the dataset now. */
export interface SourceInfo {
  kind: FileKind;
  source: Source | null;
  path: string;
  exportDate?: string;
  /** The date of the file itself (when the export has none), ISO. */
  fileDate?: string;
  committedAt: string;
  counts: FileCounts;
  warnings: ParseWarning[];
}

export interface ImportInfo {
  id: number;
  committedAt: string;
  origin: ImportOrigin;
  files: number;
}

/** A check rule as the app shows it. */
export interface RuleInfo {
  code: string;
  title: string;
  severity: 'error' | 'warning' | 'info';
  description: string;
  fix: string;
}

/** The reconciliation as the pages get it: without the links (the person page asks for those). */
export type OverviewResult = Omit<ReconcileResult, 'links'>;

export interface Overview {
  school: { uai: string; schoolYear?: number; name?: string } | null;
  sources: SourceInfo[];
  result: OverviewResult | null;
  /** Keys of findings absent after the previous import (empty when there is only one import). */
  newFindingKeys: string[];
  lastImport?: ImportInfo;
  previousImport?: ImportInfo;
  computedAt?: string;
  /** ISO date used for delays. */
  today: string;
  /** Every check rule, with its description. */
  rules: RuleInfo[];
  /** ENT accounts to paste or replace (the work list's total); absent before the first import. */
  entChanges?: EntChangeCount;
}

/** One record of one source, as the person page shows it. */
export interface RecordView {
  ref: SubjectRef;
  refKey: string;
  source: Source;
  title: string;
  fields: [label: string, value: string][];
  /** Related people (children, guardians): label and refKey to open. */
  related: { label: string; refKey: string; role: string }[];
}

export interface PersonView {
  refKey: string;
  title: string;
  records: RecordView[];
  links: { key: string; link: Link }[];
  assignments: Assignment[];
  findings: Finding[];
}

export type ExportKind =
  | 'mailmerge-pupils'
  | 'mailmerge-guardians'
  | 'findings'
  | 'plan'
  | 'diff'
  | 'cpro'
  | 'backup';

export interface ExportRequest {
  kind: ExportKind;
  /** Only this division (class) for the mail merge; all when absent. */
  division?: string;
  /** For the diff: the import to compare the current data with (default: the one before the last). */
  previousImportId?: number;
}

export interface ExportFile {
  name: string;
  mime: string;
  data: Uint8Array | string;
  /** French lines shown next to the download (e.g. accounts left out and why). */
  notes: string[];
  /** A second file that goes with it (the accounts left out of a mail merge), and its button. */
  extra?: ExportFile & { label: string };
}

/** One credential letter. */
export interface Letter {
  division: string;
  /** The person the letter is for (pupil, or guardian « parent de … »). */
  recipient: string;
  about?: string;
  login: string;
  /** The initial password or activation code; absent when the owner changed it. */
  secret?: string;
  secretLabel: string;
}

export interface LettersBundle {
  school: { uai: string; name?: string };
  audience: 'pupils' | 'guardians';
  divisions: string[];
  letters: Letter[];
  /** People left out (changed password, no account) with the reason. */
  leftOut: { who: string; division: string; reason: string }[];
}

export interface SnapshotInfo {
  id: number;
  importId: number;
  kind: FileKind;
  slot: string;
  path: string;
  exportDate?: string;
  committedAt: string;
  current: boolean;
}

/** An ambiguous ENT account, and each PRONOTE candidate with the facts that tell them apart. */
export interface DecisionFacts {
  account: { title: string; refKey: string; facts: [label: string, value: string][] };
  candidates: {
    pronoteId: string;
    label: string;
    evidence: string[];
    refKey: string;
    /** `differs`: the candidates do not share this value (what the admin decides on). */
    facts: { label: string; value: string; differs: boolean }[];
  }[];
}
