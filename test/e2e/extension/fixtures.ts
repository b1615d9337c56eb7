/**
 * Playwright fixture for the extension (toolchain.md): Debian's Chromium, a persistent context,
 * headless, with the built .output/chrome-mv3 loaded. Helpers drive the extension the way an
 * admin does: the options page to enable the replica portals, the app's origin for the bridge.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kosmosRecordPath, LIST_VARIANTS, type KosmosRecordVariantId } from '../../portals/render.mjs';

export const EXTENSION_PATH = path.resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const PORTALS = 'http://localhost:4180';
export const APP = 'http://localhost:4173';
export const PLAN = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../portals/plan.json'), 'utf8')) as { generatedAt: string };
export const ENTNG_STRUCTURE = '5a1f3c2e-7d4b-4c9e-9f00-0310040a0001';

export const test = base.extend<{ context: BrowserContext; extensionId: string; sw: Worker }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    if (!fs.existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) throw new Error(`Extension non construite : ${EXTENSION_PATH} (npm run build -w @raccord/extension)`);
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raccord-ext-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [`--disable-extensions-except=${EXTENSION_PATH}`, `--load-extension=${EXTENSION_PATH}`],
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await use(context);
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  },
  sw: async ({ context }, use) => {
    let [sw] = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
    if (!sw) sw = await context.waitForEvent('serviceworker', (w) => w.url().startsWith('chrome-extension://'));
    await use(sw);
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
});
export { expect };

/** Registered content scripts of the extension, as the background set them. */
export async function registered(sw: Worker): Promise<{ id: string; matches?: string[] }[]> {
  return sw.evaluate(() => chrome.scripting.getRegisteredContentScripts());
}

/** Waits for the bridge (app origin) to be registered, as at install. */
export async function waitForBridge(sw: Worker): Promise<void> {
  await expect.poll(async () => (await registered(sw)).map((s) => s.id), { timeout: 10_000 }).toContain('raccord-bridge');
}

/** Enables the replica portals on the options page, by clicking « Activer » like the admin. */
export async function enablePortals(context: BrowserContext, extensionId: string, origin = PORTALS): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('button', { name: `Activer ${origin}` }).click();
  await expect(page.getByRole('status')).toContainText(`Activé sur ${origin}`);
  await page.close();
}

/** Opens the app and waits until the extension's relay answered its hello. */
export async function openApp(context: BrowserContext): Promise<Page> {
  const app = await context.newPage();
  // Records, in the page's own world, what the extension posts to the app.
  await app.addInitScript(() => {
    const w = window as unknown as { __fromExtension: { type: string; names?: string[]; of?: string }[] };
    w.__fromExtension = [];
    window.addEventListener('message', (e) => {
      const d = e.data as { source?: string; type?: string; files?: { name: string }[]; of?: string };
      if (e.source === window && d?.source === 'raccord-extension') w.__fromExtension.push({ type: d.type ?? '', names: d.files?.map((f) => f.name), of: d.of });
    });
  });
  await app.goto(APP);
  await expect.poll(() => fromExtension(app).then((m) => m.some((x) => x.type === 'hello')), { timeout: 15_000 }).toBe(true);
  return app;
}

export function fromExtension(app: Page): Promise<{ type: string; names?: string[]; of?: string }[]> {
  return app.evaluate(() => (window as unknown as { __fromExtension: { type: string; names?: string[]; of?: string }[] }).__fromExtension);
}

/**
 * Publishes the replica school's plan from the app's origin, exactly as the app posts it
 * (window.postMessage to itself, picked up by the extension's relay), and waits for the ack.
 */
export async function publishPlan(app: Page, sw: Worker, plan: unknown = PLAN): Promise<void> {
  await app.evaluate((p) => window.postMessage({ source: 'raccord-app', version: 1, type: 'publish-plan', plan: p, keepDays: 7 }, window.location.origin), plan);
  await expect
    .poll(() => sw.evaluate(async () => ((await chrome.storage.local.get('plan')) as { plan?: { plan: { generatedAt: string } } }).plan?.plan.generatedAt), { timeout: 10_000 })
    .toBe((plan as { generatedAt: string }).generatedAt);
}

/** The markup variants of the replica screens (test/portals/render.mjs): every record and list test runs on each. */
export { KOSMOS_ANONYMOUS_RECORD, KOSMOS_RECORD_VARIANTS } from '../../portals/render.mjs';

/** The replica URL of users.json's `slug` record in one markup variant. */
export function recordUrl(slug: string, variant: KosmosRecordVariantId = 'tableau'): string {
  return `${PORTALS}${kosmosRecordPath(slug, variant)}`;
}

/** A list page's URL and those of its markup variants (same rows, other markup). */
export function listUrls(page: string): { variant: string; url: string }[] {
  return [{ variant: 'tableau', url: `${PORTALS}${page}` }, ...(LIST_VARIANTS[page] ?? []).map((v) => ({ variant: v.id, url: `${PORTALS}${page}?variante=${v.id}` }))];
}
