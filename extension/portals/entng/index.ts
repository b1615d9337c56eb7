/**
 * Open ENT NG / Edifice admin console (Angular). Open source: routes, markup and French labels
 * are REAL (portals.md §1, edificeio/entcore admin/ and ngx-ode-ui templates):
 *   /admin/{structureId}/users/list/filter, …/users/list/{userId}/details (also tree-list, relink),
 *   /admin/{structureId}/imports-exports/export;
 *   lists are ul > li.lct-list-item with span.display-name « NOM Prénom » (no table, no login);
 *   fields are div.form-field > label + value; build-generated _ngcontent-* attributes are never used.
 * The console has no PRONOTE ID (IDPN) field: IDPN is read from the directory JSON the console's
 * own API serves to the admin's session, stored as « {structureExternalId}${IDPN} ».
 */
import { normalizeName } from '@raccord/core/model/names.js';
import { byAccessibleName, norm, text, valueByLabel } from '../../lib/dom';
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
  const side = doc.querySelector('.side-companion') ?? doc;
  return valueByLabel(side, labels)?.text || undefined;
}

export const entng: PortalAdapter = {
  id: 'entng',
  label: 'Open ENT NG (Edifice)',
  detect(doc, url) {
    const route = entngRoute(url);
    if (!route) return null;
    const kinds: PageKind[] = [];
    if (route.users && doc.querySelector(ENTNG.listItem)) kinds.push('user-list');
    if (route.users?.userId && doc.querySelector(ENTNG.recordHeader)) kinds.push('user-record');
    if (route.export && byAccessibleName(doc, 'button', ENTNG.exportButton).length) kinds.push('exports');
    return kinds;
  },
  record(doc): RecordPage | null {
    const header = doc.querySelector(ENTNG.recordHeader);
    if (!header) return null;
    // « NOM Prénom » then an optional span.user-class « - 2NDE3 ».
    const display = Array.from(header.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ').replace(/\s+/g, ' ').trim();
    return { identity: { login: formField(doc, ENTNG.labels.login), displayName: display, profile: formField(doc, ENTNG.labels.profile) }, slots: [] };
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
    return Array.from(doc.querySelectorAll<HTMLElement>(ENTNG.listItem)).flatMap((li) => {
      const name = text(li.querySelector(ENTNG.displayName));
      return name ? [{ cell: li, nameKey: normalizeName(name) }] : [];
    });
  },
};
