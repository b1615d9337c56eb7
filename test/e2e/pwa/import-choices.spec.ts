/**
 * The import's choices (issue 13), in real Chromium on generated schools: an unclassified PRONOTE
 * list is the admin's choice before the analysis; the confirmation says what became of every
 * file; another school's batch is stopped until forced; a PDF or a meeting note is « pas un
 * export » with the exports expected; the ENT « personnes en charge » setting is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, openApp, test, writeSchool, type Page } from './fixtures.ts';

async function axeClean(page: Page): Promise<void> {
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const commitButton = (page: Page) => page.getByRole('button', { name: /Enregistrer et analyser/ });

/** Gives the files and analyses them, as an admin with nothing to decide would. */
async function importAndAnalyse(page: Page, files: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.locator('.staged-table')).toBeVisible({ timeout: 60_000 });
  await commitButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 90_000 });
}

test('an unclassified list is set aside by the admin, and the confirmation names every file', async ({ page }) => {
  test.setTimeout(120_000);
  const school = writeSchool({ pupils: 60 });
  const list = path.join(school.dir, 'liste.txt');
  fs.writeFileSync(list, 'Nom\tPrénom\tIdentifiant PRONOTE\r\nBLANC\tPaul\tS1\r\nNOIR\tJeanne\tS2\r\n');
  try {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles([...school.files, list]);
    const row = page.locator('.staged-table tr', { hasText: 'liste.txt' });
    await expect(row).toContainText('Colonnes à indiquer', { timeout: 60_000 });
    // Not the silent path: the analysis waits for the admin's choice, said in full.
    await expect(commitButton(page)).toBeDisabled();
    await expect(page.getByTestId('undecided-lists')).toContainText('« Indiquer la liste » ou « Analyser sans cette liste »');
    await expect(row).toContainText("les professeurs n'auront pas d'identifiant PRONOTE");
    await expect(row.getByRole('button', { name: 'Indiquer la liste' })).toBeVisible();
    await axeClean(page);
    await row.getByRole('button', { name: 'Analyser sans cette liste' }).click();
    await expect(row).toContainText('Laissée de côté, à votre demande');
    await expect(row.getByRole('button', { name: 'Indiquer la liste' })).toHaveCount(0);
    await expect(page.getByTestId('undecided-lists')).toHaveCount(0);

    const staged = await page.locator('.staged-table tbody tr').count();
    await commitButton(page).click();
    await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 90_000 });
    const toast = page.locator('.feedback');
    await expect(toast).toContainText(/Import enregistré : \d+ fichiers enregistrés, 1 copie comptée une fois, 2 fichiers non enregistrés\./);
    await toast.getByRole('button', { name: 'Voir le détail' }).click();

    const report = page.getByTestId('import-report');
    await expect(report).toBeVisible();
    await expect(report.locator('li')).toHaveCount(staged);
    await expect(report).toContainText("« ExportXML_ElevesSansAdresses.zip/ElevesSansAdresses.xml » : compté une fois, c'est une copie de « ElevesSansAdresses.xml ».");
    await expect(report).toContainText('« EDT_To_KOSMOS_0310040A.xml » : non enregistré, export chiffré');
    await expect(report).toContainText('« liste.txt » : laissé de côté à votre demande');
    await expect(report).toContainText('« sts_emp_0310040A_');
    await axeClean(page);
  } finally {
    fs.rmSync(school.dir, { recursive: true, force: true });
  }
});

