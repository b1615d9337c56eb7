/**
 * What the Firefox run checks, page by page, on the replicas served on :4180 (test/portals/) with
 * the replica school's plan (test/portals/plan.json). One entry per screen; each runs on every
 * markup variant the replicas declare (test/portals/render.mjs: KOSMOS_RECORD_VARIANTS,
 * LIST_VARIANTS), or on the plain page when they declare none.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as replicas from '../portals/render.mjs';

const ENTNG_STRUCTURE = JSON.parse(fs.readFileSync(path.join(replicas.PORTALS_DIR, 'entng/data.json'), 'utf8')).structure.id;

/** Record variants: `{ id, path(slug) }`; the plain `fiche-<slug>.html` alone without variants. */
const recordVariants = replicas.KOSMOS_RECORD_VARIANTS
  ? replicas.KOSMOS_RECORD_VARIANTS.map((v) => ({ id: v.id, path: (slug) => replicas.kosmosRecordPath(slug, v.id).replace(/^\//, '') }))
  : [{ id: 'tableau', path: (slug) => `kosmos/fiche-${slug}.html` }];

/** `page` and its list variants (`?variante=…`). */
const listVariants = (page) => [{ id: 'tableau', page }, ...(replicas.LIST_VARIANTS?.[`/${page}`] ?? []).map((v) => ({ id: v.id, page: `${page}?variante=${v.id}` }))];

/**
 * Kosmos « fiche utilisateur » of users.json's `slug`.
 * - `fill`: the panel names the person, one click on « Remplir l’identifiant PRONOTE » puts
 *   exactly `id` in the « Modifier la valeur » field, and « Valider » saves it on the page;
 * - `ambiguous`: the panel says « Lien ambigu », shows every candidate ID, offers no fill, and the
 *   slot stays empty;
 * - `replace`: the record holds another ID (`current`): no fill offered, the slot keeps `current`
 *   until « Remplacer… » then « Confirmer le remplacement », which puts `id` in the field.
 * `slot`: the element of the page that shows the value and holds the editor's input once opened
 * (default `.valeur`, the replica's « Modifier la valeur » cell: a table cell, or a list item's span in « dl »).
 */
const RECORD_SCREENS = [
  { name: 'fiche d’une élève au lien certain : son vrai identifiant PRONOTE est rempli', slug: 'martin', expect: 'fill', person: 'MARTIN Claire', id: 'WEPYH43KJ2FZT9AS' },
  { name: 'fiche d’un homonyme : candidats affichés, rien n’est rempli', slug: 'durand', expect: 'ambiguous', candidates: ['K7M2Q9XR4TZP8LBD', 'H3N8V6CW2YJF5RSA'] },
  { name: 'fiche portant un autre identifiant : remplacé seulement après confirmation', slug: 'petit', expect: 'replace', current: 'X9X9X9X9X9X9X9X9', id: 'R5T8Y2U4I6O9P1AZ' },
];

/**
 * List screens: `count` marks in all (when given), and for each `rows` entry, every row holding
 * `text` carries a mark whose accessible name matches `mark` (or none when `mark` is null).
 */
const LIST_SCREENS = [
  {
    name: 'SIECLE, « Fiches élèves » : fiches bloquantes, doublons et sortis marqués',
    page: 'siecle/fiches-eleves.html',
    count: 4,
    rows: [
      { text: 'PETIT', mark: /Fiche bloquante/ },
      { text: 'GARCIA', mark: /Sorti le/ },
      { text: 'ROUX', mark: null },
    ],
  },
  {
    name: 'Kosmos, annuaire : comptes orphelins et ambigus marqués',
    page: 'kosmos/annuaire.html',
    rows: [
      { text: 'ANCIEN', mark: /Compte orphelin/ },
      { text: 'DURAND', mark: /ambigu/ },
    ],
  },
];

/** @type {{ name: string; page: string; expect: 'fill' | 'ambiguous' | 'replace'; person?: string; id?: string; current?: string; candidates?: string[]; slot?: string }[]} */
export const RECORDS = RECORD_SCREENS.flatMap(({ slug, name, ...c }) => recordVariants.map((v) => ({ ...c, name: `Kosmos, ${name} [${v.id}]`, page: v.path(slug) })));

/**
 * The Open ENT NG console's user list (a single-page app), on each of its markup variants
 * (ENTNG_VARIANTS: ul/li, table, ARIA grid, ARIA listbox): marks from the plan and from the
 * directory JSON's IDPN. `rowSelector`: what holds one user there.
 */
const ENTNG_LIST = {
  name: 'Open ENT NG, utilisateurs : identifiant PRONOTE manquant ou différent, compte orphelin marqués',
  count: 5,
  rowSelector: 'li, tr, [role="row"], [role="option"]',
  rows: [
    { text: 'MARTIN', mark: /Identifiant PRONOTE manquant/ },
    { text: 'PETIT', mark: /Identifiant PRONOTE différent/ },
    { text: 'ANCIEN', mark: /Compte orphelin/ },
    { text: 'MOREAU', mark: null },
  ],
};
const entngLists = (replicas.ENTNG_VARIANTS ?? [{ id: 'ode' }]).map((v) => ({
  ...ENTNG_LIST,
  name: `${ENTNG_LIST.name} [${v.id}]`,
  page: `admin/${ENTNG_STRUCTURE}/users/list/filter${v.id === 'ode' ? '' : `?variante=${v.id}`}`,
}));

/** @type {{ name: string; page: string; count?: number; rowSelector?: string; rows: { text: string; mark: RegExp | null }[] }[]} */
export const LISTS = [...LIST_SCREENS.flatMap(({ name, page, ...c }) => listVariants(page).map((v) => ({ ...c, name: `${name} [${v.id}]`, page: v.page }))), ...entngLists];

/**
 * Origins the admin did NOT enable, where the same replica page must stay untouched. Firefox's
 * match patterns carry no port, so the portal script is injected on every localhost port and must
 * check the exact origin itself: `port: 'other'` serves the replicas on a second, free port.
 * @type {{ name: string; page: string; host: '127.0.0.1' | 'localhost'; port: 'same' | 'other' }[]}
 */
export const UNTOUCHED = [
  { name: 'Portail non activé, autre port de localhost : rien ne s’exécute', page: 'siecle/fiches-eleves.html', host: 'localhost', port: 'other' },
  { name: 'Portail non activé, 127.0.0.1 : rien ne s’exécute', page: 'siecle/fiches-eleves.html', host: '127.0.0.1', port: 'same' },
];
