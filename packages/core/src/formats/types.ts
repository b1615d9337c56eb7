/** The contract every format reader implements. Adding a format = one file + one line in registry.ts. */
import type { FileKind, ParsedData, ParseWarning } from '../model/types.js';
import type { XmlNode } from '../util/xml.js';
import type { Table } from '../util/table.js';

export interface ReadOptions {
  /** Refuse files (and zip entries) above this size. Default 64 MiB. */
  maxBytes?: number;
  /**
   * "Today" as ISO date, for rules that compare with the current date (a PROF_PRINC still valid,
   * a DATE_SORTIE in the future). Default: the file's export date, else the real today.
   */
  today?: string;
  /**
   * The school year the admin gave (CLI `--annee`, the app's school): taken, with a warning, for a
   * SIECLE file that does not say its year. A file that says another year is still refused later.
   */
  schoolYear?: number;
  /** Hints for tabular files the app learned from the admin (column mapping, which PRONOTE list). */
  tableHints?: TableHints;
}

export interface TableHints {
  /** When a PRONOTE list has no profile column and it cannot be inferred: which list it is. */
  pronoteProfile?: 'pupil' | 'teacher' | 'staff' | 'guardian';
  /**
   * Column mappings the admin made for headers Raccord did not recognise, keyed by
   * `headerSignature(header)`. `columns` maps a field name of the target kind to a column index.
   */
  mappings?: Record<string, { kind: 'pronote-ids' | 'ent-accounts'; columns: Record<string, number> }>;
}

/** What a reader fills in; read.ts adds path, kind, encoding, byteLength, counts. */
export interface ReaderResult {
  uai?: string;
  schoolYear?: number;
  exportDate?: string;
  layout?: string;
  pronoteList?: import('../model/types.js').PronoteListKind;
  data: ParsedData;
}

export interface ReaderContext {
  /** Path shown in messages (`archive.zip/inner.xml` for zip entries). */
  file: string;
  encoding: string;
  options: ReadOptions;
  /** Push recoverable oddities here: they are kept on the result, never dropped silently. */
  warn(w: ParseWarning): void;
}

export interface XmlFormatReader {
  kind: FileKind;
  /** Root element names this reader accepts. */
  roots: readonly string[];
  /** Element names that may repeat (always parsed as arrays). */
  arrayTags: readonly string[];
  parse(doc: XmlNode, root: string, ctx: ReaderContext): ReaderResult;
}

export interface TableFormatReader {
  kind: FileKind;
  /** 0 (not this kind) … 1 (certainly this kind), from the header row and a few rows. */
  detect(table: Table, hints: TableHints | undefined): number;
  parse(table: Table, ctx: ReaderContext): ReaderResult;
}
