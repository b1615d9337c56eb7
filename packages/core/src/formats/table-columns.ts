/**
 * Header-alias plumbing shared by the tabular readers (PRONOTE lists, ENT account lists):
 * finding a field's column by its header, applying the admin's remembered column mapping,
 * reading cells, and reporting rows kept out or repeated once, with their count and who they are.
 */
import { normalizeHeader } from '../model/names.js';
import type { ParseWarning } from '../model/types.js';
import { headerSignature, type Table } from '../util/table.js';
import type { ReaderContext, TableHints } from './types.js';

/**
 * A header reduced for comparison: case, accents, punctuation and spaces ignored
 * (`UID Tuteur1` = `UID tuteur 1`, `Identifiant_ENT` = `Identifiant ENT`, `Né(e) le` = `nee le`).
 */
export function compactHeader(h: string): string {
  return normalizeHeader(h).replace(/ /g, '');
}

/** Headers of a PRONOTE ID column, in a PRONOTE list or in an ENT export that carries it. */
export const PRONOTE_ID_HEADERS = [
  'Identifiant PRONOTE',
  'ID PRONOTE',
  'IDPN',
  'Id PN',
  'Identifiant PN',
  'Identifiant unique PRONOTE',
  'Numéro PRONOTE',
  'N° PRONOTE',
] as const;

export const BIRTH_DATE_HEADERS = ['Né(e) le', 'Né le', 'Née le', 'Date de naissance', 'Naissance', 'Date naissance', 'birthDate'] as const;

export const FAMILY_HEADERS = ['Nom', 'Nom de famille', "Nom d'usage", 'Nom patronymique', 'lastname', 'last name'] as const;
export const GIVEN_HEADERS = ['Prénom', 'Prénoms', 'Premier prénom', 'firstname', 'first name'] as const;

/**
 * Headers that only an ENT account list has (a connection login, an SSO id, a join key):
 * a table with one of them is an ENT list even when it also has a PRONOTE ID column.
 * A bare `Identifiant` is not among them: PRONOTE lists have one too (the PRONOTE login).
 */
export const ENT_ONLY_HEADERS = [
  'Login',
  'UID',
  'Identifiant ENT',
  'Alias de login',
  'Clé de jointure',
  'Id Siecle',
  'attachmentId',
  "Code d'activation",
  'UID Père',
  'UID Mère',
] as const;

/** Index of each field's column, absent when the table has none. */
export type Columns<F extends string> = Partial<Record<F, number>>;

/** Index of the first header (compared compacted) matching one of the aliases, in alias order; -1 when none. */
export function findAlias(compact: readonly string[], aliases: readonly string[]): number {
  for (const a of aliases) {
    const i = compact.indexOf(compactHeader(a));
    if (i >= 0) return i;
  }
  return -1;
}

export function hasAnyHeader(compact: readonly string[], aliases: readonly string[]): boolean {
  return findAlias(compact, aliases) >= 0;
}

/**
 * Each field's column from its aliases; the admin's mapping, when given, wins field by field.
 * A column may serve several fields (`UID` is both the login and the SSO id when there is no `Login`).
 */
export function resolveColumns<F extends string>(
  header: readonly string[],
  aliases: Readonly<Record<F, readonly string[]>>,
  mapped?: Record<string, number>,
): Columns<F> {
  const compact = header.map(compactHeader);
  const out: Columns<F> = {};
  for (const field of Object.keys(aliases) as F[]) {
    const i = findAlias(compact, aliases[field]);
    if (i >= 0) out[field] = i;
  }
  if (mapped) {
    for (const [field, i] of Object.entries(mapped)) {
      if (field in aliases && Number.isInteger(i) && i >= 0) out[field as F] = i;
    }
  }
  return out;
}

/** The admin's column mapping for this table's header row, when it was made for `kind`. */
export function mappedColumns(
  table: Table,
  hints: TableHints | undefined,
  kind: 'pronote-ids' | 'ent-accounts',
): Record<string, number> | undefined {
  const header = table.rows[0];
  if (!header || !hints?.mappings) return undefined;
  const m = hints.mappings[headerSignature(header)];
  return m && m.kind === kind ? m.columns : undefined;
}

