/** Hosts and permissions: nothing runs on a host the admin did not enable; no static content scripts. */
import { enablePortals, expect, openApp, publishPlan, registered, test, waitForBridge } from './fixtures';

test('the manifest declares no content script and no permission for all sites', async ({ sw }) => {
  const manifest = await sw.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  expect(manifest.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
});

test('before enabling, only the bridge is registered, and a portal page is left untouched', async ({ context, sw }) => {
  await waitForBridge(sw);
  expect((await registered(sw)).map((s) => s.id)).toEqual(['raccord-bridge']);
  const page = await context.newPage();
  await page.goto('http://localhost:4180/siecle/fiches-eleves.html');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.querySelectorAll('[data-raccord]').length)).toBe(0);
  expect(await page.evaluate(() => performance.getEntriesByName('raccord:run').length)).toBe(0);
});

test('enabled on localhost:4180 only: 127.0.0.1:4180 (another origin) gets nothing', async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
  await publishPlan(await openApp(context), sw);
  expect((await registered(sw)).find((s) => s.id === 'raccord-portal')?.matches).toEqual(['http://localhost:4180/*']);
  const enabled = await context.newPage();
  await enabled.goto('http://localhost:4180/siecle/fiches-eleves.html');
  await expect(enabled.locator('mark[data-raccord]')).not.toHaveCount(0);
  const other = await context.newPage();
  await other.goto('http://127.0.0.1:4180/siecle/fiches-eleves.html');
  await other.waitForTimeout(800);
  expect(await other.evaluate(() => document.querySelectorAll('[data-raccord]').length)).toBe(0);
  expect(await other.evaluate(() => performance.getEntriesByName('raccord:run').length)).toBe(0);
});

test('disabling a host unregisters the portal script', async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Désactiver http://localhost:4180' }).click();
  await expect(options.getByRole('status')).toContainText('Désactivé sur http://localhost:4180');
  expect((await registered(sw)).map((s) => s.id)).toEqual(['raccord-bridge']);
});

test('« Oublier maintenant » wipes the plan; the plan carries its expiry', async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await publishPlan(await openApp(context), sw);
  const stored = await sw.evaluate(async () => (await chrome.storage.local.get('plan')).plan as { storedAt: string; expiresAt: string });
  expect(new Date(stored.expiresAt).getTime() - new Date(stored.storedAt).getTime()).toBe(7 * 86_400_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText(/Plan du .* effacé automatiquement le/)).toBeVisible();
  await options.getByRole('button', { name: 'Oublier maintenant' }).click();
  await expect(options.getByText('Aucun plan enregistré.')).toBeVisible();
  expect(await sw.evaluate(async () => (await chrome.storage.local.get('plan')).plan ?? null)).toBeNull();
});
