/** One-click copy: the popup searches the plan and copies a PRONOTE ID or an ENT login. */
import type { BrowserContext, Page } from '@playwright/test';
import { enablePortals, expect, KOSMOS_RECORD_VARIANTS, openApp, publishPlan, recordUrl, test, waitForBridge } from './fixtures';

/** Opens the popup, searches « martin », copies her PRONOTE ID as the admin would. */
async function copyMartinFromPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('searchbox').fill('martin');
  await popup.getByRole('button', { name: 'Copier l’identifiant PRONOTE de MARTIN Claire' }).click();
  await expect(popup.getByRole('status')).toContainText('Identifiant PRONOTE copié : WEPYH43KJ2FZT9AS');
  return popup;
}

test('search a person, copy their PRONOTE ID; an ambiguous person offers no ID to copy', async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await publishPlan(await openApp(context), sw);
  const popup = await copyMartinFromPopup(context, extensionId);
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe('WEPYH43KJ2FZT9AS');
  await popup.getByRole('searchbox').fill('durand');
  await expect(popup.getByRole('list', { name: 'Résultats' })).toContainText('à décider dans Raccord');
  await expect(popup.getByRole('button', { name: /Copier l’identifiant PRONOTE de DURAND/ })).toHaveCount(0);
  await popup.getByRole('button', { name: 'Copier le login ENT de DURAND Lucas' }).click();
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe('lucas.durand');
});

test('the side panel offers the same search', async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await publishPlan(await openApp(context), sw);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('searchbox').fill('ines');
  await expect(panel.getByRole('list', { name: 'Résultats' })).toContainText('L4K8J2H6G9F3D5SA');
});

test('on every markup of the record: copied from the popup, pasted into « Modifier la valeur », saved by the page', async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
  await publishPlan(await openApp(context), sw);
  await copyMartinFromPopup(context, extensionId);
  for (const { id: variant } of KOSMOS_RECORD_VARIANTS) {
    const page = await context.newPage();
    await page.goto(recordUrl('martin', variant));
    await page.getByRole('link', { name: 'Modifier la valeur' }).click();
    const input = page.locator('.valeur input');
    await input.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(input, variant).toHaveValue('WEPYH43KJ2FZT9AS');
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.locator('.valeur'), variant).toContainText('WEPYH43KJ2FZT9AS');
    await page.close();
  }
});
