/** One-click copy: the popup searches the plan and copies a PRONOTE ID or an ENT login. */
import { expect, openApp, publishPlan, test, waitForBridge } from './fixtures';

test('search a person, copy their PRONOTE ID; an ambiguous person offers no ID to copy', async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await publishPlan(await openApp(context), sw);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('searchbox').fill('martin');
  await popup.getByRole('button', { name: 'Copier l’identifiant PRONOTE de MARTIN Claire' }).click();
  await expect(popup.getByRole('status')).toContainText('Identifiant PRONOTE copié : WEPYH43KJ2FZT9AS');
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
