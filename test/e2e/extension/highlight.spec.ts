/**
 * Highlight: the plan's marks on SIECLE, STS-web and ENT lists; the Open ENT NG read-only panel.
 * The SIECLE and Kosmos lists run on each markup variant (reordered columns, header cells as td,
 * ARIA grid of divs: test/portals/render.mjs), the Open ENT NG console on each of its variants
 * (ul/li, table, ARIA grid, ARIA listbox; dt/dd, « Login : » + text, aria-labelledby records).
 */
import { ENTNG_VARIANTS, entngPath } from '../../portals/render.mjs';
import { ENTNG_STRUCTURE, enablePortals, expect, listUrls, openApp, PORTALS, publishPlan, test, waitForBridge } from './fixtures';

test.beforeEach(async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
  await publishPlan(await openApp(context), sw);
});

for (const { variant, url } of listUrls('/siecle/fiches-eleves.html')) test(`SIECLE « Fiches élèves - Recherche et MAJ » (variant « ${variant} »): blocking, duplicate and stale pupils are marked, with their reason`, async ({ context }) => {
  const page = await context.newPage();
  await page.goto(url);
  const marks = page.locator('mark[data-raccord="mark"]');
  await expect(marks).toHaveCount(4); // DURAND ×2 (duplicate), GARCIA (stale), PETIT (blocking)
  const petit = page.getByRole('row').filter({ hasText: 'PETIT' }).getByRole('img', { name: /Fiche bloquante/ });
  await expect(petit).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'GARCIA' }).getByRole('img', { name: /Sorti le/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'ROUX' }).locator('mark')).toHaveCount(0);
  // The reason shows on keyboard focus too.
  await petit.focus();
  await expect(page.getByRole('tooltip')).toContainText('INE manquant');
});

for (const { variant, url } of listUrls('/sts/structure.html')) test(`STS-web structure (variant « ${variant} »): invalid and unknown group names are marked`, async ({ context }) => {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('row').filter({ hasText: '1SPE MATHS+' }).getByRole('img', { name: /Nom de groupe invalide/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'TPHILO-A' }).getByRole('img', { name: /Groupe inconnu/ })).toBeVisible();
  await expect(page.locator('mark[data-raccord="mark"]')).toHaveCount(2);
});

for (const { variant, url } of listUrls('/kosmos/annuaire.html')) test(`Kosmos directory (variant « ${variant} »): orphan and ambiguous accounts are marked`, async ({ context }) => {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('row').filter({ hasText: 'ANCIEN' }).getByRole('img', { name: /Compte orphelin/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'DURAND' }).getByRole('img', { name: /ambigu/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'MOREAU' }).locator('mark')).toHaveCount(0);
});

for (const { id: variant } of ENTNG_VARIANTS) test(`Open ENT NG (SPA, variant « ${variant} »): list marks from the directory JSON, then the read-only panel after navigation`, async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${PORTALS}${entngPath(`/admin/${ENTNG_STRUCTURE}/users/list/filter`, variant)}`);
  // A list item, table row, grid row or listbox option: whatever holds the family name (unique in the replica).
  const item = (family: string) => page.locator('.side-card').locator('li, tr, [role="row"], [role="option"]').filter({ hasText: family });
  await expect(item('MARTIN').getByRole('img', { name: /Identifiant PRONOTE manquant/ })).toBeVisible();
  await expect(item('PETIT').getByRole('img', { name: /Identifiant PRONOTE différent/ })).toBeVisible();
  await expect(item('ANCIEN').getByRole('img', { name: /Compte orphelin/ })).toBeVisible();
  await expect(item('MOREAU').locator('mark')).toHaveCount(0);
  // Client-side navigation to the record: the panel follows the route.
  await item('PETIT').click();
  await expect(page).toHaveURL(/\/users\/list\/u-petit\/details(\?|$)/);
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('R5T8Y2U4I6O9P1AZ');
  await expect(panel).toContainText('X9X9X9X9X9X9X9X9');
  await expect(panel).toContainText('relancez l’import');
  await item('MOREAU').click();
  await expect(panel).toContainText('L’identifiant PRONOTE de l’ENT est le bon.');
  // Marks survive the console re-rendering its list.
  await expect(item('MARTIN').getByRole('img', { name: /Identifiant PRONOTE manquant/ })).toBeVisible();
});
