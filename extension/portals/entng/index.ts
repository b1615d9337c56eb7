/**
 * Open ENT NG / Edifice admin console (Angular). Open source: routes, markup and French labels
 * are REAL (portals.md §1, edificeio/entcore admin/ and ngx-ode-ui templates):
 *   /admin/{structureId}/users/list/filter, …/users/list/{userId}/details (also tree-list, relink),
 *   /admin/{structureId}/imports-exports/export;
 *   lists are ul > li.lct-list-item with span.display-name « NOM Prénom » (no table, no login);
 *   fields are div.form-field > label + value; build-generated _ngcontent-* attributes are never used.
 * Regions theme the console and versions differ, so each of those has a label-driven fallback: a
 * list as a table or ARIA grid found by its « Nom » header, or as an ARIA listbox whose options
 * show « NOM Prénom »; a record found by its « Login » label wherever it sits (dt/dd, « Login : »
 * then text, aria-labelledby…), its name from a heading.
 * The console has no PRONOTE ID (IDPN) field: IDPN is read from the directory JSON the console's
 * own API serves to the admin's session, stored as « {structureExternalId}${IDPN} ».
 */
import { normalizeName } from '@raccord/core/model/names.js';
import { byAccessibleName, cellAt, cellText, findTablesByHeaders, norm, personName, text, valueByLabel } from '../../lib/dom';
import type { ExportLink, MarkTarget, PageKind, PortalAdapter, RecordPage } from '../types';

export const ENTNG = {
  route: /^\/admin\/([^/]+)(?:\/(.*))?$/,
  usersRoute: /^users\/(list|tree-list|relink)(?:\/([^/]+)\/details|\/filter|\/search)?\/?$/,
  exportRoute: /^imports-exports\/export\/?$/,
  listItem: 'li.lct-list-item',
  displayName: 'span.display-name',
  recordHeader: '.panel-header .user-displayname',
  formField: 'div.form-field',
  labels: { login: ['Login'], profile: ['Profil'], id: ['Identifiant'] },
  /** Headers of a list laid out as a table or grid (the console's i18n: lastName, displayName, firstName, profile). */
  listHeaders: { name: ['Nom', 'Nom de famille', "Nom d'affichage", 'Utilisateur'], given: ['Prénom'] },
  /** Items of a list laid out as ARIA list or listbox. */
  ariaItems: '[role="listbox"] > [role="option"], [role="list"] > [role="listitem"]',
  /** The details pane (router-outlet), when the theme keeps ode-side-layout's. */
  companion: '.side-companion',
  headings: 'h1, h2, h3, h4, [role="heading"]',
  exportButton: ['Exporter'],
  /** `GET /directory/users?structureId=…` returns IDPN per user (DefaultUserService.list). */
  directoryUsers: (origin: string, structureId: string) => `${origin}/directory/users?structureId=${encodeURIComponent(structureId)}`,
  /** What « Exporter » opens with default filters (export.component). */
  exportUrl: (origin: string, structureId: string) =>
    `${origin}/directory/export/users?format=csv&filterActive=&structureId=${encodeURIComponent(structureId)}&type=`,
} as const;

/** One user of the directory JSON (the fields Raccord reads). */
export interface EntngDirectoryUser {
  id: string;
  login?: string | null;
  IDPN?: string | null;
  firstName?: string;
  lastName?: string;
  type?: string;
}

export function entngRoute(url: URL): { structureId: string; users?: { userId?: string }; export?: true } | null {
  const m = ENTNG.route.exec(url.pathname);
  if (!m) return null;
  const structureId = decodeURIComponent(m[1]!);
  const rest = m[2] ?? '';
  const users = ENTNG.usersRoute.exec(rest);
  if (users) return { structureId, users: { userId: users[2] ? decodeURIComponent(users[2]) : undefined } };
  if (ENTNG.exportRoute.test(rest)) return { structureId, export: true };
  return { structureId };
}

/** `0310040A$WEPYH43KJ2FZT9AS` → `WEPYH43KJ2FZT9AS` (entcore prefixes IDPN with the structure's externalId). */
export function idpnValue(raw: string | null | undefined): string {
  if (!raw) return '';
  const i = raw.lastIndexOf('$');
  return (i >= 0 ? raw.slice(i + 1) : raw).trim();
}

/**
 * Value of a `div.form-field` whose label is one of `labels`; else of any labelled field (a
 * region's theme may lay the record out otherwise: see valueByLabel).
 */
