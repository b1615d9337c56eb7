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
  /** A `<table>`, or an ARIA grid/table of divs (`role="grid"`, rows `role="row"`). */
  table: HTMLElement;
  /** Field → column index, for every required field and the optional ones found. */
  col: Partial<Record<K, number>>;
  /** Body rows: every row but the header row (read on first use: detection needs the headers only). */
  readonly rows: HTMLElement[];
}

/** A table's header row and body rows: `thead`, else its first row (`th` or `td` cells). */
function tableRows(table: HTMLTableElement): { header: HTMLElement | null; body: () => HTMLElement[] } {
  const header = table.querySelector<HTMLTableRowElement>(':scope > thead > tr') ?? table.querySelector<HTMLTableRowElement>(':scope > tbody > tr, :scope > tr');
  return { header, body: () => Array.from(table.querySelectorAll<HTMLElement>(':scope > tbody > tr, :scope > tr')).filter((r) => r !== header) };
}

/** An ARIA grid's header row (the first row of `columnheader`s, else its first row) and the others. */
function gridRows(grid: HTMLElement): { header: HTMLElement | null; body: () => HTMLElement[] } {
  const all = () => Array.from(grid.querySelectorAll<HTMLElement>('[role="row"]'));
  const header = grid.querySelector<HTMLElement>('[role="columnheader"]')?.closest<HTMLElement>('[role="row"]') ?? grid.querySelector<HTMLElement>('[role="row"]');
  return { header, body: () => all().filter((r) => r !== header) };
}

/**
 * Every table — `<table>`, or ARIA grid of divs — whose header row carries all the `required`
 * fields, by normalised header text. `optional` fields are resolved when present.
 */
export function findTablesByHeaders<K extends string, O extends string = never>(
  root: ParentNode,
  required: HeaderSpec<K>,
  optional?: HeaderSpec<O>,
): HeaderTable<K | O>[] {
  const found: HeaderTable<K | O>[] = [];
  const candidates = [
    ...Array.from(root.querySelectorAll('table'), (t) => ({ table: t as HTMLElement, ...tableRows(t) })),
    ...Array.from(root.querySelectorAll<HTMLElement>('[role="grid"], [role="table"], [role="treegrid"]'))
      .filter((g) => g.tagName !== 'TABLE')
      .map((g) => ({ table: g, ...gridRows(g) })),
  ];
  for (const { table, header: headerRow, body } of candidates) {
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
    let rows: HTMLElement[] | undefined;
    found.push({
      table,
      col,
      get rows() {
        rows ??= body();
        return rows;
      },
    });
  }
  return found;
}

/** Text of a row's cell for `field` ('' when the table has no such column). */
export function cellText<K extends string>(t: HeaderTable<K>, row: HTMLElement, field: K): string {
  const i = t.col[field];
  return i === undefined ? '' : text(row.children[i]);
}

export function cellAt<K extends string>(t: HeaderTable<K>, row: HTMLElement, field: K): HTMLElement | undefined {
  const i = t.col[field];
  return i === undefined ? undefined : (row.children[i] as HTMLElement | undefined);
}

/** A field's value: an input's, a select's chosen option, else the element's text. */
function valueText(el: Element): string {
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return (el as HTMLInputElement).value.replace(/\s+/g, ' ').trim();
  if (tag === 'SELECT') return text((el as HTMLSelectElement).selectedOptions[0]);
  return text(el);
}

/** `Login :`, `Nom*` → the label's key (trailing colon and asterisk ignored). */
const labelKey = (s: string) => norm(s.replace(/[\s:：*]+$/, ''));

/** Elements that may hold a label in back-office pages, and the most children a label has. */
const LABEL_ELEMENTS = 'th, td, dt, label, strong, b, span, div, p, li';
const LABEL_MAX_CHILDREN = 2;
const LABEL_MAX_LENGTH = 80;
/** Page chrome: a banner may show the signed-in admin's own « Identifiant », never the record's. */
const CHROME = 'header, nav, footer, [role="banner"], [role="navigation"], [role="contentinfo"]';

export interface LabelledValue {
  label: Element;
  /** The element holding the value (the label's parent when the value is a bare text node). */
  value: Element | null;
  text: string;
}

/**
 * What follows a label: the next cell (`th`/`td` + `td`, `dt` + `dd`), the control of a `label`,
 * else the text nodes after it up to the next line break (`<span>Login :</span> jdupont<br>`),
 * or the first element after it (`<span>Login</span><span>jdupont</span>`). Null when nothing
 * follows, or when what follows is another header cell (a table's header row, not a field).
 */
function valueAfterLabel(el: Element): Omit<LabelledValue, 'label'> | null {
  const tag = el.tagName;
  if (tag === 'TH' || tag === 'TD' || tag === 'DT') {
    const next = el.nextElementSibling;
    if (!next || next.tagName === 'TH' || (tag === 'DT' && next.tagName !== 'DD')) return null;
    return { value: next, text: valueText(next) };
  }
  if (tag === 'LABEL') {
    const forId = el.getAttribute('for');
    const control = forId ? el.ownerDocument.getElementById(forId) : el.querySelector('input, select, textarea');
    if (control) return { value: control, text: valueText(control) };
  }
  let after = '';
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      after += n.textContent ?? '';
      continue;
    }
    if (n.nodeType !== 1) continue;
    if ((n as Element).tagName === 'BR' || after.trim()) break;
    return { value: n as Element, text: valueText(n as Element) };
  }
  after = after.replace(/\s+/g, ' ').trim();
  return after ? { value: el.parentElement, text: after } : null;
}

