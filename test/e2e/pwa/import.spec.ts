/**
 * Bad input gets a clear French message and nothing is lost: another school's files refused,
 * an unknown header mapped once and remembered, a paste from PRONOTE, a long import cancelled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, openApp, test, writeSchool, type Page } from './fixtures.ts';

async function importFiles(page: Page, files: string[]) {
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.locator('.staged-table')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: /Enregistrer et analyser/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 60_000 });
}

test('refuses the files of another school, in French, and keeps the data already there', async ({ page, requests }) => {
  const ours = writeSchool({ pupils: 60 });
  const theirs = writeSchool({ pupils: 30, uai: '0999999Z' });
  try {
    await openApp(page);
    await importFiles(page, ours.files);
    const sources = await page.locator('.source-list').innerText();

    await page.getByRole('link', { name: 'Importer', exact: true }).click();
    await page.getByTestId('file-input').setInputFiles(theirs.files.filter((f) => f.endsWith('.xml')));
    const row = page.locator('.staged-table tr', { hasText: 'ElevesSansAdresses.xml' });
    await expect(row).toContainText('Refusé');
    await expect(row).toContainText("concerne l'établissement 0999999Z, pas 0310040A");
    await expect(row).toContainText('Que faire :');
    await expect(row).toContainText('exportez une sauvegarde puis effacez les données');
    await expect(page.getByRole('button', { name: /Enregistrer et analyser \(0 fichier/ })).toBeDisabled();
    await page.getByRole('button', { name: 'Tout retirer' }).click();
    await expect(page.locator('.staged-table')).toHaveCount(0);

    await page.getByRole('link', { name: "Vue d'ensemble" }).click();
    expect(await page.locator('.source-list').innerText()).toBe(sources);
  } finally {
    fs.rmSync(ours.dir, { recursive: true, force: true });
    fs.rmSync(theirs.dir, { recursive: true, force: true });
  }
  expect(requests.length).toBeGreaterThan(0);
});

test('asks once for the columns of an unknown list, then remembers them', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'raccord-map-'));
  const csv = 'Code perso;Famille;Petit nom;Anniv;Groupe classe\r\nAB12CD34EF56GH78;DUPONT;Léa;01/05/2009;2NDE3\r\nZX98CV76BN54ML32;MARTIN;Tom;02/06/2009;2NDE3\r\n';
  const file = path.join(dir, 'liste-maison.csv');
  fs.writeFileSync(file, csv);
  try {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles(file);
    const row = page.locator('.staged-table tr', { hasText: 'liste-maison.csv' });
    await expect(row).toContainText('Colonnes à indiquer');
    await row.getByRole('button', { name: 'Indiquer les colonnes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Correspondance des colonnes' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: /Enregistrer la correspondance/ }).click();
    await expect(dialog.getByRole('alert')).toContainText('Indiquez au moins');
    await dialog.getByLabel('Colonne pour « Identifiant PRONOTE »').selectOption({ label: 'Code perso' });
    await dialog.getByLabel('Colonne pour « Nom »', { exact: true }).selectOption({ label: 'Famille' });
    await dialog.getByLabel('Colonne pour « Prénom »').selectOption({ label: 'Petit nom' });
    await dialog.getByLabel('Colonne pour « Date de naissance »').selectOption({ label: 'Anniv' });
    await dialog.getByLabel('Colonne pour « Classe »').selectOption({ label: 'Groupe classe' });
    await dialog.getByLabel('Profil des personnes de la liste').selectOption({ label: 'Élèves' });
    await dialog.getByRole('button', { name: /Enregistrer la correspondance/ }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toContainText('PRONOTE – liste des identifiants');
    await expect(row).toContainText('2 identifiants PRONOTE');

    // The same header again: recognised at once.
    await page.getByRole('button', { name: 'Tout retirer' }).click();
    await page.getByTestId('file-input').setInputFiles(file);
    await expect(page.locator('.staged-table tr', { hasText: 'liste-maison.csv' })).toContainText('Prêt');
    await page.getByRole('link', { name: 'Données' }).click();
    await expect(page.getByRole('heading', { name: 'Correspondances de colonnes mémorisées' })).toBeVisible();
    await expect(page.locator('.data-page')).toContainText('Code perso ; Famille ; Petit nom');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('reads a list pasted from PRONOTE', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Ajouter le texte collé' }).click();
  await expect(page.locator('.field-error')).toContainText('Le texte est vide');
  await page.getByLabel('Texte copié depuis PRONOTE').fill('Nom\tPrénom\tNé(e) le\tClasse\tIdentifiant PRONOTE\nDUPONT\tLéa\t01/05/2009\t2NDE3\tAB12CD34EF56GH78\n');
  await page.getByRole('button', { name: 'Ajouter le texte collé' }).click();
  const row = page.locator('.staged-table tr', { hasText: 'Collage PRONOTE du' });
  await expect(row).toContainText('PRONOTE – liste des identifiants');
  await expect(row).toContainText('1 identifiant PRONOTE');
});

test('cancels a long import at once, nothing stored, and goes on working', async ({ page }) => {
  const big = writeSchool();
  const small = writeSchool({ pupils: 40 });
  try {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles(big.files);
    await page.getByRole('button', { name: "Annuler l'import" }).click();
    await expect(page.locator('.feedback')).toContainText("Import annulé : rien n'a été enregistré");
    await expect(page.locator('.staged-table')).toHaveCount(0);
    await page.getByRole('link', { name: "Vue d'ensemble" }).click();
    await expect(page.getByText('Aucune donnée pour le moment')).toBeVisible();
    // A fresh worker takes the next import.
    await page.getByRole('link', { name: 'Importer', exact: true }).click();
    await importFiles(page, small.files);
    await expect(page.locator('.source-list')).toContainText('ElevesSansAdresses.xml');
  } finally {
    fs.rmSync(big.dir, { recursive: true, force: true });
    fs.rmSync(small.dir, { recursive: true, force: true });
  }
});