function formField(doc: Document, labels: readonly string[]): string | undefined {
  const want = new Set(labels.map(norm));
  for (const field of Array.from(doc.querySelectorAll(ENTNG.formField))) {
    const label = field.querySelector(':scope > label');
    if (!label || !want.has(norm(text(label)))) continue;
    const value = label.nextElementSibling;
    if (!value) return undefined;
    return (value instanceof HTMLInputElement ? value.value : text(value)) || undefined;
  }
  return valueByLabel(detailsPane(doc), labels)?.text || undefined;
}

const detailsPane = (doc: Document): ParentNode => doc.querySelector(ENTNG.companion) ?? doc;

/** « NOM Prénom » of the record: span.user-displayname (its own text, not « - 2NDE3 »), else the first heading naming a person. */
function recordName(doc: Document): string | undefined {
  const header = doc.querySelector(ENTNG.recordHeader);
  if (header) return Array.from(header.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ').replace(/\s+/g, ' ').trim();
  for (const h of Array.from(detailsPane(doc).querySelectorAll(ENTNG.headings))) {
    const found = personName(text(h).split(/\s+-\s+/)[0]!);
    if (found) return found.displayName;
  }
  return undefined;
}

/** A record is on screen: the console's header, else a « Login » field in the details pane. */
const hasRecord = (doc: Document) => !!doc.querySelector(ENTNG.recordHeader) || !!valueByLabel(detailsPane(doc), ENTNG.labels.login);

/** Lists laid out as a table or ARIA grid, by their headers. */
const listTables = (doc: Document) => findTablesByHeaders(doc, { name: ENTNG.listHeaders.name }, { given: ENTNG.listHeaders.given });

/** The leaf element of an item whose text is a person's name (« MARTIN Claire »), for items without span.display-name. */
function nameElement(item: Element): HTMLElement | null {
  for (const el of Array.from(item.querySelectorAll<HTMLElement>('*'))) if (el.childElementCount === 0 && personName(text(el))) return el;
  return null;
}

function itemTarget(item: HTMLElement): MarkTarget[] {
  const name = text(item.querySelector(ENTNG.displayName) ?? nameElement(item));
  return name ? [{ cell: item, nameKey: normalizeName(name) }] : [];
}

function hasList(doc: Document): boolean {
  return !!doc.querySelector(ENTNG.listItem) || listTables(doc).length > 0 || Array.from(doc.querySelectorAll(ENTNG.ariaItems)).some((i) => !!nameElement(i));
}

export const entng: PortalAdapter = {
  id: 'entng',
  label: 'Open ENT NG (Edifice)',
  detect(doc, url) {
    const route = entngRoute(url);
    if (!route) return null;
    const kinds: PageKind[] = [];
    if (route.users && hasList(doc)) kinds.push('user-list');
    if (route.users?.userId && hasRecord(doc)) kinds.push('user-record');
    if (route.export && byAccessibleName(doc, 'button', ENTNG.exportButton).length) kinds.push('exports');
    return kinds;
  },
  record(doc): RecordPage | null {
    if (!hasRecord(doc)) return null;
    return { identity: { login: formField(doc, ENTNG.labels.login), displayName: recordName(doc), profile: formField(doc, ENTNG.labels.profile) }, slots: [] };
  },
  exportLinks(doc, url): ExportLink[] {
    const route = entngRoute(url);
    if (!route?.export) return [];
    return byAccessibleName<HTMLButtonElement>(doc, 'button', ENTNG.exportButton).map((anchor) => ({
      anchor,
      url: ENTNG.exportUrl(url.origin, route.structureId),
      fileName: 'export.csv',
    }));
  },
  listRows(doc): MarkTarget[] {
    const targets = Array.from(doc.querySelectorAll<HTMLElement>(ENTNG.listItem)).flatMap(itemTarget);
    for (const t of listTables(doc)) {
      for (const row of t.rows) {
        const cell = cellAt(t, row, 'name');
        const name = cellText(t, row, 'name');
        if (cell && name) targets.push({ cell, nameKey: normalizeName(`${name} ${cellText(t, row, 'given')}`) });
      }
    }
    for (const item of Array.from(doc.querySelectorAll<HTMLElement>(ENTNG.ariaItems))) if (!item.matches(ENTNG.listItem)) targets.push(...itemTarget(item));
    return targets;
  },
};
