/**
 * SIECLE « Base élèves établissement » (BEE). Closed and national: labels from the seeds' quoted
 * screens (seed 003): the menu (Tableau de bord, Fiches élèves, …, Importations, Exportations),
 * « Fiches élèves - Recherche et MAJ » whose results table has the columns Nom, Nom d'usage,
 * Prénoms, Division, Né(e) le, Scolarisé(e), État, and « Exportations » (En XML → zip files).
 */
import { normalizeName } from '@raccord/core/model/names.js';
import { cellAt, cellText, fileNameOfUrl, findTablesByHeaders, frDateToIso, hasHeading, norm, text } from '../../lib/dom';
import type { ExportLink, MarkTarget, PageKind, PortalAdapter } from '../types';

export const SIECLE = {
  /** Words of the page's banner/title that say « this is SIECLE ». */
  signature: ['SIECLE', 'Base élèves'],
  menu: ['Fiches élèves', 'Exportations', 'Importations'],
  pupilList: {
    family: ['Nom'],
    given: ['Prénoms', 'Prénom(s)', 'Prénom'],
    birth: ['Né(e) le', 'Né le', 'Date de naissance'],
  },
  pupilListOptional: {
    usage: ["Nom d'usage"],
    division: ['Division'],
    state: ['État', 'Etat'],
  },
  exportsHeading: ['Exportations'],
  /** SIECLE exports are zip (or bare XML) files. */
  exportFile: /\.(zip|xml)$/i,
} as const;

function isSiecle(doc: Document): boolean {
  const banner = norm(`${doc.title} ${text(doc.querySelector('header, h1, .entete, #entete'))}`);
  if (SIECLE.signature.some((s) => banner.includes(norm(s)))) return true;
  // No banner: the pupil list's own columns are distinctive enough (Nom d'usage + Scolarisé(e)).
  return findTablesByHeaders(doc, { usage: SIECLE.pupilListOptional.usage, schooled: ['Scolarisé(e)'] }).length > 0;
}

function pupilTables(doc: Document) {
  return findTablesByHeaders(doc, SIECLE.pupilList, SIECLE.pupilListOptional);
}

/** Plan keys for a pupil row: « NOM PRENOM|date », with every given name, then the first only, and the usage name. */
export function siecleKeys(family: string, usage: string, givens: string, birthIso: string): string[] {
  const all = normalizeName(givens);
  const first = all.split(' ')[0] ?? '';
  const keys = new Set<string>();
  for (const name of [normalizeName(family), normalizeName(usage)]) {
    if (!name) continue;
    keys.add(`${name} ${all}|${birthIso}`);
    keys.add(`${name} ${first}|${birthIso}`);
  }
  return [...keys];
}

/** Links to export files (zip/xml) on the page. */
function exportLinks(doc: Document): ExportLink[] {
  const links: ExportLink[] = [];
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const name = fileNameOfUrl(a.href);
    if (SIECLE.exportFile.test(name)) links.push({ anchor: a, url: a.href, fileName: name });
  }
  return links;
}

export const siecle: PortalAdapter = {
  id: 'siecle',
  label: 'SIECLE Base élèves',
  detect(doc) {
    if (!isSiecle(doc)) return null;
    const kinds: PageKind[] = [];
    if (pupilTables(doc).length) kinds.push('pupil-list');
    if (hasHeading(doc, SIECLE.exportsHeading) && exportLinks(doc).length) kinds.push('exports');
    return kinds;
  },
  exportLinks,
  listRows(doc) {
    const targets: MarkTarget[] = [];
    for (const t of pupilTables(doc)) {
      for (const row of t.rows) {
        const cell = cellAt(t, row, 'family');
        const birth = frDateToIso(cellAt(t, row, 'birth')?.textContent ?? '');
        if (!cell || !birth) continue;
        targets.push({ cell, birthIso: birth, siecleKeys: () => siecleKeys(cellText(t, row, 'family'), cellText(t, row, 'usage'), cellText(t, row, 'given'), birth) });
      }
    }
    return targets;
  },
};