test("another school's batch on top of the stored one is stopped, and can be forced explicitly", async ({ page }) => {
  test.setTimeout(150_000);
  const ours = writeSchool({ pupils: 60 });
  const theirs = writeSchool({ pupils: 60, seed: 9, uai: '0999999Z' });
  try {
    await openApp(page);
    await importAndAnalyse(page, ours.files);
    const sources = await page.locator('.source-list').innerText();

    await page.getByRole('link', { name: 'Importer', exact: true }).click();
    await page.getByTestId('file-input').setInputFiles(theirs.files);
    const stop = page.getByTestId('import-stopped');
    await expect(stop).toBeVisible({ timeout: 60_000 });
    await expect(stop).toContainText(/\d+ fichiers refusés pour \d+ fichiers acceptés/);
    await expect(stop).toContainText("C'est probablement la liste d'un autre établissement.");
    await expect(stop).toContainText('exportez une sauvegarde puis effacez les données');
    await expect(commitButton(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Enregistrer quand même' })).toBeEnabled();
    await axeClean(page);
    await page.getByRole('button', { name: 'Tout retirer' }).click();
    await page.getByRole('link', { name: "Vue d'ensemble" }).click();
    expect(await page.locator('.source-list').innerText()).toBe(sources);

    // Forced explicitly: the accepted lists go in, and the confirmation says what was refused.
    await page.getByRole('link', { name: 'Importer', exact: true }).click();
    await page.getByTestId('file-input').setInputFiles(theirs.files);
    await page.getByRole('button', { name: 'Enregistrer quand même' }).click();
    await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 90_000 });
    await page.locator('.feedback').getByRole('button', { name: 'Voir le détail' }).click();
    await expect(page.getByTestId('import-report')).toContainText("« ElevesSansAdresses.xml » : refusé. Le fichier « ElevesSansAdresses.xml » concerne l'établissement 0999999Z");
  } finally {
    fs.rmSync(ours.dir, { recursive: true, force: true });
    fs.rmSync(theirs.dir, { recursive: true, force: true });
  }
});

test('a PDF and a meeting note are « pas un export », with the exports expected and where to get them', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'raccord-notexport-'));
  const pdf = path.join(dir, 'compte-rendu.pdf');
  // A small but real PDF: header, one page object, xref and trailer.
  fs.writeFileSync(
    pdf,
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n188\n%%EOF\n',
  );
  const note = path.join(dir, 'réunion de rentrée.txt');
  fs.writeFileSync(note, "Compte rendu de la réunion de rentrée du 3 septembre\n\nPrésents : la direction, la vie scolaire et le référent numérique.\nLes comptes ENT des nouveaux élèves arriveront 48 à 72 heures après la remontée SIECLE.\n");
  try {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles([pdf, note]);
    for (const [name, what] of [['compte-rendu.pdf', "c'est un document PDF"], ['réunion de rentrée.txt', "c'est un texte rédigé"]] as const) {
      const row = page.locator('.staged-table tr', { hasText: name });
      await expect(row).toContainText("Ce n'est pas un export", { timeout: 30_000 });
      await expect(row).toContainText(what);
      await expect(row).not.toContainText('%PDF-1.4');
      await expect(row.getByRole('button', { name: 'Indiquer les colonnes' })).toHaveCount(0);
    }
    const expected = page.getByTestId('expected-exports');
    await expect(expected).toContainText('SIECLE Base élèves : Exportations > En XML');
    await expect(expected).toContainText('STS-web : Mise à jour > Exports > Emploi du temps');
    await expect(expected).toContainText("ENT : console d'administration");
    await expect(expected).toContainText('PRONOTE : la liste des élèves');
    await expect(commitButton(page)).toBeDisabled();
    await axeClean(page);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the ENT « personnes en charge » setting is inferred by default, chosen on « Données » and kept', async ({ page }) => {
  test.setTimeout(120_000);
  const school = writeSchool({ pupils: 40 });
  try {
    await openApp(page);
    await importAndAnalyse(page, school.files);
    await page.getByRole('link', { name: 'Données' }).click();
    const group = page.getByRole('group', { name: "L'ENT crée-t-il des comptes aux personnes en charge ?" });
    await expect(group.getByRole('radio', { name: /^Déduit de l'export ENT \(par défaut\) : / })).toBeChecked();
    await group.getByRole('radio', { name: 'Non, l’ENT ne leur crée pas de compte' }).check();
    await expect(page.locator('.feedback')).toContainText('Réglage enregistré');
    await page.reload();
    await expect(page.getByRole('group', { name: "L'ENT crée-t-il des comptes aux personnes en charge ?" }).getByRole('radio', { name: 'Non, l’ENT ne leur crée pas de compte' })).toBeChecked();
  } finally {
    fs.rmSync(school.dir, { recursive: true, force: true });
  }
});
