/**
 * Keyboard and labels: every control on every page has a name, the page's title takes the focus
 * after a navigation, and a finding can be reviewed and decided with the keyboard alone.
 */
import fs from 'node:fs';
import { APP, expect, openApp, test, unnamed, writeSchool } from './fixtures.ts';

test('every control is named, and a finding is reviewed and decided with the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  const school = writeSchool({ pupils: 80 });
  try {
    await openApp(page);
    expect(await unnamed(page)).toEqual([]);

    // Skip link: first Tab, Enter moves to the content without changing the route.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    expect(page.url()).toBe(`${APP}/`);

    await page.getByTestId('file-input').setInputFiles(school.files);
    await expect(page.locator('.staged-table')).toBeVisible({ timeout: 60_000 });
    expect(await unnamed(page)).toEqual([]);
    await page.getByRole('button', { name: /Enregistrer et analyser/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeFocused({ timeout: 60_000 });

    for (const hash of ['#/apercu', '#/constats', '#/constats/*', '#/liens', '#/exports', '#/donnees']) {
      await page.goto(`${APP}/${hash}`);
      await expect(page.locator('h1')).toBeVisible();
      expect(await unnamed(page), hash).toEqual([]);
    }

    // Keyboard only: from the rules to a finding, then « Marquer comme traité ».
    await page.goto(`${APP}/#/constats`);
    const firstRule = page.locator('.rules-table tbody a').first();
    await firstRule.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /^Constats : / })).toBeFocused();
    const firstFinding = page.locator('.vtable-body a.row-link').first();
    await firstFinding.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Comment corriger' })).toBeVisible();
    await expect(page.locator('h1')).toBeFocused();
    expect(await unnamed(page)).toEqual([]);
    const handled = page.getByRole('button', { name: 'Marquer comme traité' });
    await handled.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.feedback')).toContainText('Constat marqué comme traité');
    // « Ignorer… » asks for a reason, in French, before anything is stored.
    await page.getByRole('button', { name: 'Ignorer…' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Raison (obligatoire pour ignorer)')).toBeFocused();
    await page.keyboard.press('Enter'); // a new line in the text area, not a submit
    await page.getByRole('button', { name: 'Ignorer ce constat' }).click();
    await expect(page.locator('.field-error')).toContainText('Indiquez pourquoi');

    // The person page and the list of links are named too.
    await page.locator('.subject-list a').first().click();
    await expect(page.locator('.side-by-side')).toBeVisible();
    expect(await unnamed(page)).toEqual([]);
  } finally {
    fs.rmSync(school.dir, { recursive: true, force: true });
  }
});
