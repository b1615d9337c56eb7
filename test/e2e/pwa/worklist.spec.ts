/**
 * The admin's work in the ENT, on the sample school loaded by « Essayer avec l'établissement
 * d'exemple », at 1366 px: the overview's total opens the work list that has exactly that many
 * accounts, « Copier » puts the ID in the clipboard, a mark survives a reload; every count of the
 * overview equals the list it opens (on the sample school and on two other generated schools);
 * after « Confirmer » by keyboard the focus stays in the list.
 */
import { APP, expect, importGeneratedSchool, openApp, test, unnamed, type Page } from './fixtures.ts';
import { generateSchool, sampleDatesFor, type SampleOptions } from '../../../packages/core/src/sample/index.ts';
import { readFile } from '../../../packages/core/src/formats/read.ts';
import { assembleDataset } from '../../../packages/core/src/model/dataset.ts';
import { reconcileDetailed } from '../../../packages/core/src/reconcile.ts';
import { buildPlan } from '../../../packages/core/src/export/plan.ts';
import { countEntChanges } from '../../../packages/core/src/export/worklist.ts';

test.use({ viewport: { width: 1366, height: 900 } });

const number = (text: string) => Number(text.replace(/[\s\u202f\u00a0]/g, '').match(/\d+/)![0]);

async function loadSample(page: Page) {
  await openApp(page);
  await page.getByRole('button', { name: "Essayer avec l'établissement d'exemple" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 120_000 });
}

test("« À faire dans l'ENT »: the overview's total, Copier, filters, marks kept across a reload", async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP });
  await loadSample(page);

  const total = page.getByTestId('ent-changes');
  await expect(total).toContainText("à renseigner ou corriger dans l'ENT");
  const n = number(await total.innerText());
  const detail = await total.locator('xpath=..').locator('.sub').innerText();
  const [fill, replace] = [...detail.matchAll(/(\d[\d\s\u202f]*) à (?:coller|remplacer)/g)].map((m) => number(m[1]!));
  expect(fill! + replace!).toBe(n);

  await total.click();
  await expect(page.getByRole('heading', { level: 1, name: "À faire dans l'ENT" })).toBeFocused();
  const rows = page.locator('.work-table tbody tr');
  await expect(rows).toHaveCount(n);
  await expect(page.getByTestId('work-shown')).toHaveText(new RegExp(`^${n.toLocaleString('fr-FR').replace(/\s/g, '\\s')} sur `));
  expect(await unnamed(page)).toEqual([]);

  // Current and expected side by side; the ID is never cut over two lines.
  const first = rows.first();
  const expectedId = (await first.locator('.id-cell code').innerText()).trim();
  expect(expectedId).toMatch(/^[A-Z0-9]{8,}$/);
  const box = await first.locator('.id-cell code').boundingBox();
  const lineHeight = await first.locator('.id-cell code').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 20);
  expect(box!.height).toBeLessThan(lineHeight * 1.6);

  // Copier: the ID in the clipboard, said in French.
  await first.getByRole('button', { name: /^Copier l'identifiant/ }).click();
  await expect(page.locator('.feedback')).toContainText(`Identifiant ${expectedId} copié`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expectedId);

  // Filters: « à remplacer » keeps exactly the accounts to replace, each with the ID the ENT carries now.
  await page.getByLabel('À faire', { exact: true }).selectOption('replace');
  await expect(rows).toHaveCount(replace!);
  await expect(rows.locator('.badge', { hasText: 'à coller' })).toHaveCount(0);
  if (replace) await expect(rows.first().locator('td').nth(4).locator('code')).not.toBeEmpty();
  await page.getByLabel('À faire', { exact: true }).selectOption('');
  await page.getByLabel('Profil', { exact: true }).selectOption('guardian');
  const guardians = await rows.count();
  expect(guardians).toBeGreaterThan(0);
  expect(guardians).toBeLessThan(n);
  await expect(rows.locator('td:nth-child(2)', { hasNotText: 'Responsable' })).toHaveCount(0);
  await page.getByLabel('Profil', { exact: true }).selectOption('');

  // Marking done: progress moves, and the mark is still there after a reload.
  const login = await first.getAttribute('data-login');
  await first.getByRole('checkbox').check();
  await expect(page.getByTestId('work-progress')).toHaveText(/^1 sur /);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: "À faire dans l'ENT" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('work-progress')).toHaveText(/^1 sur /);
  await expect(page.locator(`.work-table tr[data-login="${login}"]`).getByRole('checkbox')).toBeChecked();
  await page.getByLabel('État', { exact: true }).selectOption('done');
  await expect(rows).toHaveCount(1);
});

