/**
 * axe on every screen of the app, with the sample school loaded by « Essayer avec l'établissement
 * d'exemple »: each route of the router (every filter of « Liens à décider », a rule's list, a
 * finding, a person), plus a decided link, whose « Revenir sur cette décision » must stay in its cell;
 * and the sample's homonymous teachers told apart (discipline, birth year) on the cards where the
 * admin chooses their PRONOTE ID.
 */
import AxeBuilder from '@axe-core/playwright';
import { APP, expect, openApp, test, type Page } from './fixtures.ts';
import { demoSchoolOptions, generateSchool } from '../../../packages/core/src/sample/index.ts';
import { readFile } from '../../../packages/core/src/formats/read.ts';

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

  // The sources say what each file holds and which date is known.
  const sources = page.locator('.source-list');
  await expect(sources).not.toContainText('aucun enregistrement');
  await expect(sources.locator('li[data-kind="siecle-nomenclature"]')).toContainText(/\d+ matières, \d+ formations \(MEF\)/);
  await expect(sources.locator('li[data-kind="siecle-communs"]')).toContainText("lu : informations sur l'établissement");
  const pronote = sources.locator('li[data-kind="pronote-ids"]').first();
  await expect(pronote).toContainText(/date d'export inconnue \(importé le \d\d\/\d\d\/\d{4}\)/);
  await expect(pronote).not.toContainText('fichier du');

  // The sample's ambiguous teachers: each card names its teacher's discipline and birth year, as STS-web has them.
  const school = generateSchool(demoSchoolOptions(new Date().toISOString().slice(0, 10)));
  const sts = school.files.find((f) => f.name.startsWith('sts_emp_'))!;
  const staff = readFile(sts.name, sts.bytes)[0]!.data.staff!;
  const teachers = school.truth.anomalies
    .filter((a) => a.code === 'match.ambiguous' && a.subjects.some((s) => s.source === 'sts'))
    .flatMap((a) => a.subjects.flatMap((s, i) => (s.source === 'sts' ? [{ staff: staff.find((p) => p.id === s.id)!, login: a.subjects.slice(i).find((x) => x.source === 'ent')!.id }] : [])));
  expect(teachers.length, 'homonymous teachers in the sample').toBeGreaterThanOrEqual(2);
  await open(page, '#/liens/ambigus');
  const titles = new Set<string>();
  for (const t of teachers) {
    const title = page.locator(`.ambiguous-card[data-login="${t.login}"] h3`);
    await expect(title).toContainText(t.staff.disciplines[0]!.label!);
    await expect(title).toContainText(`né(e) en ${t.staff.birthDate!.slice(0, 4)}`);
    titles.add(await title.innerText());
  }
  expect(titles.size, 'the cards of homonymous teachers have different titles').toBe(teachers.length);

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

  // « Courriers des identifiants » for all divisions: the page count is said, and nothing is laid out, before the admin asks.
  await open(page, '#/courriers/eleves/');
  const big = page.getByTestId('letters-big');
  await expect(big).toBeVisible();
  const total = Number((await big.getByRole('heading', { level: 2 }).innerText()).replace(/\D/g, ''));
  expect(total).toBeGreaterThan(300);
  await expect(page.locator('article.letter')).toHaveCount(0);
  expect(await axeViolations(page), 'letters, all divisions').toEqual([]);
  await page.getByRole('button', { name: /^Préparer les / }).click();
  await expect(page.getByTestId('letters-building')).toBeVisible();
  await expect(page.locator('article.letter')).toHaveCount(total, { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeEnabled();
  // One division: no warning, its letters at once.
  await open(page, '#/exports');
  await open(page, '#/courriers/eleves/');
  const division = big.getByRole('navigation', { name: 'Divisions' }).getByRole('link').first();
  const code = await division.innerText();
  await division.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
  await expect(page.getByTestId('letters-big')).toHaveCount(0);
  await expect(page.locator('article.letter').first()).toBeVisible();
  for (const l of await page.locator('article.letter').all()) expect(await l.getAttribute('aria-label')).toMatch(new RegExp(` – ${code}$`));
  expect(await axeViolations(page), 'letters, one division').toEqual([]);

  // A rule's list, one of its findings, a person.
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
