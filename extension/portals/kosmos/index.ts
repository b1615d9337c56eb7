/**
 * Kosmos/Skolengo-style ENT administration ("Annuaire"). Closed source: every label below comes
 * from the seeds' quoted screens (seed 001): « Vous êtes ici : Annuaire > Rechercher un
 * utilisateur », the results table (Nom, Prénom, Profil, Etat, Etablissement principal,
 * Actions), the per-school row « Lpo-… (0310040A) <ID> Modifier la valeur » where admins paste
 * the PRONOTE ID, and « Fichiers des identifiants » (Fichier, Taille (Octets), Date de
 * génération, Télécharger/supprimer). No CSS class of the real portal is known, so none is used.
 */
import { normalizeName } from '@raccord/core/model/names.js';
import { accessibleName, byAccessibleName, cellAt, cellText, findTablesByHeaders, frDateToIso, norm, text, valueByLabel } from '../../lib/dom';
import type { ExportLink, MarkTarget, PageKind, PortalAdapter, PronoteSlot, RecordPage } from '../types';

export const KOSMOS = {
  breadcrumb: 'Vous êtes ici',
  section: 'Annuaire',
  results: {
    family: ['Nom'],
    given: ['Prénom'],
    profile: ['Profil'],
    state: ['Etat', 'État'],
  },
  idFiles: {
    file: ['Fichier'],
    generated: ['Date de génération'],
    download: ['Télécharger/supprimer', 'Télécharger'],
  },
  identity: {
    family: ['Nom', 'Nom de famille'],
    given: ['Prénom', 'Prénoms'],
    login: ['Identifiant', 'Identifiant ENT', 'Login'],
    profile: ['Profil'],
    birthDate: ['Date de naissance', 'Né(e) le'],
  },
  editValue: ['Modifier la valeur'],
  downloadLink: ['Télécharger'],
  /** « (0310040A) »: a UAI in brackets, as the per-school row shows it. */
  uaiInBrackets: /\((\d{7}[A-Z])\)/,
} as const;

function breadcrumb(doc: Document): string {
  const want = norm(KOSMOS.breadcrumb);
  for (const el of Array.from(doc.querySelectorAll('p, nav, div, span, li'))) {
    if (el.childElementCount > 6) continue;
    const t = text(el);
    if (norm(t).startsWith(want)) return t;
  }
  return '';
}

function resultsTables(doc: Document) {
  return findTablesByHeaders(doc, { family: KOSMOS.results.family, given: KOSMOS.results.given, profile: KOSMOS.results.profile, state: KOSMOS.results.state });
}

function idFilesTables(doc: Document) {
  return findTablesByHeaders(doc, { file: KOSMOS.idFiles.file, generated: KOSMOS.idFiles.generated }, { download: KOSMOS.idFiles.download });
}

/** The rows that carry a PRONOTE ID: one per school, each with a « Modifier la valeur » control. */
function slots(doc: Document): PronoteSlot[] {
  const controls = byAccessibleName<HTMLElement>(doc, 'a, button, input[type="image"], [role="button"]', KOSMOS.editValue);
  const out: PronoteSlot[] = [];
  for (const control of controls) {
    const row = control.closest('tr') ?? control.parentElement;
    if (!row) continue;
    const rowText = text(row);
    const m = KOSMOS.uaiInBrackets.exec(rowText);
    if (!m) continue;
    const uai = m[1]!;
    const schoolLabel = rowText.slice(0, m.index + m[0].length).trim();
    const input = () => row.querySelector<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], input:not([type]), textarea');
    const open = input();
    let current: string;
    if (open) current = open.value.trim();
    else {
      // What lies between « … (UAI) » and « Modifier la valeur » is the current value.
      const rest = rowText.slice(m.index + m[0].length);
      const name = accessibleName(control);
      current = (name && rest.includes(name) ? rest.slice(0, rest.lastIndexOf(name)) : rest).trim();
    }
    out.push({ uai, schoolLabel, current, editControl: control, input });
  }
  return out;
}

function identity(doc: Document): RecordPage['identity'] {
  const v = (labels: readonly string[]) => valueByLabel(doc, labels)?.text || undefined;
  const birth = v(KOSMOS.identity.birthDate);
  return {
    family: v(KOSMOS.identity.family),
    given: v(KOSMOS.identity.given),
    login: v(KOSMOS.identity.login),
    profile: v(KOSMOS.identity.profile),
    birthDate: birth ? frDateToIso(birth) : undefined,
  };
}

export const kosmos: PortalAdapter = {
  id: 'kosmos',
  label: 'ENT Kosmos / Skolengo',
  detect(doc) {
    const crumb = norm(breadcrumb(doc));
    if (!crumb.includes(norm(KOSMOS.section))) return null;
    const kinds: PageKind[] = [];
    if (resultsTables(doc).length) kinds.push('user-list');
    const id = identity(doc);
    if (id.login || slots(doc).length) kinds.push('user-record');
    if (idFilesTables(doc).length) kinds.push('exports');
    return kinds;
  },
  record(doc) {
    const id = identity(doc);
    if (!id.login && !id.family) return null;
    return { identity: id, slots: slots(doc) };
  },
  exportLinks(doc): ExportLink[] {
    const links: ExportLink[] = [];
    for (const t of idFilesTables(doc)) {
      for (const row of t.rows) {
        const anchor = byAccessibleName<HTMLAnchorElement>(row, 'a[href]', KOSMOS.downloadLink)[0];
        const fileName = cellText(t, row, 'file');
        if (anchor && fileName) links.push({ anchor, url: anchor.href, fileName });
      }
    }
    return links;
  },
  listRows(doc): MarkTarget[] {
    const targets: MarkTarget[] = [];
    for (const t of resultsTables(doc)) {
      for (const row of t.rows) {
        const cell = cellAt(t, row, 'family');
        const family = cellText(t, row, 'family');
        if (!cell || !family) continue;
        targets.push({ cell, nameKey: normalizeName(`${family} ${cellText(t, row, 'given')}`) });
      }
    }
    return targets;
  },
};
