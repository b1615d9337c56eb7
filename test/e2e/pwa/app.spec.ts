/**
 * The admin's afternoon, end to end, on the production build: import the sample school's
 * exports through the file input, read the overview, review a finding, decide, export, and come
 * back offline to find everything as it was — without a single request to another origin.
 */
import fs from 'node:fs';
import { APP, downloadText, expect, openApp, test, writeSchool } from './fixtures.ts';

test.describe.configure({ mode: 'serial' });

test('import, overview, review, decide, export, then offline', async ({ page, context, requests }) => {
  test.setTimeout(180_000);
  const school = writeSchool();
  try {
    await openApp(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Importer les exports' })).toBeVisible();

    // Import through the file input.
    await page.getByTestId('file-input').setInputFiles(school.files);
    const staged = page.locator('.staged-table');
    await expect(staged).toBeVisible({ timeout: 60_000 });
    await expect(staged.locator('tr[data-kind="siecle-eleves"]').first()).toContainText('SIECLE – élèves');
    await expect(staged.locator('tr[data-kind="sts-emp"]')).toContainText('0310040A');
    await expect(staged.locator('tr[data-kind="ent-accounts"]')).toContainText('comptes ENT');
    // The zip holds the same ElevesSansAdresses.xml: read once, said so.
    await expect(staged.locator('.warnings').first()).toContainText(/avertissement/);
    await page.getByRole('button', { name: /Enregistrer et analyser/ }).click();

    // Overview.
    await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 90_000 });
    await expect(page.locator('.source-list')).toContainText('export SIECLE – élèves du 12/09/2025, il y a');
    await expect(page.locator('.source-list')).toContainText('ResponsablesAvecAdresses.xml');
    await expect(page.getByTestId('new-findings')).toContainText('Premier import');
    await expect(page.locator('.severity-error')).toContainText('Fiche élève bloquante dans SIECLE');

    // Review: the rule's list, then one finding.
    await page.getByRole('link', { name: 'Fiche élève bloquante dans SIECLE' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Constats : Fiche élève bloquante/ })).toBeVisible();
    const rows = page.locator('.vtable-body [role="row"]');
    await expect(rows.first()).toBeVisible();
    await page.getByTestId('filter').fill('zzzz-personne');
    await expect(page.getByText('Aucun constat ne correspond au filtre.')).toBeVisible();
    await page.getByTestId('filter').fill('');
    const first = rows.first().locator('a.row-link');
    const subject = (await first.innerText()).trim();
    await first.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Comment corriger' })).toBeVisible();
    await expect(page.locator('.fix')).not.toBeEmpty();

    // Decide: handled, undo, handled again.
    await page.getByRole('button', { name: 'Marquer comme traité' }).click();
    await expect(page.locator('.feedback')).toContainText('Constat marqué comme traité');
    await expect(page.locator('.finding-page .badge').filter({ hasText: 'Traité' })).toBeVisible();
    await page.locator('.feedback').getByRole('button', { name: 'Annuler la dernière décision' }).click();
    await expect(page.locator('.finding-page .badge').filter({ hasText: 'À traiter' })).toBeVisible();
    await page.getByRole('button', { name: 'Marquer comme traité' }).click();
    await expect(page.locator('.finding-page .badge').filter({ hasText: 'Traité' })).toBeVisible();
    const findingUrl = page.url();

    // The person page from the finding: the person in each source side by side.
    await page.locator('.subject-list a').first().click();
    await expect(page.locator('.side-by-side')).toBeVisible();
    await expect(page.locator('.source-col.source-siecle')).toContainText('ELEVE_ID');

    // Decide a probable link.
    await page.getByRole('link', { name: 'Liens à décider' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Liens à décider' })).toBeVisible();
    await page.getByTestId('links-show').selectOption('probable');
    await page.locator('.vtable-body').getByRole('button', { name: /^Confirmer/ }).first().click();
    await expect(page.locator('.feedback')).toContainText('Lien confirmé');
    await page.getByTestId('links-show').selectOption('decided');
    await expect(page.locator('.decided-list li').first()).toContainText('Confirmé');

    // Export: the findings CSV and the pupils' mail merge.
    await page.getByRole('link', { name: 'Exports' }).click();
    const [findingsDl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="findings"]').getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    expect(findingsDl.suggestedFilename()).toMatch(/^constats-0310040A-\d{4}-\d{2}-\d{2}\.csv$/);
    const findingsCsv = await downloadText(findingsDl);
    expect(findingsCsv.charCodeAt(0)).toBe(0xfeff);
    expect(findingsCsv).toContain('Code;Gravité;Problème');
    expect(findingsCsv).toContain('siecle.pupil-incomplete');

    const [mailDl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="mailmerge-pupils"]').getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    const mail = await downloadText(mailDl);
    expect(mail.split('\r\n')[0]).toBe('\ufeffClasse;Nom;Prénom;Identifiant;Mot de passe;Code d\'activation');
    expect(mail).not.toContain('{SHA}');
    expect(mail.split('\r\n').length).toBeGreaterThan(1000);

    // Offline, reload: everything is still there.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible({ timeout: 30_000 });
    await page.goto(`${APP}/#/apercu`);
    await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.source-list')).toContainText('ElevesSansAdresses.xml');
    await page.goto(findingUrl);
    await expect(page.locator('.finding-page .badge').filter({ hasText: 'Traité' })).toBeVisible();
    await expect(page.locator('.finding-page h1')).toContainText(subject.split(' · ')[0]!.trim());
    await page.getByRole('link', { name: 'Liens à décider' }).click();
    await page.getByTestId('links-show').selectOption('decided');
    await expect(page.locator('.decided-list li').first()).toContainText('Confirmé');
    // The worker works offline too: an export still downloads.
    await page.getByRole('link', { name: 'Exports' }).click();
    const [planDl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="plan"]').getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    const plan = await downloadText(planDl);
    expect(plan).toContain('Login ENT;Nom;Prénom;Profil;Classe;Identifiant PRONOTE attendu');
    // The link confirmed before going offline is in the plan.
    expect(plan).toContain("confirmé par l'administrateur");
    await context.setOffline(false);
  } finally {
    fs.rmSync(school.dir, { recursive: true, force: true });
  }
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.every((u) => u.startsWith(APP) || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);
});