/** True when the admin mapped this table's header row to the other kind of list. */
export function mappedToOther(table: Table, hints: TableHints | undefined, kind: 'pronote-ids' | 'ent-accounts'): boolean {
  const header = table.rows[0];
  if (!header || !hints?.mappings) return false;
  const m = hints.mappings[headerSignature(header)];
  return m !== undefined && m.kind !== kind;
}

/** The trimmed cell, or undefined when the column is absent or the cell empty. */
export function cellAt(row: readonly string[], i: number | undefined): string | undefined {
  if (i === undefined || i < 0) return undefined;
  const v = row[i];
  return v === undefined || v === '' ? undefined : v;
}

/** A row pointed at in a message: who it is (name, login, ID) and its line. */
export interface RowRef {
  who: string;
  line: number;
}

const LISTED = 10;

/** `DUPONT Marie (ligne 4), MARTIN Léo (ligne 9) et 3 autres`. */
export function listRows(refs: readonly RowRef[]): string {
  const shown = refs.slice(0, LISTED).map((r) => `${r.who} (ligne ${r.line})`).join(', ');
  const more = refs.length - LISTED;
  return more > 0 ? `${shown} et ${more} autre${more > 1 ? 's' : ''}` : shown;
}

/** One warning for every row kept out (or flagged) for the same reason, with their count and who they are. */
export function warnRows(ctx: ReaderContext, code: string, refs: readonly RowRef[], message: (count: number, list: string) => string): void {
  if (refs.length === 0) return;
  const w: ParseWarning = { code, message: message(refs.length, listRows(refs)), position: refs[0]!.line };
  ctx.warn(w);
}

/** `1 ligne` / `3 lignes`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n > 1 ? many : one}`;
}

/**
 * Labels read once each: a list repeats a handful of them (profiles…) on every row. Bounded, so
 * that a column of free text cannot grow it without end.
 */
export class LabelMemo<T> {
  private readonly memo = new Map<string, T>();

  get(label: string, read: () => T): T {
    if (this.memo.has(label)) return this.memo.get(label) as T;
    const value = read();
    if (this.memo.size < 1000) this.memo.set(label, value);
    return value;
  }
}

/**
 * Keeps the first row of each key; every later row with the same key is handed to `onRepeat`
 * (which warns) and left out.
 */
export function keepFirst<T>(items: readonly T[], key: (t: T) => string, onRepeat: (again: T, first: T) => void): T[] {
  const seen = new Map<string, T>();
  const out: T[] = [];
  for (const it of items) {
    const k = key(it);
    const first = seen.get(k);
    if (first !== undefined) {
      onRepeat(it, first);
      continue;
    }
    seen.set(k, it);
    out.push(it);
  }
  return out;
}

const UPPER_WORD = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/**
 * `DE LA FONTAINE Jean-Marc` → family `DE LA FONTAINE`, given `Jean-Marc`: the leading upper-case
 * words are the family name, the rest the given names (PRONOTE writes names this way). All upper
 * case: the last word is the given name. No upper-case word first: the first word is the family name.
 */
export function splitUpperName(raw: string): { family: string; given: string } {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  let n = 0;
  while (n < words.length && UPPER_WORD.test(words[n]!)) n++;
  if (n === words.length && n > 1) n -= 1;
  if (n === 0) n = Math.min(1, words.length);
  return { family: words.slice(0, n).join(' '), given: words.slice(n).join(' ') };
}

/** Splits a list cell at commas (and line breaks) outside parentheses: `A (5A, 5B), B (3C)` → 2 items. */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  const out: string[] = [];
  const keep = (s: string) => {
    const t = s.trim();
    if (t) out.push(t);
  };
  let depth = 0;
  let from = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29) depth = Math.max(0, depth - 1);
    else if ((c === 0x2c || c === 0x0a) && depth === 0) {
      keep(cell.slice(from, i));
      from = i + 1;
    }
  }
  keep(cell.slice(from));
  return out;
}
