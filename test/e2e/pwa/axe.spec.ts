/**
 * axe on every screen of the app, with the sample school loaded by « Essayer avec l'établissement
 * d'exemple »: each route of the router (every filter of « Liens à décider », a rule's list, a
 * finding, a person), plus a decided link, whose « Revenir sur cette décision » must stay in its cell.
 */
import AxeBuilder from '@axe-core/playwright';
import { APP, expect, openApp, test, type Page } from './fixtures.ts';

async function axeViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** Opens a route and waits for its title. */
async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${APP}/${hash}`);
  await expect(page.locator('h1')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.loading')).toHaveCount(0, { timeout: 60_000 });
}

const LINK_FILTERS = ['a-decider', 'probables', 'ambigus', 'certains', 'confirmes', 'absents-de-pronote', 'sans-rapprochement', 'decides', 'tous'];

test('axe finds no violation on any screen of the sample school', async ({ page }) => {
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  expect(await axeViolations(page), '#/ (empty)').toEqual([]);
  await page.getByRole('button', { name: "Essayer avec l'établissement d'exemple" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 180_000 });

  // A decided probable link, so that the decided views have a row.
  await open(page, '#/liens/probables');
  const undo = page.getByRole('button', { name: 'Revenir sur cette décision' }).first();
  await page.getByRole('button', { name: /^Confirmer : / }).first().click();
  await expect(undo).toBeVisible();

  const routes = ['#/apercu', '#/importer', '#/rentree', '#/constats', '#/constats/*', '#/a-faire-ent', '#/exports', '#/donnees'];
  for (const hash of [...routes, ...LINK_FILTERS.map((f) => `#/liens/${f}`)]) {
    await open(page, hash);
    expect(await axeViolations(page), hash).toEqual([]);
  }

  // « Revenir sur cette décision » stays inside its table cell.
  await open(page, '#/liens/confirmes');
  const cell = page.locator('.vtable-cell', { has: page.getByRole('button', { name: 'Revenir sur cette décision' }) }).first();
  const [c, b] = [await cell.boundingBox(), await cell.getByRole('button', { name: 'Revenir sur cette décision' }).boundingBox()];
  expect(b!.x + b!.width, 'undo button right edge within its cell').toBeLessThanOrEqual(c!.x + c!.width + 0.5);
  expect(b!.y + b!.height, 'undo button bottom edge within its cell').toBeLessThanOrEqual(c!.y + c!.height + 0.5);

  // A rule's list, one of its findings, a person, then a division's letters.
  await open(page, '#/constats');
  await page.locator('.rules-table tbody a').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Constats : / })).toBeVisible();
  expect(await axeViolations(page), 'rule list').toEqual([]);
  await page.locator('.vtable-body a.row-link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Comment corriger' })).toBeVisible();
  expect(await axeViolations(page), 'finding').toEqual([]);
  await page.locator('.subject-list a').first().click();
  await expect(page.locator('.side-by-side')).toBeVisible();
  expect(await axeViolations(page), 'person').toEqual([]);
});
