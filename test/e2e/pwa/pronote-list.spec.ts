/**
 * A PRONOTE teachers list exported with only Nom, Prénom and Identifiant PRONOTE displayed (no
 * « Profil » column, a neutral file name): the app tells it from its names among the STS-web
 * teachers given with it, says so, and the teachers get their PRONOTE IDs in the plan.
 */
import fs from 'node:fs';
import path from 'node:path';
import { downloadText, expect, openApp, test, writeSchool } from './fixtures.ts';

test('an unlabelled teachers list is told by its names, and the teachers get their PRONOTE IDs', async ({ page }) => {
  const school = writeSchool({ pupils: 60 });
  try {
    const labelled = school.files.find((f) => path.basename(f) === 'PRONOTE-professeurs.csv')!;
    const lines = fs.readFileSync(labelled, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    const header = lines[0]!.split(';');
    const keep = ['Nom', 'Prénom', 'Identifiant PRONOTE'].map((h) => header.indexOf(h));
    const rows = lines.map((l) => keep.map((i) => l.split(';')[i]));
    const ids = rows.slice(1).map((r) => r[2]!);
    const unlabelled = path.join(school.dir, 'export-pronote.txt');
    // As PRONOTE writes it: Windows-1252 (Latin-1 for these names), TAB, CRLF.
    fs.writeFileSync(unlabelled, Buffer.from(`${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`, 'latin1'));
    const files = [...school.files.filter((f) => f !== labelled), unlabelled];

    await openApp(page);
    await page.getByTestId('file-input').setInputFiles(files);
    const row = page.locator('.staged-table tr', { hasText: 'export-pronote.txt' });
    await expect(row).toContainText('PRONOTE – liste des identifiants', { timeout: 60_000 });
    await expect(row).not.toContainText('Refusé');
    await expect(row).toContainText(`${ids.length} des ${ids.length} noms sont des professeurs de STS-web, lue comme la liste des professeurs`);
    await page.getByRole('button', { name: /Enregistrer et analyser/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 90_000 });

    await page.getByRole('link', { name: 'Exports' }).click();
    const [planDl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="plan"]').getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    const plan = await downloadText(planDl);
    const inPlan = ids.filter((id) => plan.includes(`;${id};`));
    expect(ids.length).toBeGreaterThan(5);
    expect(inPlan.length).toBeGreaterThanOrEqual(Math.ceil(ids.length * 0.9));
  } finally {
    fs.rmSync(school.dir, { recursive: true, force: true });
  }
});
