#!/usr/bin/env node
/**
 * The app's benchmark, measured in headless Chromium (/usr/bin/chromium) on the production build:
 *  1. the app shell's JavaScript, gzip (what the page loads before it can show anything);
 *  2. from giving the 2,500-pupil school's files to the file input until the overview shows,
 *     and the main thread's long tasks meanwhile (parsing runs in the worker);
 *  3. long tasks (PerformanceObserver 'longtask') while scrolling, filtering and sorting a list of
 *     at least 10,000 rows (the full PRONOTE plan of a ~3,900-pupil school).
 *
 * Run: `npm run build -w @raccord/pwa && node pwa/bench/app-bench.mjs` (add `--json` for JSON).
 * Figures, not assertions: the targets are printed next to them.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const pwaDir = path.resolve(here, '..');
const root = path.resolve(pwaDir, '..');
const dist = path.join(pwaDir, 'dist');
const APP = 'http://localhost:4173';
const asJson = process.argv.includes('--json');
const log = (...a) => (asJson ? undefined : console.error(...a));

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error("Construisez d'abord l'application : npm run build -w @raccord/pwa");
  process.exit(1);
}

// ── 1. Shell size: the scripts index.html loads, and what they import statically. ──
function shellFiles() {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const f = queue.shift();
    if (seen.has(f)) continue;
    seen.add(f);
    const code = fs.readFileSync(path.join(dist, f), 'utf8');
    // Static imports only (`import … from "./x.js"` at top level); dynamic import() is not the shell.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(path.posix.join(path.posix.dirname(f), m[1]));
  }
  return [...seen];
}
const gz = (f) => gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
const shell = shellFiles();
const shellGzip = shell.reduce((n, f) => n + gz(f), 0);
const shellRaw = shell.reduce((n, f) => n + fs.statSync(path.join(dist, f)).size, 0);
const cssGzip = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.css')).reduce((n, f) => n + gz(`assets/${f}`), 0);
const workerFile = fs.readdirSync(path.join(dist, 'assets')).find((f) => f.startsWith('engine.worker'));
const workerGzip = workerFile ? gz(`assets/${workerFile}`) : 0;

// ── The sample schools, from core's generator (bundled on the fly: core is TypeScript). ──
async function loadGenerator() {
  const out = path.join(os.tmpdir(), `raccord-bench-gen-${process.pid}.mjs`);
  await build({
    stdin: { contents: `export { generateSchool } from ${JSON.stringify(path.join(root, 'packages/core/src/sample/index.ts'))};`, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
  });
  const mod = await import(pathToFileURL(out).href);
  fs.rmSync(out, { force: true });
  return mod.generateSchool;
}

function writeSchool(generateSchool, opts) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raccord-bench-'));
  const school = generateSchool(opts);
  const files = school.files.map((f) => {
    const p = path.join(dir, f.name);
    fs.writeFileSync(p, f.bytes);
    return p;
  });
  const bytes = school.files.reduce((n, f) => n + f.bytes.length, 0);
  return { dir, files, bytes };
}

// ── The server: reuse one on 4173, else start `vite preview` and stop it at the end. ──
async function up() {
  try {
    return (await fetch(APP)).ok;
  } catch {
    return false;
  }
}
let server;
if (!(await up())) {
  server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--port', '4173', '--strictPort'], { cwd: pwaDir, stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await up()); i++) await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const cores = os.availableParallelism?.() ?? os.cpus().length;

/** A fresh page that records long tasks from the start. */
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${APP}/?mesures`);
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  return { context, page };
}

const longTasksSince = (page, since) => page.evaluate((t) => window.__longtasks.filter((x) => x.start >= t).map((x) => x.duration), since);
const now = (page) => page.evaluate(() => performance.now());
const summary = (d) => ({ count: d.length, over100: d.filter((x) => x > 100).length, max: Math.round(Math.max(0, ...d)), total: Math.round(d.reduce((a, b) => a + b, 0)) });

/** Gives the files to the input and measures until the overview shows. */
async function importTimed(page, files) {
  const t0 = await now(page);
  const wall0 = Date.now();
  await page.getByTestId('file-input').setInputFiles(files);
  await page.getByRole('button', { name: /Enregistrer et analyser/ }).waitFor();
  await page.locator('.staged-table').waitFor();
  const staged = Date.now() - wall0;
  await page.getByRole('button', { name: /Enregistrer et analyser/ }).click();
  await page.locator('.source-list').waitFor({ timeout: 300_000 });
  await page.locator('.severity-group').first().waitFor();
  const total = Date.now() - wall0;
  const steps = await page.evaluate(() => window.raccordMesures());
  return { staged, total, steps, longTasks: summary(await longTasksSince(page, t0)) };
}

const generateSchool = await loadGenerator();
const results = { cores: Math.min(4, cores), shell: { files: shell, gzip: shellGzip, raw: shellRaw, cssGzip, workerGzip } };

try {
  // ── 2. The 2,500-pupil school, dropped on a fresh app, to the overview. ──
  log('Établissement de 2 500 élèves…');
  const s2500 = writeSchool(generateSchool, {});
  {
    const { context, page } = await freshPage();
    results.import2500 = { bytes: s2500.bytes, ...(await importTimed(page, s2500.files)) };
    await context.close();
  }
  fs.rmSync(s2500.dir, { recursive: true, force: true });

  // ── 3. A list of 10,000+ rows: the whole PRONOTE plan of a ~3,900-pupil school. ──
  log('Établissement de 3 900 élèves et liste de plus de 10 000 lignes…');
  const big = writeSchool(generateSchool, { pupils: 3900, seed: 7 });
  {
    const { context, page } = await freshPage();
    results.import3900 = { bytes: big.bytes, ...(await importTimed(page, big.files)) };
    await page.goto(`${APP}/#/liens`);
    await page.getByTestId('links-show').selectOption('all');
    const rowsText = await page.locator('p.hint[aria-live]').innerText();
    const rows = Number(rowsText.split(' sur ')[0].replace(/\D/g, ''));
    const body = page.getByTestId('vtable-scroll');
    await body.waitFor();

    // Scrolling: 120 steps of 600 px, one per animation frame, then a jump to the end and back.
    const t1 = await now(page);
    const scroll = await body.evaluate(async (el) => {
      const frames = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        el.scrollTop += 600;
        await new Promise((r) => requestAnimationFrame(r));
        const t = performance.now();
        frames.push(t - last);
        last = t;
      }
      el.scrollTop = el.scrollHeight;
      await new Promise((r) => requestAnimationFrame(r));
      el.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(r));
      frames.sort((a, b) => a - b);
      return { p50: frames[Math.floor(frames.length / 2)], p95: frames[Math.floor(frames.length * 0.95)], max: frames[frames.length - 1] };
    });
    const scrollTasks = summary(await longTasksSince(page, t1));

    // Filtering: typing a name letter by letter, then clearing; sorting by each column.
    const t2 = await now(page);
    const filter = page.getByTestId('links-filter');
    await filter.pressSequentially('martin', { delay: 60 });
    await page.waitForTimeout(300);
    await filter.fill('');
    await page.waitForTimeout(300);
    for (const col of ['Compte ENT', 'Proposition', 'Personne']) {
      await page.getByRole('button', { name: col, exact: true }).click();
      await page.waitForTimeout(200);
    }
    const filterTasks = summary(await longTasksSince(page, t2));
    results.list = { rows, scroll: { ...scroll, longTasks: scrollTasks }, filterSort: { longTasks: filterTasks } };
    await context.close();
  }
  fs.rmSync(big.dir, { recursive: true, force: true });
} finally {
  await browser.close();
  if (server) server.kill();
}

