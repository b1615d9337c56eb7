/**
 * The sample school in one click, the bridge with the extension (simulated on the page: the same
 * window.postMessage the content script relays), and the data page: backup, wipe, restore.
 */
import fs from 'node:fs';
import { APP, expect, openApp, test } from './fixtures.ts';
import { sampleDatesFor } from '../../../packages/core/src/sample/index.ts';

/** The sample the button loads is dated like this week's exports (see sampleDatesFor). */
const STS_FILE = `sts_emp_0310040A_${sampleDatesFor(new Date().toISOString().slice(0, 10)).schoolYear}.xml`;

test('sample school, extension bridge, backup, wipe and restore', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);

  // « Essayer avec l'établissement d'exemple »: generated and imported in the worker.
  await page.getByRole('button', { name: "Essayer avec l'établissement d'exemple" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('.app-header')).toContainText('0310040A');
  await expect(page.locator('.source-list')).toContainText(STS_FILE);

  // The extension says hello: the app answers with the plan, for this origin only.
  const plan = await page.evaluate(
    () =>
      new Promise<{ people: { pronoteId?: string; decision?: string; confirmedByAdmin?: boolean }[]; origin: string }>((resolve) => {
        window.addEventListener('message', (e) => {
          if (e.data?.source === 'raccord-app' && e.data.type === 'publish-plan') resolve({ people: e.data.plan.people, origin: e.origin });
        });
        window.postMessage({ source: 'raccord-extension', version: 1, type: 'hello', extensionVersion: '0.0.0-test' }, window.location.origin);
      }),
  );
  expect(plan.origin).toBe(APP);
  expect(plan.people.length).toBeGreaterThan(1000);
  expect(plan.people.filter((p) => p.pronoteId).every((p) => p.decision === 'certain' || p.confirmedByAdmin)).toBe(true);
  await expect(page.locator('.feedback')).toContainText('Extension Raccord connectée');

  // Files captured by the extension join the import.
  await page.evaluate(() => {
    const text = 'Nom\tPrénom\tNé(e) le\tClasse\tIdentifiant PRONOTE\nDUPONT\tLéa\t01/05/2009\t2NDE3\tAB12CD34EF56GH78\n';
    const bytes = new TextEncoder().encode(text).buffer;
    window.postMessage(
      { source: 'raccord-extension', version: 1, type: 'captured-files', files: [{ name: 'liste-pronote-capturee.txt', bytes, capturedAt: new Date().toISOString(), portalHost: 'ent.exemple.fr' }] },
      window.location.origin,
    );
  });
  await expect(page.locator('.feedback')).toContainText("capturé par l'extension sur ent.exemple.fr");
  await page.getByRole('link', { name: 'Importer', exact: true }).click();
  await expect(page.locator('.staged-table tr', { hasText: 'liste-pronote-capturee.txt' })).toContainText('1 identifiant PRONOTE');
  await page.getByRole('button', { name: 'Tout retirer' }).click();

  // A message from another origin is ignored (nothing staged).
  await page.evaluate(() => {
    window.postMessage({ source: 'raccord-extension', version: 1, type: 'captured-files', files: [] }, '*');
  });

  // Data page: space used, backup, wipe, restore.
  await page.getByRole('link', { name: 'Données' }).click();
  await expect(page.getByTestId('storage-usage')).toContainText('utilisés sur');
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger une sauvegarde' }).click()]);
  expect(backup.suggestedFilename()).toMatch(/^sauvegarde-raccord-0310040A-.*\.json$/);
  const backupPath = await backup.path();
  expect(JSON.parse(fs.readFileSync(backupPath, 'utf8')).format).toBe('raccord-sauvegarde');

  await page.getByRole('button', { name: 'Tout effacer…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Effacer toutes les données de Raccord ?' });
  await expect(dialog.getByRole('button', { name: 'Effacer définitivement' })).toBeDisabled();
  await dialog.getByLabel('Confirmation').fill('0310040a');
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(page.locator('.feedback')).toContainText('Toutes les données ont été effacées.');
  await expect(page.locator('.app-header')).toContainText('Aucun établissement');

  await page.getByLabel('Fichier de sauvegarde Raccord (.json)').setInputFiles(backupPath);
  await expect(page.locator('.feedback')).toContainText('Sauvegarde restaurée : 1 import');
  await page.getByRole('link', { name: "Vue d'ensemble" }).click();
  await expect(page.locator('.source-list')).toContainText(STS_FILE, { timeout: 60_000 });

  // A broken backup is refused and changes nothing.
  await page.getByRole('link', { name: 'Données' }).click();
  page.once('dialog', (d) => void d.accept());
  await page.getByLabel('Fichier de sauvegarde Raccord (.json)').setInputFiles({ name: 'faux.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"autre chose"}') });
  await expect(page.locator('.feedback')).toContainText("n'est pas une sauvegarde Raccord utilisable");
  await expect(page.locator('.app-header')).toContainText('0310040A');
});
