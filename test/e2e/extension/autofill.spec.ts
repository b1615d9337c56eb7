/**
 * The app's plan → the Kosmos-style ENT record page → the field holds the right PRONOTE ID.
 * Ambiguous → candidates shown, nothing filled; a different existing value → flagged, replaced
 * only after confirmation.
 */
import { enablePortals, expect, openApp, PORTALS, publishPlan, test, waitForBridge } from './fixtures';

test.beforeEach(async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
  const app = await openApp(context);
  await publishPlan(app, sw);
});

test('certain link: one click fills « Modifier la valeur », the page saves the right ID', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${PORTALS}/kosmos/fiche-martin.html`);
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('MARTIN Claire');
  await expect(panel).toContainText('WEPYH43KJ2FZT9AS');
  await expect(panel).toContainText('Reconnu par son identifiant ENT');
  await panel.getByRole('button', { name: 'Remplir l’identifiant PRONOTE' }).click();
  await expect(panel).toContainText('Identifiant rempli');
  const input = page.locator('td.valeur input');
  await expect(input).toHaveValue('WEPYH43KJ2FZT9AS');
  // The page's own model learnt the value through the events: « Valider » saves it.
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.locator('td.valeur')).toContainText('WEPYH43KJ2FZT9AS');
  await expect(page.locator('td.valeur')).toContainText('Valeur enregistrée');
});

test('ambiguous link: candidates shown, nothing filled', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${PORTALS}/kosmos/fiche-durand.html`);
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('Lien ambigu');
  await expect(panel.getByRole('list', { name: 'Candidats' })).toContainText('K7M2Q9XR4TZP8LBD');
  await expect(panel.getByRole('list', { name: 'Candidats' })).toContainText('H3N8V6CW2YJF5RSA');
  await expect(panel.getByRole('button', { name: /Remplir/ })).toHaveCount(0);
  await expect(page.locator('td.valeur input')).toHaveCount(0);
  await expect(page.locator('td.valeur')).toHaveText('');
});

test('different existing value: flagged, replaced only after confirmation', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${PORTALS}/kosmos/fiche-petit.html`);
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('La fiche porte un autre identifiant (X9X9X9X9X9X9X9X9)');
  await expect(panel.getByRole('button', { name: /Remplir/ })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Remplacer…' }).click();
  await expect(panel).toContainText('Confirmez le remplacement de X9X9X9X9X9X9X9X9 par R5T8Y2U4I6O9P1AZ');
  await expect(page.locator('td.valeur')).toHaveText('X9X9X9X9X9X9X9X9');
  await panel.getByRole('button', { name: 'Confirmer le remplacement' }).click();
  await expect(page.locator('td.valeur input')).toHaveValue('R5T8Y2U4I6O9P1AZ');
});

test('probable link not confirmed by the admin: nothing to fill', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${PORTALS}/kosmos/fiche-bernard.html`);
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('Lien probable, non confirmé');
  await expect(panel.getByRole('button', { name: /Remplir|Remplacer/ })).toHaveCount(0);
});

test('two schools on the record: only the plan school’s row is filled', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${PORTALS}/kosmos/fiche-leroy.html`);
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('confirmé par l’administrateur');
  await panel.getByRole('button', { name: 'Remplir l’identifiant PRONOTE' }).click();
  const rows = page.locator('table.etablissements tr');
  await expect(rows.nth(1).locator('input')).toHaveValue('L4K8J2H6G9F3D5SA');
  await expect(rows.nth(0).locator('td.valeur')).toHaveText('ZZZZ1111ZZZZ1111');
});

test('« Désigner le champ »: pointed at once, remembered for the host', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${PORTALS}/kosmos/fiche-variante.html`);
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('ne trouve pas le champ');
  await panel.getByRole('button', { name: 'Désigner le champ' }).click();
  await page.locator('#cle-vs').click();
  await expect(panel.getByRole('button', { name: 'Remplir l’identifiant PRONOTE' })).toBeVisible();
  await page.reload();
  await page.getByRole('complementary', { name: 'Raccord' }).getByRole('button', { name: 'Remplir l’identifiant PRONOTE' }).click();
  await expect(page.locator('#cle-vs')).toHaveValue('WEPYH43KJ2FZT9AS');
});
