#!/usr/bin/env node
/**
 * Serves the portal replicas of test/portals/ on localhost (no dependencies):
 *   node test/serve-portals.mjs [port=4180]
 *
 * - the replica pages under /kosmos, /siecle, /sts (rendered by portals/render.mjs) and assets;
 * - the Open ENT NG single-page console under /admin/** (history routes, one index.html) and the
 *   directory JSON it and the extension read (/directory/structure/:id/users, /directory/users,
 *   /directory/user/:id) plus its CSV export (/directory/export/users);
 * - /siecle/liste-generee.html?n=1000: a SIECLE pupil list of n rows (benchmark);
 * - /kosmos/annuaire/utilisateur?nom=…&prenom=…&profil=…&login=…&naissance=…&etat=…&etab=label|UAI|value
 *   (etab repeatable)[&variante=…]: the Kosmos record page of any account, e.g. one of a generated sample school;
 * - markup variants of the same screens (?variante=…, see portals/render.mjs): the Kosmos record
 *   (/kosmos/fiche-<slug>.html?variante=…, and /kosmos/annuaire/fiche?login=…&variante=titre whose
 *   page shows no login), the Kosmos results table and the SIECLE pupil list;
 * - /health.
 * Every HTML page opens a "session" (cookie); downloads and JSON answer 401 without it, as a real
 * portal would: the extension must fetch them with the admin's own session, on the page's origin.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { KOSMOS_ANONYMOUS_RECORD, KOSMOS_RECORD_VARIANTS, kosmosRecordPath, LIST_VARIANTS, renderKosmosRecord, renderPage } from './portals/render.mjs';

const ROOT = path.resolve(import.meta.dirname, 'portals');
const port = Number(process.argv[2] ?? process.env.PORT ?? 4180);
const SESSION = 'replica-session=admin';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.zip': 'application/zip',
};
const DOWNLOADS = new Set(['.csv', '.xml', '.zip']);

const entng = JSON.parse(fs.readFileSync(path.join(ROOT, 'entng/data.json'), 'utf8'));

function hasSession(req) {
  return (req.headers.cookie ?? '').split(/;\s*/).includes(SESSION);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function json(res, value) {
  send(res, 200, JSON.stringify(value), { 'Content-Type': TYPES['.json'] });
}

function html(res, body) {
  send(res, 200, body, { 'Content-Type': TYPES['.html'], 'Set-Cookie': `${SESSION}; Path=/; HttpOnly; SameSite=Lax` });
}

/** The console's list omits IDPN; /directory/users returns it (DefaultUserService.list). */
const LIST_FIELDS = ['id', 'type', 'externalId', 'IDPN', 'code', 'login', 'firstName', 'lastName', 'displayName'];
const pick = (u, keys) => Object.fromEntries(keys.map((k) => [k, u[k] ?? null]));

function csvCell(v) {
  return `"${String(v ?? '').replace(/"/g, '""')}"`;
}

function entngExportCsv() {
  const header = ['Id', 'Identifiant SIECLE', 'Type', 'Nom', 'Prénom', 'Identifiant', 'Login personnalisé (Alias)', "Code d'activation", 'Fonctions', 'Établissements', 'Classes', 'Enfants', 'Parents', 'Dernière connexion', 'Courriel', 'Téléphone'];
  const lines = entng.users.map((u) =>
    [u.externalId, '', u.type, u.lastName, u.firstName, u.login, '', u.code, '', entng.structure.name, u.classe ?? '', '', '', '', '', ''].map(csvCell).join(';'),
  );
  return '\uFEFF' + [header.map(csvCell).join(';'), ...lines].join('\r\n') + '\r\n';
}

/** A SIECLE « Fiches élèves » list of n synthetic pupils, from the replica's own markup. */
function generatedSiecleList(n) {
  const page = renderPage('/siecle/fiches-eleves.html');
  const FAMILY = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT'];
  const GIVEN = ['Léa', 'Hugo', 'Emma', 'Lucas', 'Chloé', 'Noah', 'Inès', 'Jules', 'Manon', 'Louis'];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const etat = i % 37 === 0 ? 'À compléter <a href="#">Compléter</a>' : '';
    rows.push(`    <tr><td><a href="#">${FAMILY[i % 10]}${i}</a></td><td></td><td>${GIVEN[(i * 7) % 10]}</td><td>2NDE${(i % 9) + 1}</td><td>${day}/${month}/2009</td><td>Oui</td><td>${etat}</td></tr>`);
  }
  return page
    .replace(/<tbody>[\s\S]*<\/tbody>/, `<tbody>\n${rows.join('\n')}\n  </tbody>`)
    .replace(/<p class="total">.*<\/p>/, `<p class="total">${n} élèves trouvés.</p>`);
}

const esc = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

