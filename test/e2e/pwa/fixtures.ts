/**
 * Shared pieces of the app's end-to-end tests: the sample school written to a temporary folder
 * (from core's generator, as the admin would have exported it), and a request log that proves
 * nothing leaves the app's origin.
 */
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSchool, type SampleOptions } from '../../../packages/core/src/sample/index.ts';

export const APP = 'http://localhost:4173';

/** Writes a generated school's exports to a fresh temp folder; returns the file paths. */
export function writeSchool(opts: SampleOptions = {}): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raccord-e2e-'));
  const school = generateSchool(opts);
  const files = school.files.map((f) => {
    const p = path.join(dir, f.name);
    fs.writeFileSync(p, f.bytes);
    return p;
  });
  return { dir, files };
}

/** Every URL the page asked for that is not the app's own origin (blob: and data: of the app are fine). */
export function foreignRequests(urls: string[]): string[] {
  return urls.filter((u) => !(u.startsWith(`${APP}/`) || u === APP || u.startsWith(`blob:${APP}/`) || u.startsWith('data:')));
}

/** Every test records every request of its browser context and fails on any to another origin. */
export const test = base.extend<{ requests: string[] }>({
  requests: [
    async ({ context }, use) => {
      const urls: string[] = [];
      context.on('request', (r) => urls.push(r.url()));
      await use(urls);
      expect(foreignRequests(urls), 'requests to another origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page };

/** Opens the app and waits until its service worker controls it (everything precached). */
export async function openApp(page: Page): Promise<void> {
  await page.goto(`${APP}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/** A generated school written to disk, opened in the app, imported and analysed up to the overview. */
export async function importGeneratedSchool(page: Page, opts: SampleOptions): Promise<void> {
  const { files } = writeSchool(opts);
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.locator('.staged-table')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: /Enregistrer et analyser/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 120_000 });
}

/** Reads a download's content as text. */
export async function downloadText(download: import('@playwright/test').Download): Promise<string> {
  const p = await download.path();
  return fs.readFileSync(p, 'utf8');
}

/** Controls without an accessible name (approximated: aria-label, aria-labelledby, <label>, text, title). */
export async function unnamed(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nameOf = (el: Element): string => {
      const aria = el.getAttribute('aria-label');
      if (aria?.trim()) return aria;
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      const labels = (el as HTMLInputElement).labels;
      if (labels?.length) return [...labels].map((l) => l.textContent ?? '').join(' ');
      return (el.textContent ?? '').trim() || el.getAttribute('title') || '';
    };
    return [...document.querySelectorAll('button, a[href], input, select, textarea, [role="table"]')]
      .filter((el) => !nameOf(el).trim())
      .map((el) => el.outerHTML.slice(0, 120));
  });
}
