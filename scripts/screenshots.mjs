#!/usr/bin/env node
/**
 * The README's screenshots: the main screens of the app at 1366×768 on the sample school
 * (« Essayer avec l'établissement d'exemple »), in Debian's Chromium, written to docs/screenshots/.
 * Not part of `npm test`. Run after `npm run build`:
 *   node scripts/screenshots.mjs            (serves pwa/dist on :4173 unless something already answers there)
 * PNGs are kept small (< 200 Ko): shot at device scale 1, then recompressed when `pngquant` or
 * `optipng` is installed.
 */
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshots');
const APP = 'http://localhost:4173';

/** The screens, in the README's order: file name, route, what to wait for. */
const SCREENS = [
  { file: 'apercu.png', hash: '#/apercu', title: "Vue d'ensemble" },
  { file: 'rentree.png', hash: '#/rentree', title: 'Étapes de la rentrée' },
  // The homonymous teachers: their cards, not the page's header.
  { file: 'liens-ambigus.png', hash: '#/liens/ambigus', title: 'Liens à décider', scrollTo: '.ambiguous-card[data-login="ana.barbier"]' },
  { file: 'liens-probables.png', hash: '#/liens/probables', title: 'Liens à décider' },
  { file: 'constats.png', hash: '#/constats/*', title: /^Constats/ },
  { file: 'a-faire-ent.png', hash: '#/a-faire-ent', title: "À faire dans l'ENT" },
  { file: 'exports.png', hash: '#/exports', title: 'Exports' },
];

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function main() {
  if (!fs.existsSync(path.join(root, 'pwa', 'dist', 'index.html'))) {
    console.error("pwa/dist manque : lancez d'abord « npm run build ».");
    process.exit(1);
  }
  let server;
  if (!(await answers(APP))) {
    server = spawn('npm', ['run', 'preview', '-w', '@raccord/pwa', '--silent'], { cwd: root, stdio: 'ignore', detached: true });
    for (let i = 0; i < 60 && !(await answers(APP)); i++) await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
    await page.goto(`${APP}/`);
    await page.getByRole('button', { name: "Essayer avec l'établissement d'exemple" }).click();
    await page.getByRole('heading', { level: 1, name: "Vue d'ensemble" }).waitFor({ timeout: 240_000 });
    // The « Import enregistré » notice would cover every picture.
    await page.locator('.feedback .icon-button').click().catch(() => {});
    fs.mkdirSync(out, { recursive: true });
    for (const s of SCREENS) {
      await page.goto(`${APP}/${s.hash}`);
      await page.getByRole('heading', { level: 1, name: s.title }).waitFor({ timeout: 60_000 });
      await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 60_000 }).catch(() => {});
      // Each picture from the top of its page (the previous one may have been scrolled).
      await page.evaluate(() => window.scrollTo(0, 0));
      if (s.scrollTo) {
        // After the candidates' facts are in (they come from the worker and move the layout).
        await page.locator(`${s.scrollTo} .facts`).first().waitFor({ timeout: 60_000 });
        await page.waitForTimeout(600);
        await page.locator(s.scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      }
      await page.waitForTimeout(600);
      // The focus ring of the title (moved there on navigation) is not part of the picture.
      await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
      const file = path.join(out, s.file);
      await page.screenshot({ path: file });
      compress(file);
      console.log(`${s.file} : ${Math.round(fs.statSync(file).size / 1024)} Ko`);
    }
  } finally {
    await browser.close();
    if (server) process.kill(-server.pid);
  }
}

/** Recompresses a PNG with pngquant (palette) or optipng when one is installed. */
function compress(file) {
  const q = spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality=70-95', '--output', file, file]);
  if (q.status === 0 || q.status === 98 || q.status === 99) return;
  spawnSync('optipng', ['-quiet', '-o2', file]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
