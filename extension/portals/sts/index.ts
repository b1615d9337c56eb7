/**
 * STS-web. Closed and national: labels from the seeds' quoted screens (seed 003): the left menu
 * (Campagne, Structure, Ressources, Services libres, …, Imports, Exports, Edition journal,
 * Changement d'année), structure tables of divisions and groups, and « Exports > Emploi du temps »,
 * which produces sts_emp_{UAI}_{année}.xml.
 */
import { cellAt, cellText, fileNameOfUrl, findTablesByHeaders, hasHeading, norm, text } from '../../lib/dom';
import type { ExportLink, MarkTarget, PageKind, PortalAdapter } from '../types';

export const STS = {
  /** Menu entries only STS-web has together. */
  menu: ['Structure', 'Ressources', 'Services libres', 'Bascule', 'Exports'],
  groupsHeading: ['Groupes', 'Divisions', 'Structure'],
  groupTable: { code: ['Code', 'Code groupe', 'Code division', 'Groupe', 'Division'] },
  groupTableOptional: { label: ['Libellé long', 'Libellé'] },
  exportsHeading: ['Exports'],
  timetableExport: ['Emploi du temps'],
  stsEmpFile: /^sts_emp_.*\.(xml|zip)$/i,
} as const;

function isSts(doc: Document): boolean {
  if (norm(doc.title).includes('sts web')) return true;
  const want = STS.menu.map(norm);
  for (const list of Array.from(doc.querySelectorAll('nav, ul'))) {
    const items = new Set(Array.from(list.querySelectorAll('a, li')).map((el) => norm(text(el))));
    if (want.every((w) => items.has(w))) return true;
  }
  return false;
}

function groupTables(doc: Document) {
  return findTablesByHeaders(doc, STS.groupTable, STS.groupTableOptional);
}

function exportLinks(doc: Document): ExportLink[] {
  const want = new Set(STS.timetableExport.map(norm));
  const links: ExportLink[] = [];
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const name = fileNameOfUrl(a.href);
    if (STS.stsEmpFile.test(name) || (want.has(norm(text(a))) && !a.getAttribute('href')?.startsWith('#')))
      links.push({ anchor: a, url: a.href, fileName: STS.stsEmpFile.test(name) ? name : '' });
  }
  return links;
}

export const sts: PortalAdapter = {
  id: 'sts',
  label: 'STS-web',
  detect(doc) {
    if (!isSts(doc)) return null;
    const kinds: PageKind[] = [];
    if (hasHeading(doc, STS.groupsHeading) && groupTables(doc).length) kinds.push('groups');
    if (hasHeading(doc, STS.exportsHeading) && exportLinks(doc).length) kinds.push('exports');
    return kinds;
  },
  exportLinks,
  listRows(doc) {
    const targets: MarkTarget[] = [];
    for (const t of groupTables(doc)) {
      for (const row of t.rows) {
        const cell = cellAt(t, row, 'code');
        const code = cellText(t, row, 'code');
        if (cell && code) targets.push({ cell, groupCode: code });
      }
    }
    return targets;
  },
};
