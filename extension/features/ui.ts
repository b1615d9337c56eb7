/**
 * The small bits of UI Raccord adds to portal pages, in plain DOM (no framework in content
 * scripts): a side panel in a shadow root (the portal's CSS cannot touch it, nor ours the
 * portal), inline buttons and marks. Texts are set with textContent only.
 */
import { OWN_ATTR } from './types';

export type Tone = 'ok' | 'warn' | 'error' | 'info';

export interface PanelAction {
  label: string;
  onClick: () => void;
  primary?: boolean;
}

export interface PanelModel {
  title: string;
  /** « MARTIN Claire (2NDE3) », and how the page was recognised. */
  subject?: string;
  subjectNote?: string;
  /** Label/value lines: « Attendu », « Actuel »… */
  rows?: { label: string; value: string; tone?: Tone; mono?: boolean }[];
  message?: { tone: Tone; text: string };
  candidates?: { value: string; label: string }[];
  evidence?: string[];
  /** A search box with pickable results (« Choisir la personne »); typing calls `onQuery`. */
  search?: PanelSearch;
  actions?: PanelAction[];
}

export interface PanelSearch {
  label: string;
  query: string;
  onQuery: (query: string) => void;
  results: { label: string; note?: string; onPick: () => void }[];
  /** Shown when there are no results (e.g. « Personne ne correspond. »). */
  empty?: string;
}

const PANEL_CSS = `
:host { all: initial; }
aside { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; width: 340px; max-height: 70vh; overflow: auto;
  font: 13px/1.4 system-ui, sans-serif; color: #1d2433; background: #fff; border: 1px solid #b8c2d6; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 12px 14px; }
h2 { font-size: 14px; margin: 0 0 6px; display: flex; justify-content: space-between; align-items: center; }
h2 button { border: 0; background: none; font-size: 16px; cursor: pointer; color: #555; }
.subject { font-weight: 600; } .note { color: #555; font-size: 12px; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 8px 0; } dt { color: #555; } dd { margin: 0; }
.mono { font-family: ui-monospace, monospace; letter-spacing: .02em; }
.ok { color: #0a6b2d; } .warn { color: #8a5300; } .error { color: #a4161a; } .info { color: #1d4f91; }
.message { padding: 6px 8px; border-radius: 6px; margin: 8px 0; background: #f3f5f9; }
.message.ok { background: #e6f4ea; } .message.warn { background: #fff4e0; } .message.error { background: #fdecea; }
ul { margin: 4px 0 8px; padding-left: 18px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.actions button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #8a96ad; background: #fff; cursor: pointer; }
.actions button.primary { background: #1d4f91; border-color: #1d4f91; color: #fff; }
.search input { box-sizing: border-box; width: 100%; font: inherit; padding: 4px 6px; border: 1px solid #8a96ad; border-radius: 6px; margin-top: 2px; }
.results { list-style: none; padding: 0; } .results li { margin: 2px 0; }
.results button { font: inherit; text-align: left; width: 100%; padding: 3px 6px; border: 1px solid #d3d9e4; border-radius: 6px; background: #fff; cursor: pointer; }
button:focus-visible { outline: 2px solid #1d4f91; outline-offset: 2px; }
`;