// ── Report ──
const kb = (n) => `${(n / 1024).toFixed(1)} Ko`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const lt = (x) => `${x.count} (max ${x.max} ms, ${x.over100} > 100 ms)`;
const rowsOut = [
  ['Lecteurs en parallèle', String(results.cores), '', 'workers de lecture (un par cœur, 4 au plus)'],
  ['JS du shell (gzip)', kb(results.shell.gzip), '≤ 250 Ko', `${results.shell.files.length} fichier(s), ${kb(results.shell.raw)} non compressés ; CSS ${kb(results.shell.cssGzip)} ; worker ${kb(results.shell.workerGzip)} (hors shell)`],
  ['2 500 élèves : fichiers lus (liste affichée)', s(results.import2500.staged), '', `${(results.import2500.bytes / 1e6).toFixed(1)} Mo de fichiers`],
  ['2 500 élèves : dépôt → vue d’ensemble', s(results.import2500.total), '< 3 s', `dans les workers : lecture ${s(results.import2500.steps.lecture ?? 0)}, enregistrement ${s(results.import2500.steps.enregistrement ?? 0)}, rapprochement ${s(results.import2500.steps.reconcile ?? 0)} ; page : après le clic ${s(results.import2500.total - results.import2500.staged)}`],
  ['2 500 élèves : tâches longues (page) pendant l’import', lt(results.import2500.longTasks), 'aucune > 100 ms', ''],
  ['3 900 élèves : dépôt → vue d’ensemble', s(results.import3900.total), '', `${(results.import3900.bytes / 1e6).toFixed(1)} Mo de fichiers ; lecture ${s(results.import3900.steps.lecture ?? 0)}, rapprochement ${s(results.import3900.steps.reconcile ?? 0)}`],
  [`Liste de ${results.list.rows.toLocaleString('fr-FR')} lignes : défilement, tâches longues`, lt(results.list.scroll.longTasks), 'aucune > 100 ms', `images : médiane ${results.list.scroll.p50.toFixed(1)} ms, p95 ${results.list.scroll.p95.toFixed(1)} ms`],
  ['Même liste : filtre et tris, tâches longues', lt(results.list.filterSort.longTasks), 'aucune > 100 ms', ''],
];
if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const w = [0, 1, 2].map((i) => Math.max(...rowsOut.map((r) => r[i].length), ['Mesure', 'Valeur', 'Cible'][i].length));
  const line = (r) => `| ${r.slice(0, 3).map((c, i) => c.padEnd(w[i])).join(' | ')} | ${r[3]}`;
  console.log(line(['Mesure', 'Valeur', 'Cible', 'Détail']));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of rowsOut) console.log(line(r));
}
