/**
 * The one CSV writer for everything Raccord writes for admins: UTF-8 with a BOM (so Excel on a
 * school PC reads the accents), `;` between cells (the French Excel default), CRLF line ends,
 * RFC 4180 quoting, and formula-injection safety.
 *
 * Formula injection (OWASP « CSV Injection »): a spreadsheet runs a cell that starts with `=`,
 * `+`, `-` or `@` (and a leading TAB or CR can hide one). Names, logins and free text come from
 * files Raccord does not control, so every text cell that starts with one of those — or with
 * their full-width forms, or with spaces before one — is prefixed with `'`, which spreadsheets
 * show as text. Numbers are written as numbers: `-3` is a value, not a formula. The price is that
 * a phone number written `+33…` comes out as `'+33…`.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Cell separator (default `;`). */
  delimiter?: string;
  /** Line end (default CRLF). */
  eol?: string;
  /** Start with a byte-order mark (default true). */
  bom?: boolean;
}

const BOM = '\uFEFF';
/** Characters that make a spreadsheet read a cell as a formula (ASCII and full-width forms). */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** `'` before a text that a spreadsheet would run as a formula; other texts unchanged. */
export function neutralizeFormula(text: string): string {
  if (!text) return text;
  if (TRIGGERS.has(text[0]!)) return `'${text}`;
  const firstVisible = /^[ \u00a0]+(.)/.exec(text)?.[1];
  return firstVisible !== undefined && TRIGGERS.has(firstVisible) ? `'${text}` : text;
}

/** One cell, neutralised then quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(value: CsvValue, delimiter = ';'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  const text = neutralizeFormula(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → CSV text (with the BOM character first unless `bom: false`). */
export function toCsv(rows: readonly (readonly CsvValue[])[], opts: CsvOptions = {}): string {
  const delimiter = opts.delimiter ?? ';';
  const eol = opts.eol ?? '\r\n';
  const body = rows.map((r) => r.map((v) => csvCell(v, delimiter)).join(delimiter)).join(eol);
  return `${opts.bom === false ? '' : BOM}${body}${rows.length ? eol : ''}`;
}

/** A column of a record table: its header and how to read the value. */
export interface CsvColumn<T> {
  header: string;
  value: (record: T) => CsvValue;
}

/** Records → CSV text, with a header row. */
export function recordsToCsv<T>(columns: readonly CsvColumn<T>[], records: readonly T[], opts: CsvOptions = {}): string {
  return toCsv([columns.map((c) => c.header), ...records.map((r) => columns.map((c) => c.value(r)))], opts);
}

/** CSV text → the bytes to save: UTF-8, so the BOM character becomes EF BB BF. */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}
