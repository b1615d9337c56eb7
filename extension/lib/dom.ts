/**
 * Label- and header-driven DOM lookups shared by the portal adapters. Adapters find things the
 * way the admin does, by visible text: a table by its column headers, a value by its label, a
 * control by its accessible name. Never by long CSS paths or generated attributes.
 */
import { normalizeHeader } from '@raccord/core/model/names.js';

/** Visible text, whitespace collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Accessible name, approximately: aria-label, title, alt of an image inside, then the text. */
export function accessibleName(el: Element): string {
  const aria = el.getAttribute('aria-label') ?? el.getAttribute('title');
  if (aria) return aria.trim();
  const img = el.querySelector('img[alt]');
  const own = text(el);
  return own || img?.getAttribute('alt')?.trim() || '';
}

/** `Né(e) le` → `nee le`: case-, accent- and punctuation-insensitive. */
export const norm = normalizeHeader;

/** Field name → the header labels that may carry it (any one of them). */
export type HeaderSpec<K extends string> = Record<K, readonly string[]>;

export interface HeaderTable<K extends string> {
  table: HTMLTableElement;
  /** Field → column index, for every required field and the optional ones found. */
  col: Partial<Record<K, number>>;
  /** Body rows: every row but the header row (read on first use: detection needs the headers only). */
  readonly rows: HTMLTableRowElement[];
}

/**
 * Every table whose header row (`thead`, else the first row; `th` or `td`) carries all the
 * `required` fields, by normalised header text. `optional` fields are resolved when present.
 */
export function findTablesByHeaders<K extends string, O extends string = never>(
  root: ParentNode,
  required: HeaderSpec<K>,
  optional?: HeaderSpec<O>,
): HeaderTable<K | O>[] {
  const found: HeaderTable<K | O>[] = [];
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const headerRow = table.querySelector<HTMLTableRowElement>(':scope > thead > tr') ?? table.querySelector<HTMLTableRowElement>(':scope > tbody > tr, :scope > tr');
    if (!headerRow) continue;
    const byHeader = new Map<string, number>();
    Array.from(headerRow.children).forEach((cell, i) => {
      const key = norm(text(cell));
      if (key && !byHeader.has(key)) byHeader.set(key, i);
    });
    const resolve = (labels: readonly string[]) => labels.map((l) => byHeader.get(norm(l))).find((i) => i !== undefined);
    const col: Partial<Record<K | O, number>> = {};
    let complete = true;
    for (const [field, labels] of Object.entries(required) as [K, readonly string[]][]) {
      const i = resolve(labels);
      if (i === undefined) {
        complete = false;
        break;
      }
      col[field] = i;
    }
    if (!complete) continue;
    for (const [field, labels] of Object.entries(optional ?? {}) as [O, readonly string[]][]) {
      const i = resolve(labels);
      if (i !== undefined) col[field] = i;
    }
    let rows: HTMLTableRowElement[] | undefined;
    found.push({
      table,
      col,
      get rows() {
        rows ??= Array.from(table.querySelectorAll<HTMLTableRowElement>(':scope > tbody > tr, :scope > tr')).filter((r) => r !== headerRow);
        return rows;
      },
    });
  }
  return found;
}

/** Text of a row's cell for `field` ('' when the table has no such column). */
export function cellText<K extends string>(t: HeaderTable<K>, row: HTMLTableRowElement, field: K): string {
  const i = t.col[field];
  return i === undefined ? '' : text(row.children[i]);
}

export function cellAt<K extends string>(t: HeaderTable<K>, row: HTMLTableRowElement, field: K): HTMLTableCellElement | undefined {
  const i = t.col[field];
  return i === undefined ? undefined : (row.children[i] as HTMLTableCellElement | undefined);
}

/**
 * The value next to a label: `th`/`td` + next cell, `dt` + `dd`, `label` + next sibling, or the
 * text that follows a `strong` label in its parent (older consoles). The first label whose
 * normalised text (trailing colon ignored) is one of `labels` wins.
 */
export function valueByLabel(root: ParentNode, labels: readonly string[]): { label: Element; value: Element | null; text: string } | null {
  const want = new Set(labels.map(norm));
  for (const el of Array.from(root.querySelectorAll('th, td, dt, label, strong'))) {
    const labelText = text(el);
    if (!want.has(norm(labelText.replace(/:\s*$/, '')))) continue;
    if (el.tagName === 'STRONG' && !el.nextElementSibling && el.parentElement) {
      return { label: el, value: el.parentElement, text: text(el.parentElement).slice(labelText.length).trim() };
    }
    const value = el.nextElementSibling;
    return { label: el, value, text: text(value) };
  }
  return null;
}

/** Elements under `root` matching `selector` whose accessible name is one of `names`. */
export function byAccessibleName<T extends Element = HTMLElement>(root: ParentNode, selector: string, names: readonly string[]): T[] {
  const want = new Set(names.map(norm));
  return Array.from(root.querySelectorAll<T>(selector)).filter((el) => want.has(norm(accessibleName(el))));
}

/** A heading (h1–h4, or an element with role=heading) whose text contains one of `needles`. */
export function hasHeading(root: ParentNode, needles: readonly string[]): boolean {
  const want = needles.map(norm);
  for (const h of Array.from(root.querySelectorAll('h1, h2, h3, h4, [role="heading"], .titre, legend'))) {
    const t = norm(text(h));
    if (want.some((n) => t.includes(n))) return true;
  }
  return false;
}

/** `25/08/2009` → `2009-08-25`; anything else → undefined. */
export function frDateToIso(s: string): string | undefined {
  const m = /^\s*(\d{2})\/(\d{2})\/(\d{4})\s*$/.exec(s);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

/** Last path segment of a URL, decoded; '' when none. */
export function fileNameOfUrl(href: string): string {
  try {
    const u = new URL(href);
    const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
    return decodeURIComponent(last);
  } catch {
    return '';
  }
}
