/**
 * Renders the replica pages, as each portal's server would: a page file is the page's own
 * content (first line `<!-- title: … -->`), wrapped in its portal's `_layout.html`; Kosmos user
 * records (/kosmos/fiche-<slug>.html) come from one template per markup variant and users.json.
 * Used by test/serve-portals.mjs and by the extension's unit tests (same HTML in both).
 *
 * Markup variants (`?variante=…`): we will never see the real portals' markup, so each screen
 * exists in several markups that show the same people with the seeds' labels — the extension must
 * work on all of them (README « Essayer sur les portails de démonstration »).
 */
import fs from 'node:fs';
import path from 'node:path';

export const PORTALS_DIR = path.resolve(import.meta.dirname);

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const read = (rel) => fs.readFileSync(path.join(PORTALS_DIR, rel), 'utf8');
/** `{{key}}` → value; `{{#key}}…{{/key}}` kept only when the value is not empty, `{{^key}}…{{/key}}` only when it is. */
const fill = (tpl, values) =>
  tpl
    .replace(/\{\{([#^])(\w+)\}\}([\s\S]*?)\{\{\/\2\}\}/g, (_, sign, k, inner) => (!values[k] === (sign === '^') ? inner : ''))
    .replace(/\{\{(\w+)\}\}/g, (_, k) => values[k] ?? '');

/** `<!-- title: X -->\n…` → { title, content }. */
function fragment(text) {
  const m = /^<!-- title: (.*?) -->\n/.exec(text);
  return m ? { title: m[1], content: text.slice(m[0].length) } : null;
}

/**
 * The markups of the Kosmos user record, all with the seed's labels (« Vous êtes ici : Annuaire >
 * Rechercher un utilisateur », the per-school row « Lpo-… (0310040A) … Modifier la valeur »).
 * `loginInUrl`: the page shows no login; its URL carries it (/kosmos/annuaire/fiche?login=…).
 */
export const KOSMOS_RECORD_VARIANTS = [
  { id: 'tableau', template: 'kosmos/_fiche.html', label: 'libellés en th, valeurs en td' },
  { id: 'spans', template: 'kosmos/_fiche-spans.html', label: '<span>Login :</span> suivi du texte, nom seulement dans le titre h1' },
  { id: 'dl', template: 'kosmos/_fiche-dl.html', label: 'liste de définitions dt/dd, libellés terminés par « : » ; une ligne par établissement en liste ul/li', slotsAsList: true },
  { id: 'aria', template: 'kosmos/_fiche-aria.html', label: 'colonnes de div reliées par aria-labelledby / aria-describedby, login dans un champ en lecture seule' },
  { id: 'cellule', template: 'kosmos/_fiche-cellule.html', label: 'libellé et valeur dans la même cellule (<b>Nom</b> MARTIN, « Login : … »)' },
  { id: 'titre', template: 'kosmos/_fiche-titre.html', label: 'aucun libellé : nom dans le titre du document, login dans l’adresse', loginInUrl: true },
];

/**
 * A record that says nobody's name (no label, no name in its titles, no login in its address) but
 * has its « Modifier la valeur » rows: /kosmos/fiche-<slug>.html?variante=anonyme. Not one of the
 * variants above: Raccord cannot tell whose record it is, the admin has to.
 */
export const KOSMOS_ANONYMOUS_RECORD = { id: 'anonyme', template: 'kosmos/_fiche-anonyme.html', label: 'rien ne dit de qui est la fiche (ni libellé, ni nom dans les titres, ni login dans l’adresse)' };

/** The replica URL path of the record of users.json's `slug` in one markup variant. */
export function kosmosRecordPath(slug, variant = 'tableau') {
  const v = KOSMOS_RECORD_VARIANTS.find((x) => x.id === variant);
  if (!v) throw new Error(`variante inconnue : ${variant}`);
  if (v.loginInUrl) return `/kosmos/annuaire/fiche?login=${encodeURIComponent(kosmosUsers()[slug].login)}&variante=${v.id}`;
  return v.id === 'tableau' ? `/kosmos/fiche-${slug}.html` : `/kosmos/fiche-${slug}.html?variante=${v.id}`;
}

const kosmosUsers = () => JSON.parse(read('kosmos/users.json'));

/** « JEAN-SEBASTIEN » → « Jean-Sebastien », as a heading shows a given name. */
const usual = (given) => String(given ?? '').toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep, c) => sep + c.toUpperCase());

/** The record fragment of one account, shaped like a users.json entry, in one markup variant. */
function kosmosRecordFragment(u, variant = 'tableau') {
  const v = [...KOSMOS_RECORD_VARIANTS, KOSMOS_ANONYMOUS_RECORD].find((x) => x.id === variant) ?? KOSMOS_RECORD_VARIANTS[0];
  const edit = '<a href="#" class="modifier-valeur" title="Modifier la valeur"><img src="/kosmos/crayon.svg" alt="Modifier la valeur" width="14" height="14"></a>';
  const lignes = u.etablissements
    .map(([label, uai, value]) =>
      v.slotsAsList
        ? `  <li><span class="etablissement">${esc(label)} (${esc(uai)})</span> <span class="valeur">${esc(value)}</span> <span class="actions">${edit}</span></li>\n`
        : `  <tr><td class="etablissement">${esc(label)} (${esc(uai)})</td><td class="valeur">${esc(value)}</td><td>${edit}</td></tr>\n`)
    .join('');
  const etablissements = fill(read('kosmos/_etablissements.html'), { lignes, liste: v.slotsAsList ? 'oui' : '' });
  return fill(read(v.template), { nom: esc(u.nom), prenom: esc(u.prenom), prenomUsuel: esc(usual(u.prenom)), profil: esc(u.profil), login: esc(u.login), etat: esc(u.etat), naissance: esc(u.naissance), etablissements });
}

function kosmosRecord(slug, variant) {
  const u = kosmosUsers()[slug];
  if (!u || slug.startsWith('_')) return null;
  return kosmosRecordFragment(u, variant);
}

/* ---- List screens: the same rows in other table markups. ---- */

const cellsOf = (row) => Array.from(row.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g), (m) => m[1]);
const stripTags = (html) => html.replace(/<[^>]*>/g, '').trim();

/**
 * One list table (its `<table class="…">`) re-rendered: columns picked and reordered by header
 * (`columns`: [header shown, source header or null for an extra empty column, cell mapper?]), the
 * header row as plain `td`s in the body, or the whole table as an ARIA grid of divs.
 */
function listVariant(content, tableClass, variant) {
  // `all`: every table of that class (STS-web's structure shows divisions and groups in two).
  const tables = content.match(new RegExp(`<table class="${tableClass}">[\\s\\S]*?</table>`, 'g')) ?? [];
  for (const table of variant.all ? tables : tables.slice(0, 1)) content = content.replace(table, tableVariant(table, tableClass, variant));
  return content;
}

function tableVariant(table, tableClass, { columns, headerAsTd = false, grid = false }) {
  const [headRow, ...rows] = Array.from(table.matchAll(/<tr>([\s\S]*?)<\/tr>/g), (m) => cellsOf(m[1]));
  const at = (header) => headRow.findIndex((h) => stripTags(h) === header);
  const cols = (columns ?? headRow.map((h) => [stripTags(h), stripTags(h)])).map(([shown, source, map]) => ({ shown, i: source === null ? -1 : at(source), map }));
  const body = rows.map((cells) => cols.map(({ i, map }) => (map ? map(cells[i] ?? '') : (cells[i] ?? ''))));
  if (grid) {
    const row = (tag, role, cells) => `  <div role="row">${cells.map((c) => `<${tag} role="${role}">${c}</${tag}>`).join('')}</div>\n`;
    return `<div class="${tableClass} grille" role="grid" aria-label="Résultats">\n${row('div', 'columnheader', cols.map((c) => c.shown))}${body.map((cells) => row('div', 'gridcell', cells)).join('')}</div>`;
  }
  const head = cols.map((c) => c.shown);
  const headHtml = headerAsTd ? `    <tr class="entete">${head.map((h) => (h ? `<td><b>${h}</b></td>` : '<td></td>')).join('')}</tr>\n` : '';
  const theadHtml = headerAsTd ? '' : `  <thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n`;
  return `<table class="${tableClass}">\n${theadHtml}  <tbody>\n${headHtml}${body.map((cells) => `    <tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>\n`).join('')}  </tbody>\n</table>`;
}

/** SIECLE's seed (003) shows « ⚠ À compléter » and the « Compléter » link in a column of its own. */
const etatOnly = (cell) => (cell.includes('À compléter') ? '⚠ À compléter' : '');
const completerLink = (cell) => (/<a\b[\s\S]*?<\/a>/.exec(cell)?.[0] ?? '');

/** The list screens' markup variants, by page. */
export const LIST_VARIANTS = {
  '/kosmos/annuaire.html': [
    { id: 'colonnes', label: 'autres colonnes et ordre (Prénom avant Nom, Courriel en plus), en-têtes en td', table: 'liste', headerAsTd: true, columns: [['', ''], ['Prénom', 'Prénom'], ['Nom', 'Nom'], ['Courriel', null], ['Etablissement principal', 'Etablissement principal'], ['Profil', 'Profil'], ['Etat', 'Etat'], ['Actions', 'Actions']] },
    { id: 'grille', label: 'grille ARIA de div (role=grid)', table: 'liste', grid: true },
  ],
  '/siecle/fiches-eleves.html': [
    { id: 'colonnes', label: 'colonnes du guide (Prénom(s), sans Nom d’usage, « Compléter » à part), en-têtes en td', table: 'resultats', headerAsTd: true, columns: [['Nom', 'Nom'], ['Prénom(s)', 'Prénoms'], ['Division', 'Division'], ['Né(e) le', 'Né(e) le'], ['Scolarisé(e)', 'Scolarisé(e)'], ['État', 'État', etatOnly], ['', 'État', completerLink]] },
    { id: 'grille', label: 'grille ARIA de div (role=grid)', table: 'resultats', grid: true },
  ],
  '/kosmos/identifiants.html': [
    { id: 'colonnes', label: 'en-têtes en td (ligne d’en-tête en gras dans le corps du tableau)', table: 'liste', headerAsTd: true },
    { id: 'grille', label: 'grille ARIA de div (role=grid)', table: 'liste', grid: true },
  ],
  '/siecle/exportations.html': [
    { id: 'colonnes', label: 'en-têtes en td (ligne d’en-tête en gras dans le corps du tableau)', table: 'exports', headerAsTd: true },
    { id: 'grille', label: 'grille ARIA de div (role=grid)', table: 'exports', grid: true },
  ],
  '/sts/structure.html': [
    { id: 'colonnes', label: 'en-têtes en td (ligne d’en-tête en gras dans le corps du tableau)', table: 'liste', headerAsTd: true, all: true },
    { id: 'grille', label: 'grilles ARIA de div (role=grid)', table: 'liste', grid: true, all: true },
  ],
};

/**
 * `html` (a page of `pagePath`, e.g. a generated 1,000-row SIECLE list) re-rendered in one of that
 * page's list variants (LIST_VARIANTS); unchanged for an unknown variant. For the benchmark.
 */
export function applyListVariant(html, pagePath, variantId) {
  const v = LIST_VARIANTS[pagePath]?.find((x) => x.id === variantId);
  return v ? listVariant(html, v.table, v) : html;
}

/**
 * The Open ENT NG console's markup variants (`/admin/…?variante=…`, rendered by the replica's own
 * script entng/entng.js and kept across its client-side navigation): the user list and the user
 * record as other themes and versions of the console plausibly render them, with its French
 * labels (portals.md §1.2–1.4). The plain console (ngx-ode-ui) is `ode`, the default.
 */
export const ENTNG_VARIANTS = [
  { id: 'ode', label: 'console ngx-ode-ui : liste ul > li.lct-list-item, champs div.form-field > label' },
  { id: 'tableau', label: 'thème sans les classes ngx-ode-ui : liste en tableau (Nom, Prénom, Profil), fiche en dt/dd, nom dans un titre' },
  { id: 'cellules', label: 'mise en page de l’ancienne console : « Login : » en strong suivi du texte, liste en grille ARIA de div' },
  { id: 'aria', label: 'liste en listbox ARIA (options sans span.display-name), valeurs reliées à leur libellé par aria-labelledby' },
];

/** The replica URL path of an Open ENT NG console page in one markup variant (`ode`: no query). */
export function entngPath(pathname, variant = 'ode') {
  if (!ENTNG_VARIANTS.some((v) => v.id === variant)) throw new Error(`variante inconnue : ${variant}`);
  return variant === 'ode' ? pathname : `${pathname}?variante=${variant}`;
}

function withLayout(dir, text) {
  const page = fragment(text);
  const layout = path.join(dir, '_layout.html');
  if (!page || !fs.existsSync(path.join(PORTALS_DIR, layout))) return text;
  return fill(read(layout), { title: esc(page.title), content: page.content });
}

/**
 * The HTML of a replica page by its URL path, query included (`/kosmos/annuaire.html`,
 * `/kosmos/fiche-martin.html?variante=dl`, `/kosmos/annuaire/fiche?login=…&variante=titre`), or
 * null when there is no such page (or the file is not a page fragment: served as is).
 */
export function renderPage(urlPathAndQuery) {
  const url = new URL(urlPathAndQuery, 'http://replica');
  const variant = url.searchParams.get('variante') ?? undefined;
  const urlPath = decodeURIComponent(url.pathname);
  if (urlPath === '/kosmos/annuaire/fiche') {
    const u = Object.values(kosmosUsers()).find((x) => x && typeof x === 'object' && x.login === url.searchParams.get('login'));
    return u ? renderKosmosRecord(u, variant ?? 'titre') : null;
  }
  const rel = path.normalize(urlPath).replace(/^[/\\]+/, '');
  const file = path.join(PORTALS_DIR, rel);
  if (!file.startsWith(PORTALS_DIR + path.sep) || path.basename(rel).startsWith('_')) return null;
  let text;
  const record = /^kosmos\/fiche-([a-z0-9-]+)\.html$/.exec(rel.split(path.sep).join('/'));
  if (record && !fs.existsSync(file)) text = kosmosRecord(record[1], variant);
  else if (fs.existsSync(file) && fs.statSync(file).isFile()) text = read(rel);
  if (!text) return null;
  const listVariantOfPage = LIST_VARIANTS[urlPath]?.find((v) => v.id === variant);
  if (listVariantOfPage) text = listVariant(text, listVariantOfPage.table, listVariantOfPage);
  return withLayout(path.dirname(rel), text);
}

/**
 * The full Kosmos record page (layout included) of any account, shaped like a users.json entry
 * (`{ nom, prenom, profil, login, naissance, etat, etablissements: [[label, uai, value], …] }`),
 * in one markup variant. Used by the server's /kosmos/annuaire/utilisateur route, so a test can
 * open the record of any person of a generated school.
 */
export function renderKosmosRecord(user, variant = 'tableau') {
  return withLayout('kosmos', kosmosRecordFragment(user, variant));
}
