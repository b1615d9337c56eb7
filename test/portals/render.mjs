/**
 * Renders the replica pages, as each portal's server would: a page file is the page's own
 * content (first line `<!-- title: … -->`), wrapped in its portal's `_layout.html`; Kosmos user
 * records (/kosmos/fiche-<slug>.html) come from one template and users.json. Used by
 * test/serve-portals.mjs and by the extension's unit tests (same HTML in both).
 */
import fs from 'node:fs';
import path from 'node:path';

export const PORTALS_DIR = path.resolve(import.meta.dirname);

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const read = (rel) => fs.readFileSync(path.join(PORTALS_DIR, rel), 'utf8');
const fill = (tpl, values) => tpl.replace(/\{\{(\w+)\}\}/g, (_, k) => values[k] ?? '');

/** `<!-- title: X -->\n…` → { title, content }. */
function fragment(text) {
  const m = /^<!-- title: (.*?) -->\n/.exec(text);
  return m ? { title: m[1], content: text.slice(m[0].length) } : null;
}

function kosmosRecord(slug) {
  const users = JSON.parse(read('kosmos/users.json'));
  const u = users[slug];
  if (!u || slug.startsWith('_')) return null;
  return kosmosRecordFragment(u);
}

/** The record fragment (template `_fiche.html`) of one account, shaped like a users.json entry. */
function kosmosRecordFragment(u) {
  const rows = u.etablissements
    .map(([label, uai, value]) =>
      `  <tr><td class="etablissement">${esc(label)} (${esc(uai)})</td><td class="valeur">${esc(value)}</td><td><a href="#" class="modifier-valeur" title="Modifier la valeur"><img src="/kosmos/crayon.svg" alt="Modifier la valeur" width="14" height="14"></a></td></tr>\n`)
    .join('');
  const birth = u.naissance ? `  <tr><th>Date de naissance</th><td>${esc(u.naissance)}</td></tr>\n` : '';
  return fill(read('kosmos/_fiche.html'), { nom: esc(u.nom), prenom: esc(u.prenom), profil: esc(u.profil), login: esc(u.login), etat: esc(u.etat), naissance: birth, etablissements: rows });
}

/**
 * The HTML of a replica page by its URL path (`/kosmos/annuaire.html`), or null when there is
 * no such page (or the file is not a page fragment: served as is).
 */
export function renderPage(urlPath) {
  const rel = path.normalize(urlPath).replace(/^[/\\]+/, '');
  const file = path.join(PORTALS_DIR, rel);
  if (!file.startsWith(PORTALS_DIR + path.sep) || path.basename(rel).startsWith('_')) return null;
  const dir = path.dirname(rel);
  let text;
  const record = /^kosmos\/fiche-([a-z0-9-]+)\.html$/.exec(rel.split(path.sep).join('/'));
  if (record && !fs.existsSync(file)) text = kosmosRecord(record[1]);
  else if (fs.existsSync(file) && fs.statSync(file).isFile()) text = read(rel);
  if (!text) return null;
  const page = fragment(text);
  const layout = path.join(dir, '_layout.html');
  if (!page || !fs.existsSync(path.join(PORTALS_DIR, layout))) return text;
  return fill(read(layout), { title: esc(page.title), content: page.content });
}

/**
 * The full Kosmos record page (layout included) of any account, shaped like a users.json entry
 * (`{ nom, prenom, profil, login, naissance, etat, etablissements: [[label, uai, value], …] }`).
 * Used by the server's /kosmos/annuaire/utilisateur route, so a test can open the record of any
 * person of a generated school.
 */
export function renderKosmosRecord(user) {
  const page = fragment(kosmosRecordFragment(user));
  return fill(read('kosmos/_layout.html'), { title: esc(page.title), content: page.content });
}
