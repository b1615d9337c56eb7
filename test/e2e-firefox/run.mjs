#!/usr/bin/env node
/**
 * End-to-end tests of the built Firefox extension (.output/firefox-mv3) in Debian's Firefox ESR,
 * driven over WebDriver BiDi by puppeteer-core:
 *   node test/e2e-firefox/run.mjs [--report reports/firefox.json]
 *
 * Same path as the admin's: the add-on installed (temporarily, it is unsigned), the replica portal
 * enabled by clicking « Activer » on the options page, the replica school's plan posted by the
 * app's page (:4173) through the extension's bridge, then the record and list pages of cases.mjs
 * on the replicas (:4180). Starts both servers unless they already answer (outside CI), like the
 * Playwright config. Writes a small report { passed, failed, skipped, tests[] } for
 * scripts/summary.mjs; exits 1 when a test failed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { LISTS, RECORDS, UNTOUCHED } from './cases.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXTENSION_PATH = path.join(ROOT, '.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const APP = 'http://localhost:4173';
const PORTALS = 'http://localhost:4180';
const PLAN = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/portals/plan.json'), 'utf8'));
/** The add-on's id, from the built manifest (set in main, once the build is known to exist). */
let ADDON_ID = '';
/** Firefox gives each add-on a random internal UUID; this pref fixes it, so the options page has a known address. */
const ADDON_UUID = '3f9d6c1e-2b7a-4e58-9c04-7a1d5e2f8b63';
const OPTIONS_URL = `moz-extension://${ADDON_UUID}/options.html`;
const TIMEOUT = 10_000;
const reportPath = process.argv.includes('--report') ? process.argv[process.argv.indexOf('--report') + 1] : 'reports/firefox.json';

// ---------- servers (ours, stopped at the end) ----------