test('every count of the overview opens a list of exactly that many, and moves with a decision', async ({ page }) => {
  test.setTimeout(240_000);
  await loadSample(page);

  // The link counts: certain, probable, ambiguous, absent from PRONOTE…
  const categories = page.locator('a[data-category]');
  const found: Record<string, number> = {};
  for (const c of await categories.all()) found[(await c.getAttribute('data-category'))!] = Number(await c.getAttribute('data-count'));
  expect(Object.keys(found)).toEqual(expect.arrayContaining(['certain', 'probable', 'absent']));
  // People with no PRONOTE row are not « à confirmer ».
  await expect(page.locator('a[data-category="absent"]')).toContainText('absent');
  for (const [category, count] of Object.entries(found)) {
    await page.goto(`${APP}/#/apercu`);
    await page.locator(`a[data-category="${category}"]`).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Liens à décider' })).toBeVisible();
    await expect(page.getByTestId('links-shown'), category).toHaveAttribute('data-count', String(count));
  }

  // Ambiguous accounts show the person and every candidate in full.
  if (found.ambiguous) {
    await page.goto(`${APP}/#/liens/ambigus`);
    const card = page.locator('.ambiguous-card').first();
    await expect(card.locator('h3')).not.toHaveText(/^—/);
    expect(await card.locator('.candidate').count()).toBeGreaterThan(1);
    await expect(card.locator('.candidate').first().locator('code.id')).toHaveText(/^[A-Z0-9]{8,}$/);
    expect(await unnamed(page)).toEqual([]);
  }

  // The findings counts: each rule's count is the length of the list it opens.
  await page.goto(`${APP}/#/apercu`);
  const rules = page.locator('.rule-list li[data-code]');
  const counted: [string, number][] = [];
  for (const li of await rules.all()) counted.push([(await li.getAttribute('data-code'))!, number(await li.locator('.count').innerText())]);
  expect(counted.length).toBeGreaterThan(3);
  for (const [code, count] of counted) {
    await page.goto(`${APP}/#/constats/${encodeURIComponent(code)}`);
    await expect(page.locator('p.hint[aria-live]'), code).toHaveText(new RegExp(`^${count.toLocaleString('fr-FR').replace(/\s/g, '\\s')} sur `));
  }

  // A finding marked handled leaves its rule's count, and « N constats traités » opens exactly those.
  const [firstCode, firstCount] = counted[0]!;
  await page.goto(`${APP}/#/constats/${encodeURIComponent(firstCode)}`);
  await page.locator('.vtable-body a.row-link').first().click();
  await page.getByRole('button', { name: 'Marquer comme traité' }).click();
  await expect(page.locator('.feedback')).toContainText('Constat marqué comme traité');
  await page.getByRole('link', { name: "Vue d'ensemble" }).click();
  await expect(page.getByTestId('handled-count')).toHaveAttribute('data-count', '1');
  if (firstCount > 1) await expect(page.locator(`.rule-list li[data-code="${firstCode}"] .count`)).toContainText(String(firstCount - 1));
  await page.getByTestId('handled-count').click();
  await expect(page.locator('p.hint[aria-live]')).toHaveText(/^1 sur /);

  // A decision moves the figures: choosing a candidate (or confirming) changes the total to change in the ENT.
  await page.goto(`${APP}/#/apercu`);
  const before = number(await page.getByTestId('ent-changes').innerText());
  if (found.ambiguous) {
    await page.goto(`${APP}/#/liens/ambigus`);
    await page.locator('.ambiguous-card').first().locator('.candidate-choose').first().click();
    await expect(page.locator('.feedback')).toContainText('choisi');
    await page.goto(`${APP}/#/apercu`);
    await expect(page.locator('a[data-category="ambiguous"], a[data-category="confirmed"]').first()).toBeVisible();
    await expect(page.locator('a[data-category="confirmed"]')).toHaveAttribute('data-count', '1', { timeout: 60_000 });
    await expect(page.getByTestId('ent-changes')).not.toHaveText(new RegExp(`^${before}\\b`));
  }
});