/**
 * The value of the field labelled one of `labels` (normalised: case, accents, punctuation and a
 * trailing « : » ignored), in any of the forms back-office pages use:
 * - ARIA: an element whose `aria-labelledby` / `aria-describedby` points at the label;
 * - a label element (`th`, `td`, `dt`, `label`, `strong`, `b`, `span`, `div`…) followed by the
 *   value: next cell, next sibling element, or a bare text node (see valueAfterLabel);
 * - label and value in one element: « Login : jdupont ».
 * The first match in document order wins (ARIA first: it says what it means); the page's banner,
 * navigation and footer are skipped. Only small elements are read as labels, so the cost stays
 * that of one pass over a record page.
 */
export function valueByLabel(root: ParentNode, labels: readonly string[]): LabelledValue | null {
  const want = new Set(labels.map(labelKey));
  for (const el of Array.from(root.querySelectorAll('[aria-labelledby], [aria-describedby]'))) {
    if (el.closest(CHROME)) continue;
    for (const attr of ['aria-labelledby', 'aria-describedby']) {
      const ids = (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean);
      const parts = ids.map((id) => el.ownerDocument.getElementById(id)).filter((x): x is HTMLElement => !!x && x !== el);
      if (parts.length && want.has(labelKey(parts.map(text).join(' ')))) return { label: parts[0]!, value: el, text: valueText(el) };
    }
  }
  for (const el of Array.from(root.querySelectorAll(LABEL_ELEMENTS))) {
    if (el.childElementCount > LABEL_MAX_CHILDREN) continue;
    const own = text(el);
    if (!own || own.length > LABEL_MAX_LENGTH || el.closest(CHROME)) continue;
    if (want.has(labelKey(own))) {
      const found = valueAfterLabel(el);
      if (found) return { label: el, ...found };
      continue;
    }
    const colon = own.search(/[:：]/);
    if (colon > 0 && want.has(labelKey(own.slice(0, colon)))) {
      const control = el.querySelector('input, select, textarea');
      const rest = control ? valueText(control) : own.slice(colon + 1).trim();
      if (rest) return { label: el, value: control ?? el, text: rest };
    }
  }
  return null;
}

/** A person's name as headings and titles write it. */
export interface HeadingName {
  displayName: string;
  /** Set only when the writing tells them apart: family in capitals, then given names in mixed case. */
  family?: string;
  given?: string;
}

/** Words of page titles that are never part of a person's name. */
const NOT_A_NAME = new Set(['fiche', 'utilisateur', 'utilisateurs', 'annuaire', 'ent', 'accueil', 'administration', 'recherche', 'rechercher', 'compte', 'profil', 'identite', 'modifier', 'details', 'espace', 'lycee', 'college', 'lpo', 'clg', 'etablissement', 'academie'].map(norm));
const CAPITALS = /^\p{Lu}[\p{Lu}'’-]*$/u;
const MIXED = /^\p{Lu}[\p{Ll}'’-][\p{L}'’-]*$/u;

/**
 * « MARTIN Claire », « DE LA FONTAINE Jean-Pierre » (family in capitals first), or « MARTIN
 * CLAIRE » (all capitals: a name, but which part is which is unknown) → the name; anything else
 * (« Fiche utilisateur », « Annuaire ») → null. A prefix up to « : » is dropped (« Fiche
 * utilisateur : MARTIN Claire »).
 */
export function personName(s: string, extraStopWords: readonly string[] = []): HeadingName | null {
  const words = s.slice(s.lastIndexOf(':') + 1).replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length < 2 || words.length > 6) return null;
  const stop = new Set([...NOT_A_NAME, ...extraStopWords.map(norm)]);
  if (words.some((w) => stop.has(norm(w)))) return null;
  const caps = words.findIndex((w) => !CAPITALS.test(w));
  const displayName = words.join(' ');
  if (caps === -1) return { displayName };
  if (caps === 0 || !words.slice(caps).every((w) => MIXED.test(w))) return null;
  return { displayName, family: words.slice(0, caps).join(' '), given: words.slice(caps).join(' ') };
}

/**
 * The person a record page is about, from its main heading (the first `h1`) or else its document
 * title (« NOM Prénom - Annuaire », each part between dashes or bars tried): for pages that show
 * no « Nom » label.
 */
export function nameFromHeadingOrTitle(doc: Document, extraStopWords: readonly string[] = []): HeadingName | null {
  const h1 = doc.querySelector('h1, [role="heading"][aria-level="1"]');
  const fromHeading = h1 ? personName(text(h1), extraStopWords) : null;
  if (fromHeading) return fromHeading;
  for (const part of doc.title.split(/\s+[-–—|·]\s+/)) {
    const found = personName(part, extraStopWords);
    if (found) return found;
  }
  return null;
}

/**
 * The login the page's address carries (`?login=jdupont`), for records that show it nowhere
 * else. `names` are tried in order; `loose` ones (`id`, `uid`) only when the value looks like a
 * login (« prenom.nom »), not an opaque number or UUID.
 */
export function loginFromUrl(url: URL, names: readonly string[], loose: readonly string[] = []): string | undefined {
  for (const name of names) {
    const v = url.searchParams.get(name)?.trim();
    if (v) return v;
  }
  for (const name of loose) {
    const v = url.searchParams.get(name)?.trim();
    if (v && /^\p{L}[\p{L}'-]*(\.[\p{L}'-]+)+\d*$/u.test(v)) return v;
  }
  return undefined;
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
