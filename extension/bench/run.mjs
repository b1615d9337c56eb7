#!/usr/bin/env node
/**
 * Benchmark (figures, not assertions): the built extension in Debian's Chromium, headless, on a
 * SIECLE « Fiches élèves » list of 1,000 rows served by the replica server, in each of the list's
 * markup variants (test/portals/render.mjs LIST_VARIANTS: the plain table, reordered columns
 * with header cells as td, an ARIA grid of divs) — same rows, other markup.
 *
 *   node extension/bench/run.mjs [--rows 1000] [--runs 5] [--variant grille]
 *
 * Measures, per page load:
 *  - the content script's synchronous work: the `raccord:run` measures it records around each
 *    run (page detection + features, before any awaited I/O);
 *  - long tasks (> 50 ms) seen by a PerformanceObserver in the page, with and without Raccord;
 *  - on a host NOT enabled (127.0.0.1, same page): extension script contexts created in the
 *    page (via the DevTools protocol), elements added, `raccord:*` measures — all should be 0.
 * Needs: `npm run build -w @raccord/extension` (.output/chrome-mv3) and /usr/bin/chromium.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyListVariant, LIST_VARIANTS } from '../../test/portals/render.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXT = path.join(ROOT, '.output/chrome-mv3');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROWS = arg('rows', 1000);
const RUNS = arg('runs', 5);
const PORT = arg('port', 4185);
const ORIGIN = `http://localhost:${PORT}`;
const OTHER = `http://127.0.0.1:${PORT}`;
const PAGE = `/siecle/liste-generee.html?n=${ROWS}`;
/** The list variants measured: the plain table, then each of LIST_VARIANTS (or the one asked). */
const ONLY = (() => {
  const i = process.argv.indexOf('--variant');
  return i > 0 ? process.argv[i + 1] : undefined;
})();
const VARIANTS = ['tableau', ...(LIST_VARIANTS['/siecle/fiches-eleves.html'] ?? []).map((v) => v.id)].filter((v) => !ONLY || v === ONLY);

if (!fs.existsSync(path.join(EXT, 'manifest.json'))) {
  console.error(`Extension non construite (${EXT}) : npm run build -w @raccord/extension`);
  process.exit(1);
}

const server = spawn(process.execPath, [path.join(ROOT, 'test/serve-portals.mjs'), String(PORT)], { stdio: ['ignore', 'ignore', 'inherit'] });
const stopServer = () => server.kill();
process.on('exit', stopServer);
for (let i = 0; i < 50; i++) {
  try {
    if ((await fetch(`${ORIGIN}/health`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A plan flagging every 20th pupil of the generated list (keys computed from the page itself). */
async function benchPlan() {
  const html = await (await fetch(`${ORIGIN}${PAGE}`)).text();
  const rows = [...html.matchAll(/<tr><td><a href="#">([^<]+)<\/a><\/td><td><\/td><td>([^<]+)<\/td><td>[^<]*<\/td><td>(\d\d)\/(\d\d)\/(\d{4})<\/td>/g)];
  const norm = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
  const siecle = {};
  rows.forEach((m, i) => {
    if (i % 20 === 0) siecle[`${norm(`${m[1]} ${m[2]}`)}|${m[5]}-${m[4]}-${m[3]}`] = [{ code: 'siecle.pupil-duplicate', severity: 'warning', reason: `Doublon probable (banc d'essai, ligne ${i})` }];
  });
  const people = rows.map((m, i) => ({ key: `siecle:pupil:${i}`, profile: 'pupil', family: m[1], given: m[2], entLogins: [`eleve${i}`], evidence: [] }));
  return { version: 1, generatedAt: new Date().toISOString(), school: { uai: '0310040A' }, people, flags: { siecle, entByLogin: {}, entByName: {}, stsGroups: {} } };
}

const LONGTASKS = () => {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/**
 * The generated list in `variant`: the server's page (its session cookie included) re-rendered in
 * the browser's route, so the page keeps its origin and the content script sees only the markup.
 */
async function routeVariant(page, variant) {
  if (variant === 'tableau') return;
  await page.route((u) => u.pathname === '/siecle/liste-generee.html', async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, body: applyListVariant(await response.text(), '/siecle/fiches-eleves.html', variant) });
  });
}

async function measure(context, url, variant, { settle = 1500 } = {}) {
  const page = await context.newPage();
  await routeVariant(page, variant);
  const cdp = await context.newCDPSession(page);
  const isolated = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')) isolated.push(c.name);
  });
  await cdp.send('Runtime.enable');
  await page.addInitScript(LONGTASKS);
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settle);
  const r = await page.evaluate(() => ({
    runs: performance.getEntriesByName('raccord:run').map((e) => e.duration),
    // Long tasks during which Raccord's content script ran (the others are the page's own).
    ours: window.__longtasks.filter((t) => performance.getEntriesByName('raccord:run').some((r) => r.startTime < t.start + t.duration && r.startTime + r.duration > t.start)).length,
    longtasks: window.__longtasks.map((t) => t.duration),
    marks: document.querySelectorAll('mark[data-raccord="mark"]').length,
    added: document.querySelectorAll('[data-raccord]').length,
    // Body rows: table rows but the header one (as td in a variant), grid rows with cells.
    rows: document.querySelectorAll('tbody tr:not(.entete), [role="row"]:has([role="gridcell"])').length,
  }));
  r.isolatedContexts = isolated.length;
  r.wallMs = Date.now() - t0;
  await page.close();
  return r;
}