test('after « Confirmer » with the keyboard, the focus goes to the next row, not to the page', async ({ page }) => {
  test.setTimeout(180_000);
  await loadSample(page);
  await page.goto(`${APP}/#/liens`);
  await expect(page.getByRole('heading', { level: 1, name: 'Liens à décider' })).toBeVisible();
  const confirm = page.locator('.vtable-body').getByRole('button', { name: /^Confirmer/ });
  const available = await confirm.count();
  expect(available).toBeGreaterThan(0);
  const firstName = await confirm.first().getAttribute('aria-label');
  await confirm.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.feedback')).toContainText('Lien confirmé');
  const focused = () =>
    page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      label: document.activeElement?.getAttribute('aria-label') ?? null,
      inList: !!document.activeElement?.closest('.vtable'),
    }));
  await expect.poll(focused).toMatchObject({ inList: true });
  if (available > 1) {
    expect((await focused()).tag).toBe('BUTTON');
    expect((await focused()).label).not.toBe(firstName);
  }
  // Still in the list once the school is reconciled again (the confirmed row leaves it).
  await expect(page.locator('.busy-line')).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(focused).toMatchObject({ inList: true });
});

test('probable links that share their evidence are confirmed at once after a preview, and undone at once', async ({ page }) => {
  test.setTimeout(180_000);
  await loadSample(page);
  const probable = number((await page.locator('a[data-category="probable"]').getAttribute('data-count'))!);
  await page.goto(`${APP}/#/liens/probables`);
  const group = page.locator('.probable-groups li').first();
  await expect(group).toBeVisible();
  const size = Number(await group.getAttribute('data-size'));
  expect(size).toBeGreaterThan(1);
  await group.getByRole('button', { name: /^Tout confirmer/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('tbody tr')).toHaveCount(size);
  expect(await unnamed(page)).toEqual([]);
  await dialog.getByRole('button', { name: /^Confirmer les/ }).click();
  await expect(page.locator('.feedback')).toContainText(`${size} liens confirmés d'un coup`);
  // The overview's figures move with the decision…
  await page.getByRole('link', { name: "Vue d'ensemble" }).click();
  await expect(page.locator('a[data-category="confirmed"]')).toHaveAttribute('data-count', String(size), { timeout: 60_000 });
  // … and back with one « Annuler ».
  await page.locator('.feedback').getByRole('button', { name: 'Annuler la dernière décision' }).click();
  await expect(page.locator('.feedback')).toContainText(`${size} décisions annulées d'un coup`);
  await expect(page.locator('a[data-category="probable"]')).toHaveAttribute('data-count', String(probable), { timeout: 60_000 });
  await expect(page.locator('a[data-category="confirmed"]')).toHaveCount(0);
});

// Other generated schools (seeds and sizes other than the sample's): the overview's counts are the
// lengths of the lists they open, and the ENT total is core's count of the plan's « À faire ».
for (const opts of [{ seed: 11, pupils: 300 }, { seed: 5, pupils: 700 }] as SampleOptions[]) {
  test(`generated school (seed ${opts.seed}, ${opts.pupils} pupils): each count of the overview equals the list it opens`, async ({ page }) => {
    test.setTimeout(300_000);
    const today = new Date().toISOString().slice(0, 10);
    const full = { ...opts, ...sampleDatesFor(today) };
    const school = generateSchool(full);
    const dataset = assembleDataset(school.files.flatMap((f) => readFile(f.name, f.bytes)));
    const { match } = reconcileDetailed(dataset, { today });
    const expectedChanges = countEntChanges(buildPlan(dataset, match)).total;
    expect(expectedChanges).toBeGreaterThan(0);

    await importGeneratedSchool(page, full);

    const total = page.getByTestId('ent-changes');
    expect(number(await total.innerText())).toBe(expectedChanges);
    await total.click();
    await expect(page.locator('.work-table tbody tr')).toHaveCount(expectedChanges);

    await page.goto(`${APP}/#/apercu`);
    const found: Record<string, number> = {};
    for (const c of await page.locator('a[data-category]').all()) found[(await c.getAttribute('data-category'))!] = Number(await c.getAttribute('data-count'));
    expect(Object.keys(found).length).toBeGreaterThan(1);
    for (const [category, count] of Object.entries(found)) {
      await page.goto(`${APP}/#/apercu`);
      await page.locator(`a[data-category="${category}"]`).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Liens à décider' })).toBeVisible();
      await expect(page.getByTestId('links-shown'), category).toHaveAttribute('data-count', String(count));
    }

    await page.goto(`${APP}/#/apercu`);
    const counted: [string, number][] = [];
    for (const li of await page.locator('.rule-list li[data-code]').all()) counted.push([(await li.getAttribute('data-code'))!, number(await li.locator('.count').innerText())]);
    expect(counted.length).toBeGreaterThan(0);
    for (const [code, count] of counted) {
      await page.goto(`${APP}/#/constats/${encodeURIComponent(code)}`);
      await expect(page.locator('p.hint[aria-live]'), code).toHaveText(new RegExp(`^${count.toLocaleString('fr-FR').replace(/\s/g, '\\s')} sur `));
    }
  });
}