const started = [];

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function ensureServer(name, url, command, args) {
  if (await answers(url)) {
    if (process.env.CI === 'true') throw new Error(`${url} est déjà occupé (${name}) : un autre serveur tourne sur ce port.`);
    console.log(`  ${name} : serveur existant réutilisé (${url})`);
    return;
  }
  const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  started.push(child);
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${name} s’est arrêté (code ${child.exitCode}) : ${stderr.trim()}`);
    if (await answers(url)) return;
    await sleep(200);
  }
  throw new Error(`${name} ne répond pas sur ${url} après 60 s`);
}

/** A port nobody listens on now (for a second replica server, on an origin not enabled). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function stopServers() {
  for (const child of started) {
    try {
      process.kill(-child.pid, 'SIGTERM'); // the whole group: npm and the vite it started
    } catch {
      /* already gone */
    }
  }
}

// ---------- small assertion helpers over puppeteer ----------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Failure extends Error {}

/** Polls `fn` in the page until `check` accepts its result; fails with the last value seen. */
async function poll(page, what, fn, arg, check, timeout = TIMEOUT) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await page.evaluate(fn, arg);
      if (check(last)) return last;
    } catch (e) {
      last = `erreur : ${e.message}`;
    }
    if (Date.now() > until) throw new Failure(`${what} — dernière valeur : ${JSON.stringify(last)}`);
    await sleep(100);
  }
}

/** The text of Raccord's panel on a portal page (an open shadow root), or null. */
function panelText() {
  const aside = document.querySelector('[data-raccord="panel"]')?.shadowRoot?.querySelector('aside[role="complementary"][aria-label="Raccord"]');
  return aside ? aside.textContent : null;
}

/**
 * Clicks a button by its exact text, in Raccord's panel or in the page itself, with real input
 * (a trusted click, as the admin's), after checking that nothing covers it: like a person, the
 * test cannot click a button under Raccord's panel.
 */
async function click(page, label, where = 'panel') {
  const handle = await page.evaluateHandle(
    (l, w) => {
      const root = w === 'panel' ? document.querySelector('[data-raccord="panel"]')?.shadowRoot : document;
      return [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent.trim() === l) ?? null;
    },
    label,
    where,
  );
  const el = handle.asElement();
  if (!el) throw new Failure(`bouton « ${label} » absent ${where === 'panel' ? 'du panneau' : 'de la page'}`);
  const covered = await el.evaluate((b) => {
    b.scrollIntoView({ block: 'center' });
    const r = b.getBoundingClientRect();
    let hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit === b || b.contains(hit) ? null : (hit?.outerHTML.slice(0, 120) ?? 'rien');
  });
  if (covered) throw new Failure(`bouton « ${label} » recouvert par ${covered}`);
  await el.click();
}

/** Fails if Raccord's panel offers a button whose text matches `offer`. */
async function expectNoFillOffered(page, offer) {
  const buttons = await page.evaluate(() => [...(document.querySelector('[data-raccord="panel"]')?.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.textContent));
  if (buttons.some((b) => offer.test(b))) throw new Failure(`le panneau propose de remplir : ${JSON.stringify(buttons)}`);
}

/**
 * A new tab that records every request leaving for another origin than the app's, the replicas'
 * or the extension's own: Raccord sends nothing elsewhere, and the run fails if it ever does.
 */
const foreign = [];
async function newPage(browser, alsoAllowed = []) {
  const page = await browser.newPage();
  page.on('request', (r) => {
    const url = r.url();
    if (![APP, PORTALS, ...alsoAllowed].includes(originOf(url)) && !/^(moz-extension|data|blob|about):/.test(url)) foreign.push(url);
  });
  return page;
}
const originOf = (url) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/**
 * Navigates a tab to an extension page. Page.goto waits for a navigation event that Firefox does
 * not send for moz-extension:// loads, so the BiDi command is sent directly and the caller waits
 * for the content.
 */
async function openExtensionPage(page, url) {
  await page.mainFrame().browsingContext.navigate(url, 'interactive');
}

// ---------- the run ----------

async function setUp(browser) {
  const id = await browser.installExtension(EXTENSION_PATH);
  if (id !== ADDON_ID) throw new Error(`extension installée sous l’identifiant ${id}, attendu ${ADDON_ID}`);

  // The admin enables the replica portal on the options page (permissions.request in the click).
  const options = await newPage(browser);
  await openExtensionPage(options, OPTIONS_URL);
  const enable = await options.waitForSelector(`button[aria-label="Activer ${PORTALS}"]`, { timeout: TIMEOUT });
  await enable.click();
  await poll(options, 'activation du portail', () => document.querySelector('[role="status"]')?.textContent ?? '', null, (t) => t.includes(`Activé sur ${PORTALS}`));

  // The app's page, where the bridge runs: it answers the app's hello, then relays the plan.
  const app = await newPage(browser);
  await app.evaluateOnNewDocument(() => {
    window.__fromExtension = [];
    window.addEventListener('message', (e) => {
      if (e.source === window && e.data?.source === 'raccord-extension') window.__fromExtension.push({ type: e.data.type, of: e.data.of });
    });
  });
  await app.goto(APP);
  await poll(app, 'réponse du pont à l’application (hello)', () => window.__fromExtension, null, (m) => m.some((x) => x.type === 'hello'), 15_000);
  await app.evaluate((plan) => window.postMessage({ source: 'raccord-app', version: 1, type: 'publish-plan', plan, keepDays: 7 }, window.location.origin), PLAN);
  await poll(app, 'accusé de réception du plan', () => window.__fromExtension, null, (m) => m.some((x) => x.type === 'ack' && x.of === 'publish-plan'));
  // What the extension stored, read from its own page, must be this very plan.
  await poll(options, 'plan enregistré par l’extension', async () => (await globalThis.browser.storage.local.get('plan')).plan?.plan?.generatedAt ?? null, null, (d) => d === PLAN.generatedAt);
  await options.close();
  await app.close();
  if (foreign.length) throw new Error(`requêtes vers d’autres origines : ${foreign.join(', ')}`);
}

async function checkRecord(browser, c) {
  const slot = c.slot ?? '.valeur';
  const page = await newPage(browser);
  try {
    await page.goto(`${PORTALS}/${c.page}`);
    if (c.expect === 'fill') {
      await poll(page, `panneau nommant ${c.person} avec ${c.id}`, panelText, null, (t) => !!t && t.includes(c.person) && t.includes(c.id));
      await click(page, 'Remplir l’identifiant PRONOTE');
      await poll(page, 'panneau « Identifiant rempli »', panelText, null, (t) => !!t && t.includes('Identifiant rempli'));
      await poll(page, `champ « Modifier la valeur » = ${c.id}`, (sel) => document.querySelector(`${sel} input`)?.value ?? null, slot, (v) => v === c.id);
      // The page's own script learnt the value from the events: « Valider » saves it.
      await click(page, 'Valider', 'page');
      await poll(page, 'valeur enregistrée par la page', (sel) => document.querySelector(sel)?.textContent ?? '', slot, (t) => t.includes(c.id) && t.includes('Valeur enregistrée'));
    } else if (c.expect === 'replace') {
      await poll(page, `panneau signalant ${c.current}`, panelText, null, (t) => !!t && t.includes(`La fiche porte un autre identifiant (${c.current})`));
      await expectNoFillOffered(page, /Remplir/);
      await click(page, 'Remplacer…');
      await poll(page, 'demande de confirmation', panelText, null, (t) => !!t && t.includes(`Confirmez le remplacement de ${c.current} par ${c.id}`));
      const before = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, slot);
      if (before !== c.current) throw new Failure(`avant confirmation, le champ porte ${JSON.stringify(before)}`);
      await click(page, 'Confirmer le remplacement');
      await poll(page, `champ « Modifier la valeur » = ${c.id}`, (sel) => document.querySelector(`${sel} input`)?.value ?? null, slot, (v) => v === c.id);
    } else {
      await poll(page, 'panneau « Lien ambigu » avec tous les candidats', panelText, null, (t) => !!t && t.includes('Lien ambigu') && c.candidates.every((id) => t.includes(id)));
      await expectNoFillOffered(page, /Remplir|Remplacer/);
      const touched = await page.evaluate((sel) => ({ inputs: document.querySelectorAll(`${sel} input`).length, text: document.querySelector(sel)?.textContent ?? null }), slot);
      if (touched.inputs !== 0 || touched.text !== '') throw new Failure(`le champ a été touché : ${JSON.stringify(touched)}`);
    }
  } finally {
    await page.close();
  }
}

async function checkList(browser, c) {
  const page = await newPage(browser);
  try {
    await page.goto(`${PORTALS}/${c.page}`);
    // Rows (table or ARIA grid, or the case's own `rowSelector`) whose text contains `text`, and the accessible names of the marks in each.
    const marksByRow = ([text, selector]) =>
      [...document.querySelectorAll(selector)].filter((r) => r.textContent.includes(text)).map((r) => [...r.querySelectorAll('mark[data-raccord="mark"][role="img"]')].map((m) => m.getAttribute('aria-label')));
    const expectedCount = c.count ?? 1;
    await poll(page, `marques posées (${c.count ?? 'au moins 1'})`, () => document.querySelectorAll('mark[data-raccord="mark"]').length, null, (n) => (c.count === undefined ? n >= expectedCount : n === expectedCount));
    for (const row of c.rows) {
      const rows = await page.evaluate(marksByRow, [row.text, c.rowSelector ?? 'tr, [role="row"]']);
      if (!rows.length) throw new Failure(`aucune ligne ne contient « ${row.text} »`);
      for (const marks of rows) {
        if (row.mark === null ? marks.length !== 0 : !marks.some((m) => row.mark.test(m))) {
          throw new Failure(`ligne « ${row.text} » : marques ${JSON.stringify(marks)}, attendu ${row.mark ?? 'aucune'}`);
        }
      }
    }
  } finally {
    await page.close();
  }
}

/** The replica page on an origin that is not enabled: no mark, no panel, no run of Raccord's features. */
async function checkUntouched(browser, c, otherPort) {
  const port = c.port === 'other' ? otherPort : new URL(PORTALS).port;
  const page = await newPage(browser, [`http://${c.host}:${port}`]);
  try {
    await page.goto(`http://${c.host}:${port}/${c.page}`);
    await sleep(800); // the enabled replica is marked well within this (see LISTS)
    const seen = await page.evaluate(() => ({ own: document.querySelectorAll('[data-raccord]').length, runs: performance.getEntriesByName('raccord:run').length }));
    if (seen.own || seen.runs) throw new Failure(`Raccord a agi sur une origine non activée : ${JSON.stringify(seen)}`);
  } finally {
    await page.close();
  }
}