/** One variant's table of figures (medians and maxima over the runs). */
function report(variant, enabled, other) {
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.floor((s.length - 1) / 2)] : 0;
  };
  const f = (x) => (Math.round(x * 10) / 10).toFixed(1);
  const first = enabled.map((r) => r.runs[0] ?? NaN);
  const total = enabled.map((r) => r.runs.reduce((a, b) => a + b, 0));
  const lt = (rs) => rs.map((r) => r.longtasks.length);
  const ltMax = (rs) => Math.max(0, ...rs.flatMap((r) => r.longtasks));

  const rows = [
    ['Lignes de la liste', `${enabled[0].rows}`, `${other[0].rows}`],
    ['Marques posées (1 ligne sur 20 signalée)', `${median(enabled.map((r) => r.marks))}`, `${median(other.map((r) => r.marks))}`],
    ['Éléments ajoutés à la page', `${median(enabled.map((r) => r.added))}`, `${Math.max(...other.map((r) => r.added))} (max)`],
    ['Contextes de script de l’extension dans la page', `${median(enabled.map((r) => r.isolatedContexts))}`, `${Math.max(...other.map((r) => r.isolatedContexts))} (max)`],
    ['Passes du script (raccord:run)', `${median(enabled.map((r) => r.runs.length))}`, `${Math.max(...other.map((r) => r.runs.length))} (max)`],
    ['Travail synchrone, 1re passe — médiane (ms)', f(median(first)), '—'],
    ['Travail synchrone, 1re passe — max (ms)', f(Math.max(...first)), '—'],
    ['Travail synchrone, toutes passes — médiane (ms)', f(median(total)), '—'],
    ['Tâches longues > 50 ms par chargement — médiane', `${median(lt(enabled))}`, `${median(lt(other))}`],
    ['Tâches longues où le script de Raccord a travaillé', `${Math.max(...enabled.map((r) => r.ours))} (max)`, '—'],
    ['Tâche longue la plus longue (ms)', f(ltMax(enabled)), f(ltMax(other))],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max('Hôte activé'.length, ...rows.map((r) => r[1].length));
  console.log(`\nRaccord — banc d'essai : liste SIECLE de ${ROWS} lignes, variante « ${variant} », ${RUNS} chargements par colonne, Chromium headless\n`);
  console.log(`${''.padEnd(w0)} | ${'Hôte activé'.padEnd(w1)} | Hôte non activé (${OTHER})`);
  console.log(`${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|-${'-'.repeat(30)}`);
  for (const r of rows) console.log(`${r[0].padEnd(w0)} | ${r[1].padEnd(w1)} | ${r[2]}`);
  console.log(`\nMesures brutes (ms) : 1re passe ${first.map(f).join(', ')} ; tâches longues (activé) ${enabled.map((r) => `[${r.longtasks.map(f).join(', ')}]`).join(' ')} ; (non activé) ${other.map((r) => `[${r.longtasks.map(f).join(', ')}]`).join(' ')}`);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raccord-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
});
try {
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker');
  const extensionId = new URL(sw.url()).host;

  // Enable the bench host the admin's way: « Ajouter votre portail » on the options page.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Adresse du portail').fill(ORIGIN);
  await options.getByRole('button', { name: 'Ajouter et activer' }).click();
  await options.getByText(`Activé sur ${ORIGIN}`).waitFor();
  await options.close();
  const plan = await benchPlan();
  await sw.evaluate(async (p) => {
    const now = Date.now();
    await chrome.storage.local.set({ plan: { plan: p, storedAt: new Date(now).toISOString(), expiresAt: new Date(now + 86_400_000).toISOString() } });
  }, plan);

  for (const variant of VARIANTS) {
    const enabled = [];
    const other = [];
    for (let i = 0; i < RUNS; i++) {
      enabled.push(await measure(context, `${ORIGIN}${PAGE}`, variant));
      other.push(await measure(context, `${OTHER}${PAGE}`, variant));
    }
    report(variant, enabled, other);
  }
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  stopServer();
}
