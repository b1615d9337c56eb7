/**
 * Kosmos/Skolengo-style ENT administration ("Annuaire"). Closed source: every label below comes
 * from the seeds' quoted screens (seed 001): « Vous êtes ici : Annuaire > Rechercher un
 * utilisateur », the results table (Nom, Prénom, Profil, Etat, Etablissement principal,
 * Actions), the per-school row « Lpo-… (0310040A) <ID> Modifier la valeur » where admins paste
 * the PRONOTE ID, and « Fichiers des identifiants » (Fichier, Taille (Octets), Date de
 * génération, Télécharger/supprimer). No CSS class of the real portal is known, so none is used.
 */
import { normalizeName } from '@raccord/core/model/names.js';
import { accessibleName, byAccessibleName, cellAt, cellText, findTablesByHeaders, frDateToIso, loginFromUrl, nameFromHeadingOrTitle, norm, text, valueByLabel } from '../../lib/dom';
import type { ExportLink, MarkTarget, PageKind, PortalAdapter, PronoteSlot, RecordIdentity, RecordPage } from '../types';

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
    login: ['Identifiant', 'Identifiant ENT', 'Login', 'Identifiant de connexion'],
    profile: ['Profil'],
    birthDate: ['Date de naissance', 'Né(e) le'],
  },
  /** Query parameters that may carry the record's login (`id`/`uid` only when it looks like one). */
  urlLogin: ['login', 'identifiant'],
  urlLoginLoose: ['id', 'uid', 'user'],
  /** Words of the portal's titles, never a person's name. */
  notAName: ['Kosmos', 'Skolengo'],
  editValue: ['Modifier la valeur'],
  /** Elements that may be the « Modifier la valeur » control. */
  editControls: 'a, button, input[type="image"], [role="button"]',
  downloadLink: ['Télécharger'],
  /** « (0310040A) »: a UAI in brackets, as the per-school row shows it. */
  uaiInBrackets: /\((\d{7}[A-Z])\)/,
  /** How far above its control a school's row may sit (list item > span.actions > a). */
  slotRowMaxDepth: 4,
} as const;

/**
 * « Vous êtes ici » in the page's raw text (any case, composed or decomposed accent): checked once
 * on the whole page before reading its elements one by one, so that another portal's long list
 * of divs (an ARIA grid of 1,000 rows) costs one string search, not thousands of normalisations.
 */
const BREADCRUMB_START = /^\s*vous\s+(?:[eéêè]|e\u0302)tes\s+ici/iu;
const BREADCRUMB_ANYWHERE = /vous\s+(?:[eéêè]|e\u0302)tes\s+ici/iu;

function breadcrumb(doc: Document): string {
  if (!BREADCRUMB_ANYWHERE.test(doc.body?.textContent ?? '')) return '';
  const want = norm(KOSMOS.breadcrumb);
  for (const el of Array.from(doc.querySelectorAll('p, nav, div, span, li'))) {
    if (el.childElementCount > 6 || !BREADCRUMB_START.test(el.textContent ?? '')) continue;
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

/**
 * The row of one « Modifier la valeur » control: its table row, else the nearest ancestor that
 * names a school « (UAI) » and holds no other such control (a list item, a div line…).
 */
function slotRow(control: HTMLElement): HTMLElement | null {
  const tr = control.closest('tr');
  if (tr) return tr;
  let el = control.parentElement;
  for (let depth = 0; el && depth < KOSMOS.slotRowMaxDepth; depth++, el = el.parentElement) {
    if (byAccessibleName(el, KOSMOS.editControls, KOSMOS.editValue).length > 1) return null;
    if (KOSMOS.uaiInBrackets.test(text(el))) return el;
  }
  return null;
}

/** The rows that carry a PRONOTE ID: one per school, each with a « Modifier la valeur » control. */
function slots(doc: Document): PronoteSlot[] {
  const controls = byAccessibleName<HTMLElement>(doc, KOSMOS.editControls, KOSMOS.editValue);
  const out: PronoteSlot[] = [];
  for (const control of controls) {
    const row = slotRow(control);
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

/**
 * Who the record is: its labelled fields (any markup, see valueByLabel); without a « Nom » label,
 * the name of the main heading or of the document title; without a login label, the login of the
 * page's address.
 */
function identity(doc: Document, url: URL): RecordIdentity {
  const v = (labels: readonly string[]) => valueByLabel(doc, labels)?.text || undefined;
  const birth = v(KOSMOS.identity.birthDate);
  const id: RecordIdentity = {
    family: v(KOSMOS.identity.family),
    given: v(KOSMOS.identity.given),
    login: v(KOSMOS.identity.login) ?? loginFromUrl(url, KOSMOS.urlLogin, KOSMOS.urlLoginLoose),
    profile: v(KOSMOS.identity.profile),
    birthDate: birth ? frDateToIso(birth) : undefined,
  };
  if (!id.family && !id.given) {
    const name = nameFromHeadingOrTitle(doc, KOSMOS.notAName);
    if (name) Object.assign(id, name);
  }
  return Object.fromEntries(Object.entries(id).filter(([, x]) => x !== undefined)) as RecordIdentity;
}

const knowsWho = (id: RecordIdentity) => !!(id.login || id.family || id.displayName);

export const kosmos: PortalAdapter = {
  id: 'kosmos',
  label: 'ENT Kosmos / Skolengo',
  detect(doc, url) {
    const crumb = norm(breadcrumb(doc));
    if (!crumb.includes(norm(KOSMOS.section))) return null;
    const kinds: PageKind[] = [];
    const list = resultsTables(doc).length > 0;
    if (list) kinds.push('user-list');
    // A « Modifier la valeur » slot makes a record even when nothing says whose (the panel then
    // asks the admin); the identity is looked up on record pages only, never on long lists.
    if (slots(doc).length || (!list && knowsWho(identity(doc, url)))) kinds.push('user-record');
    if (idFilesTables(doc).length) kinds.push('exports');
    return kinds;
  },
  record(doc, url) {
    const found = slots(doc);
    const id = identity(doc, url);
    if (!found.length && !knowsWho(id)) return null;
    return { identity: id, slots: found };
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