function index() {
  const listVariants = (page, title) => (LIST_VARIANTS[page] ?? []).map((v) => [`${page}?variante=${v.id}`, `${title} – variante ${v.id} : ${v.label}`]);
  const links = [
    ['/kosmos/annuaire.html', 'Kosmos – Annuaire > Rechercher un utilisateur'],
    ...listVariants('/kosmos/annuaire.html', 'Kosmos – Annuaire'),
    ...KOSMOS_RECORD_VARIANTS.map((v) => [kosmosRecordPath('martin', v.id), `Kosmos – fiche utilisateur (MARTIN Claire), variante ${v.id} : ${v.label}`]),
    [`/kosmos/fiche-martin.html?variante=${KOSMOS_ANONYMOUS_RECORD.id}`, `Kosmos – fiche utilisateur, variante ${KOSMOS_ANONYMOUS_RECORD.id} : ${KOSMOS_ANONYMOUS_RECORD.label}`],
    ['/kosmos/identifiants.html', 'Kosmos – Fichiers des identifiants'],
    [`/admin/${entng.structure.id}/users/list/filter`, 'Open ENT NG – Utilisateurs'],
    [`/admin/${entng.structure.id}/imports-exports/export`, 'Open ENT NG – Exporter des comptes'],
    ['/siecle/fiches-eleves.html', 'SIECLE – Fiches élèves - Recherche et MAJ'],
    ...listVariants('/siecle/fiches-eleves.html', 'SIECLE – Fiches élèves'),
    ['/siecle/exportations.html', 'SIECLE – Exportations'],
    ['/sts/structure.html', 'STS-web – Structure'],
    ['/sts/exports.html', 'STS-web – Exports'],
  ];
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Portails de démonstration</title></head><body><h1>Portails de démonstration (répliques de test)</h1><ul>${links.map(([h, t]) => `<li><a href="${h}">${esc(t)}</a></li>`).join('')}</ul></body></html>`;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://localhost:${port}`);
  const p = decodeURIComponent(url.pathname);
  if (p === '/health') return send(res, 200, 'ok', { 'Content-Type': 'text/plain' });
  if (p === '/') return html(res, index());
  if (p.startsWith('/admin/') || p === '/admin') return html(res, fs.readFileSync(path.join(ROOT, 'entng/index.html')));
  if (p === '/kosmos/annuaire/utilisateur') {
    const q = (k) => url.searchParams.get(k) ?? '';
    const etablissements = url.searchParams.getAll('etab').map((e) => { const [label = '', uai = '', value = ''] = e.split('|'); return [label, uai, value]; });
    if (!q('login') || !etablissements.length) return send(res, 400, 'login et etab requis');
    return html(res, renderKosmosRecord({ nom: q('nom'), prenom: q('prenom'), profil: q('profil'), login: q('login'), naissance: q('naissance'), etat: q('etat') || 'Activé', etablissements }, q('variante') || undefined));
  }
  if (p === '/kosmos/annuaire/fiche') {
    const page = renderPage(p + url.search);
    return page ? html(res, page) : send(res, 404, 'Not found');
  }
  if (p === '/siecle/liste-generee.html') return html(res, generatedSiecleList(Math.min(Number(url.searchParams.get('n') ?? 1000), 20_000)));

  if (p.startsWith('/directory/')) {
    if (!hasSession(req)) return send(res, 401, 'Unauthorized');
    let m;
    if ((m = /^\/directory\/structure\/([^/]+)\/users$/.exec(p)) && m[1] === entng.structure.id)
      return json(res, entng.users.map((u) => { const { IDPN: _omitted, ...rest } = u; return rest; }));
    if (p === '/directory/users' && url.searchParams.get('structureId') === entng.structure.id)
      return json(res, entng.users.map((u) => pick(u, LIST_FIELDS)));
    if ((m = /^\/directory\/user\/([^/]+)$/.exec(p))) {
      const u = entng.users.find((x) => x.id === m[1]);
      return u ? json(res, u) : send(res, 404, 'Not found');
    }
    if (p === '/directory/export/users' && url.searchParams.get('structureId') === entng.structure.id)
      return send(res, 200, entngExportCsv(), { 'Content-Type': TYPES['.csv'], 'Content-Disposition': 'attachment; filename=export.csv' });
    return send(res, 404, 'Not found');
  }

  if (p.endsWith('.html')) {
    const page = renderPage(p + url.search);
    return page ? html(res, page) : send(res, 404, 'Not found');
  }
  const file = path.join(ROOT, p);
  if (!file.startsWith(ROOT + path.sep) || path.basename(file).startsWith('_') || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'Not found');
  const ext = path.extname(file).toLowerCase();
  if (DOWNLOADS.has(ext)) {
    if (!hasSession(req)) return send(res, 401, 'Unauthorized');
    return send(res, 200, fs.readFileSync(file), {
      'Content-Type': TYPES[ext],
      'Content-Disposition': `attachment; filename="${path.basename(file)}"`,
    });
  }
  return send(res, 200, fs.readFileSync(file), { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' });
});

server.listen(port, () => console.log(`Portails de démonstration sur http://localhost:${port}/`));