export interface PanelHandle {
  /** Re-renders, unless the model is the same as on screen (keeps focus where the admin left it). */
  update(model: PanelModel): void;
  remove(): void;
  readonly key: string;
  readonly connected: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function renderPanel(doc: Document, aside: HTMLElement, m: PanelModel, close: () => void): void {
  aside.replaceChildren();
  const h = el(doc, 'h2');
  h.append(el(doc, 'span', m.title));
  const x = el(doc, 'button', '×');
  x.type = 'button';
  x.setAttribute('aria-label', 'Fermer le panneau Raccord');
  x.addEventListener('click', close);
  h.append(x);
  aside.append(h);
  if (m.subject) aside.append(el(doc, 'div', m.subject, 'subject'));
  if (m.subjectNote) aside.append(el(doc, 'div', m.subjectNote, 'note'));
  if (m.rows?.length) {
    const dl = el(doc, 'dl');
    for (const r of m.rows) {
      dl.append(el(doc, 'dt', r.label));
      dl.append(el(doc, 'dd', r.value, [r.tone, r.mono ? 'mono' : ''].filter(Boolean).join(' ')));
    }
    aside.append(dl);
  }
  if (m.message) {
    const msg = el(doc, 'div', m.message.text, `message ${m.message.tone}`);
    msg.setAttribute('role', m.message.tone === 'error' || m.message.tone === 'warn' ? 'alert' : 'status');
    aside.append(msg);
  }
  if (m.candidates?.length) {
    aside.append(el(doc, 'div', 'Candidats (rien n’est rempli) :', 'note'));
    const ul = el(doc, 'ul');
    ul.setAttribute('aria-label', 'Candidats');
    for (const c of m.candidates) {
      const li = el(doc, 'li');
      li.append(el(doc, 'span', c.value, 'mono'), doc.createTextNode(` — ${c.label}`));
      ul.append(li);
    }
    aside.append(ul);
  }
  if (m.evidence?.length) {
    aside.append(el(doc, 'div', 'Éléments de preuve :', 'note'));
    const ul = el(doc, 'ul');
    ul.setAttribute('aria-label', 'Éléments de preuve');
    for (const e of m.evidence) ul.append(el(doc, 'li', e));
    aside.append(ul);
  }
  if (m.search) renderSearch(doc, aside, m.search);
  if (m.actions?.length) {
    const bar = el(doc, 'div', undefined, 'actions');
    for (const a of m.actions) {
      const b = el(doc, 'button', a.label, a.primary ? 'primary' : undefined);
      b.type = 'button';
      b.addEventListener('click', a.onClick);
      bar.append(b);
    }
    aside.append(bar);
  }
}

function renderSearch(doc: Document, aside: HTMLElement, s: PanelSearch): void {
  const label = el(doc, 'label', undefined, 'search');
  label.append(el(doc, 'span', s.label, 'note'));
  const input = el(doc, 'input');
  input.type = 'search';
  input.value = s.query;
  input.dataset.focusKey = 'search';
  input.autocomplete = 'off';
  input.addEventListener('input', () => s.onQuery(input.value));
  label.append(input);
  aside.append(label);
  if (!s.results.length) {
    if (s.empty) aside.append(el(doc, 'div', s.empty, 'note'));
    return;
  }
  const ul = el(doc, 'ul', undefined, 'results');
  ul.setAttribute('aria-label', 'Personnes du plan');
  for (const r of s.results) {
    const li = el(doc, 'li');
    const b = el(doc, 'button', r.label);
    b.type = 'button';
    if (r.note) b.append(el(doc, 'span', ` — ${r.note}`, 'note'));
    b.addEventListener('click', r.onPick);
    li.append(b);
    ul.append(li);
  }
  aside.append(ul);
}

/** Re-renders the panel and gives the focus back to the element that had it (the search box while typing). */
function rerender(doc: Document, shadow: ShadowRoot, aside: HTMLElement, m: PanelModel, close: () => void): void {
  const active = shadow.activeElement as HTMLInputElement | null;
  const focusKey = active?.dataset?.focusKey;
  const caret = focusKey ? active.selectionStart : null;
  renderPanel(doc, aside, m, close);
  if (!focusKey) return;
  const again = aside.querySelector<HTMLInputElement>(`[data-focus-key="${focusKey}"]`);
  again?.focus();
  if (again && caret !== null) again.setSelectionRange(caret, caret);
}

/** Shows (or reuses, for the same key) Raccord's panel; removed when `signal` aborts. */
export function showPanel(doc: Document, key: string, model: PanelModel, signal: AbortSignal): PanelHandle {
  const existing = doc.querySelector<HTMLElement & { raccordPanel?: PanelHandle }>(`[${OWN_ATTR}="panel"]`);
  if (existing?.raccordPanel?.key === key) {
    existing.raccordPanel.update(model);
    return existing.raccordPanel;
  }
  existing?.remove();
  const host = doc.createElement('div') as HTMLElement & { raccordPanel?: PanelHandle };
  host.setAttribute(OWN_ATTR, 'panel');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PANEL_CSS;
  const aside = doc.createElement('aside');
  aside.setAttribute('aria-label', 'Raccord');
  aside.setAttribute('role', 'complementary');
  shadow.append(style, aside);
  let shown = '';
  const handle: PanelHandle = {
    key,
    get connected() {
      return host.isConnected;
    },
    update: (m) => {
      const serial = JSON.stringify(m);
      if (serial === shown) return;
      shown = serial;
      rerender(doc, shadow, aside, m, () => host.remove());
    },
    remove: () => host.remove(),
  };
  host.raccordPanel = handle;
  handle.update(model);
  (doc.body ?? doc.documentElement).append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return handle;
}

/** An inline button right after `anchor` (once per anchor and feature). */
export function inlineButton(doc: Document, anchor: Element, feature: string, label: string, onClick: (button: HTMLButtonElement) => void): HTMLButtonElement | null {
  const next = anchor.nextElementSibling;
  if (next?.getAttribute(OWN_ATTR) === feature) return null;
  const b = doc.createElement('button');
  b.type = 'button';
  b.setAttribute(OWN_ATTR, feature);
  b.textContent = label;
  b.style.cssText = 'margin-left:6px;font:12px system-ui,sans-serif;padding:1px 8px;border:1px solid #1d4f91;border-radius:4px;background:#fff;color:#1d4f91;cursor:pointer;';
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onClick(b);
  });
  anchor.after(b);
  return b;
}