/** The same replica page on the enabled origin shows Raccord's run: without it, an untouched page proves nothing. */
async function checkRunIsVisible(browser, page) {
  const tab = await newPage(browser);
  try {
    await tab.goto(`${PORTALS}/${page}`);
    await poll(tab, 'mesure raccord:run sur le portail activé', () => performance.getEntriesByName('raccord:run').length, null, (n) => n > 0);
  } finally {
    await tab.close();
  }
}

async function main() {
  const tests = [
    ...RECORDS.map((c) => ({ name: c.name, run: (b) => checkRecord(b, c) })),
    ...LISTS.map((c) => ({ name: c.name, run: (b) => checkList(b, c) })),
    ...UNTOUCHED.map((c) => ({
      name: c.name,
      run: async (b) => {
        await checkRunIsVisible(b, c.page);
        await checkUntouched(b, c, otherPort);
      },
    })),
  ];
  let otherPort = 0;
  const results = [];
  const t0 = Date.now();
  let browser;
  try {
    const manifest = path.join(EXTENSION_PATH, 'manifest.json');
    if (!fs.existsSync(manifest)) throw new Error(`extension Firefox non construite : ${EXTENSION_PATH} (npm run build -w @raccord/extension)`);
    if (!fs.existsSync(FIREFOX)) throw new Error(`Firefox introuvable : ${FIREFOX} (apt-get install firefox-esr)`);
    ADDON_ID = JSON.parse(fs.readFileSync(manifest, 'utf8')).browser_specific_settings.gecko.id;
    await ensureServer('application', APP, 'npm', ['run', 'preview', '-w', '@raccord/pwa']);
    await ensureServer('répliques des portails', `${PORTALS}/health`, 'node', ['test/serve-portals.mjs', '4180']);
    otherPort = await freePort();
    await ensureServer('répliques sur un port non activé', `http://localhost:${otherPort}/health`, 'node', ['test/serve-portals.mjs', String(otherPort)]);
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Playwright's default window, as the Chromium run (at 800×600 the panel covers « Valider »).
      defaultViewport: { width: 1280, height: 720 },
      // Lets WebDriver BiDi open moz-extension:// pages (the options page); nothing else changes.
      args: ['-remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) },
    });
    console.log(`  ${await browser.version()}, extension ${EXTENSION_PATH}`);
    await setUp(browser);
  } catch (e) {
    // Without the set-up nothing can run: every test fails with the reason.
    for (const t of tests) results.push({ name: t.name, status: 'failed', error: `mise en place : ${e.message}`, ms: 0 });
  }
  if (!results.length) {
    for (const t of tests) {
      const start = Date.now();
      try {
        foreign.length = 0;
        await t.run(browser);
        if (foreign.length) throw new Failure(`requêtes vers d’autres origines : ${foreign.join(', ')}`);
        results.push({ name: t.name, status: 'passed', ms: Date.now() - start });
      } catch (e) {
        results.push({ name: t.name, status: 'failed', error: e instanceof Failure ? e.message : e.stack ?? String(e), ms: Date.now() - start });
      }
    }
  }
  await browser?.close().catch(() => undefined);
  stopServers();

  for (const r of results) console.log(`  ${r.status === 'passed' ? '✓' : '✘'} ${r.name} (${r.ms} ms)${r.error ? `\n      ${r.error}` : ''}`);
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.length - passed;
  console.log(`\n  Firefox : ${passed} réussis, ${failed} échoués (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  fs.mkdirSync(path.dirname(path.resolve(ROOT, reportPath)), { recursive: true });
  fs.writeFileSync(path.resolve(ROOT, reportPath), JSON.stringify({ runner: 'firefox-esr', passed, failed, skipped: 0, tests: results }, null, 2));
  return failed ? 1 : 0;
}

process.exitCode = await main().catch((e) => {
  stopServers();
  console.error(e);
  return 1;
});