const MARK_SYMBOL: Record<'error' | 'warning' | 'info', string> = { error: '!', warning: '▲', info: 'i' };

/** One stylesheet and one set of listeners per page for every mark (lists may hold thousands of rows). */
const MARK_CSS = `
mark[data-raccord="mark"] { display: inline-block; margin-left: 6px; min-width: 1.2em; padding: 0 4px; border-radius: 8px;
  font: bold 11px/1.5 system-ui, sans-serif; text-align: center; color: #fff; background: #1d4f91; cursor: help; vertical-align: middle; }
mark[data-raccord="mark"][data-severity="error"] { background: #a4161a; }
mark[data-raccord="mark"][data-severity="warning"] { background: #8a5300; }
mark[data-raccord="mark"]:focus-visible { outline: 2px solid #1d4f91; outline-offset: 2px; }
[data-raccord="tip"] { position: fixed; z-index: 2147483647; max-width: 360px; padding: 4px 8px; border-radius: 4px;
  background: #1d2433; color: #fff; font: 12px/1.4 system-ui, sans-serif; pointer-events: none; }
`;

const prepared = new WeakSet<Document>();
/** The marks' style element of each page: checked by reference, not searched for at each mark (a 1,000-row list). */
const markStyles = new WeakMap<Document, HTMLStyleElement>();

function prepareMarks(doc: Document): void {
  // A page that re-renders its head may drop the style: put it back.
  if (!markStyles.get(doc)?.isConnected) {
    const style = doc.querySelector<HTMLStyleElement>(`style[${OWN_ATTR}="style"]`) ?? doc.createElement('style');
    style.setAttribute(OWN_ATTR, 'style');
    style.textContent = MARK_CSS;
    if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    markStyles.set(doc, style);
  }
  if (prepared.has(doc)) return;
  prepared.add(doc);
  const markOf = (e: Event) => (e.target instanceof Element ? e.target.closest<HTMLElement>(`mark[${OWN_ATTR}="mark"]`) : null);
  const show = (e: Event) => {
    const mark = markOf(e);
    if (mark) showTip(doc, mark, mark.getAttribute('aria-label') ?? '');
  };
  const hide = (e: Event) => {
    if (markOf(e)) hideTip();
  };
  doc.addEventListener('mouseover', show);
  doc.addEventListener('focusin', show);
  doc.addEventListener('mouseout', hide);
  doc.addEventListener('focusout', hide);
}

let tip: HTMLElement | null = null;

/** The tooltip of a mark, shown on hover and on keyboard focus alike. */
function showTip(doc: Document, mark: HTMLElement, text: string): void {
  hideTip();
  tip = doc.createElement('span');
  tip.setAttribute(OWN_ATTR, 'tip');
  tip.setAttribute('role', 'tooltip');
  tip.id = 'raccord-tip';
  tip.textContent = text;
  const r = mark.getBoundingClientRect();
  tip.style.left = `${Math.max(4, r.left)}px`;
  tip.style.top = `${r.bottom + 4}px`;
  mark.setAttribute('aria-describedby', tip.id);
  (doc.body ?? doc.documentElement).append(tip);
}

function hideTip(): void {
  tip?.remove();
  tip = null;
}

/**
 * A small badge after a list cell's content: `role="img"` with the reasons as its accessible name,
 * focusable, and the same reasons in a tooltip on hover and on focus.
 */
export function markCell(doc: Document, cell: Element, marks: { severity: 'error' | 'warning' | 'info'; reason: string }[], signature: string): void {
  // The mark is always the cell's last element: no query per row.
  const last = cell.lastElementChild as HTMLElement | null;
  const existing = last?.getAttribute(OWN_ATTR) === 'mark' ? last : null;
  if (!existing && !marks.length) return;
  if (existing?.dataset.signature === signature) return;
  existing?.remove();
  if (!marks.length) return;
  prepareMarks(doc);
  const worst = marks.some((m) => m.severity === 'error') ? 'error' : marks.some((m) => m.severity === 'warning') ? 'warning' : 'info';
  const mark = doc.createElement('mark');
  mark.setAttribute(OWN_ATTR, 'mark');
  mark.dataset.signature = signature;
  mark.dataset.severity = worst;
  mark.setAttribute('role', 'img');
  mark.setAttribute('aria-label', `Raccord : ${marks.map((m) => m.reason).join(' · ')}`);
  mark.tabIndex = 0;
  mark.textContent = MARK_SYMBOL[worst];
  cell.append(mark);
}
