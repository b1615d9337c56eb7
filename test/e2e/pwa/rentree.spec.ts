/**
 * « Étapes de la rentrée » in real Chromium: on the sample school (the « Essayer… » button), the
 * statuses match what its files hold (its ground truth, and core's own reading of the same files),
 * the links open the blocking findings, the printed summary is one A4 page, axe finds nothing;
 * and last year's files are said to be last year's, on the import screen and on the steps.
 */
import AxeBuilder from '@axe-core/playwright';
import { APP, expect, importGeneratedSchool, openApp, test, writeSchool, type Page } from './fixtures.ts';
import { demoSchoolOptions, generateSchool, sampleDatesFor, type SampleOptions } from '../../../packages/core/src/sample/index.ts';
import { readFile } from '../../../packages/core/src/formats/read.ts';
import { assembleDataset } from '../../../packages/core/src/model/dataset.ts';
import { reconcileDetailed } from '../../../packages/core/src/reconcile.ts';
import { rentreeStatus, schoolYearOf, type StepStatus } from '../../../packages/core/src/rentree/index.ts';

const LABEL: Record<StepStatus, string> = { fait: 'Fait', 'a-faire': 'À faire', bloque: 'Bloqué', inconnu: 'Inconnu' };

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

async function axeViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What core reads in a generated school's files today: the statuses the screen must show. */
function expectedFor(opts: SampleOptions, today: string) {
  const school = generateSchool(opts);
  const dataset = assembleDataset(school.files.flatMap((f) => readFile(f.name, f.bytes)));
  const { result } = reconcileDetailed(dataset, { today });
  return { school, expected: rentreeStatus({ dataset, findings: result.findings, assignments: result.assignments, today }) };
}

test('the rentrée steps of the sample school: statuses, evidence, links to findings, printed summary, axe', async ({ page }) => {
  test.setTimeout(300_000);
  const today = new Date().toISOString().slice(0, 10);
  // The school the button generates today, read here by core as the admin's files.
  const { school, expected } = expectedFor(demoSchoolOptions(today), today);
  const codes = new Set(school.truth.anomalies.map((a) => a.code));

  await openApp(page);
  await page.getByRole('button', { name: "Essayer avec l'établissement d'exemple" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 180_000 });
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Étapes de la rentrée' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Étapes de la rentrée' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Étapes de la rentrée' })).toHaveAttribute('aria-current', 'page');

  const steps = page.locator('.rentree-steps > li');
  await expect(steps).toHaveCount(9);
  // What the files say, independently of the rentrée code: this year's STS-web export, the
  // injected anomalies of the truth (incomplete records, refused group names, ID conflicts).
  const truthSays: Record<string, StepStatus> = {
    bascule: school.truth.school.schoolYear >= schoolYearOf(today) ? 'fait' : 'a-faire',
    // Refused group names are SIECLE codes STS-web holds cut by EDT: STS-web groups missing from Structures.xml.
    'structure-siecle': codes.has('groups.invalid-name') ? 'a-faire' : 'fait',
    eleves: codes.has('siecle.pupil-incomplete') ? 'bloque' : 'fait',
    'services-groupes': codes.has('groups.invalid-name') ? 'bloque' : 'a-faire',
    'comptes-ent': codes.has('ent.account-missing') ? 'bloque' : 'fait',
    'identifiants-pronote': codes.has('pronote.id-conflict') ? 'bloque' : 'a-faire',
  };
  for (const [id, status] of Object.entries(truthSays)) {
    expect(expected.steps.find((s) => s.id === id)!.status, id).toBe(status);
  }
  // The screen shows, step by step, what core reads in the same files: status as text, evidence with figures.
  for (const s of expected.steps) {
    const li = page.locator(`.rentree-steps > li[data-step="${s.id}"]`);
    await expect(li, s.id).toHaveAttribute('data-status', s.status);
    await expect(li.getByRole('heading', { level: 3 })).toContainText(`${s.rank}. ${s.title}`);
    await expect(li.getByRole('heading', { level: 3 })).toContainText(LABEL[s.status]);
    await expect(li.locator('.step-evidence > li')).toHaveText(s.evidence);
    await expect(li.locator('.step-blockers a')).toHaveCount(s.blockers.length);
    if (s.status !== 'fait') await expect(li.getByRole('heading', { level: 4, name: 'Que faire' })).toBeVisible();
  }
  await expect(page.getByTestId('rentree-counts')).toHaveText(
    `${expected.counts.fait} faite${expected.counts.fait > 1 ? 's' : ''}, ${expected.counts['a-faire']} à faire, ${expected.counts.bloque} bloquée${expected.counts.bloque > 1 ? 's' : ''}, ${expected.counts.inconnu} inconnue${expected.counts.inconnu > 1 ? 's' : ''} (9 étapes).`,
  );

  // Lists without an export date are said so; no import date stands in for it.
  const dates = page.getByTestId('rentree-dates');
  await expect(dates).toContainText("4 listes sans date d'export");
  await dates.getByText(/Date de chaque fichier/).click();
  for (const name of ['PRONOTE-eleves.csv', 'PRONOTE-professeurs.csv', 'PRONOTE-responsables.txt', 'ENT-Identifiants-0310040A.A.csv']) {
    const row = dates.locator('.file-dates li', { hasText: name });
    await expect(row).toContainText("date d'export inconnue");
    await expect(row).not.toContainText(/\d\d\/\d\d\/\d{4}/);
  }
  expect(await axeViolations(page)).toEqual([]);

  // The printed summary: only it is printed, on one A4 page.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: 'Imprimer le bilan' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('rentree-print')).toBeVisible();
  await expect(page.locator('.rentree-screen')).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('rentree-print').locator('tbody tr')).toHaveCount(9);
  for (const s of expected.steps) await expect(page.getByTestId('rentree-print').locator(`tr[data-step="${s.id}"]`)).toContainText(LABEL[s.status]);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length, 'pages of the printed summary').toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // A blocking finding opens its list.
  const pupils = expected.steps.find((s) => s.id === 'eleves')!;
  const blocker = pupils.blockers.find((b) => b.code === 'siecle.pupil-incomplete')!;
  await page.locator('.rentree-steps > li[data-step="eleves"] .step-blockers').getByRole('link', { name: startsWith(blocker.title) }).click();
  await expect(page).toHaveURL(`${APP}/#/constats/siecle.pupil-incomplete`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(blocker.title);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Étapes de la rentrée' })).toBeVisible();
  const ids = expected.steps.find((s) => s.id === 'identifiants-pronote')!;
  const conflict = ids.blockers.find((b) => b.code === 'pronote.id-conflict')!;
  await page.locator('.rentree-steps > li[data-step="identifiants-pronote"] .step-blockers').getByRole('link', { name: startsWith(conflict.title) }).click();
  await expect(page).toHaveURL(`${APP}/#/constats/pronote.id-conflict`);
});

test("last year's files: said on the import screen, the bascule to do and every other step unknown", async ({ page }) => {
  test.setTimeout(180_000);
  const today = new Date().toISOString().slice(0, 10);
  const current = schoolYearOf(today);
  const last = current - 1;
  const { files } = writeSchool({ seed: 7, pupils: 150, schoolYear: last, exportDate: `${last}-11-20` });
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.locator('.staged-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('last-year-warning')).toContainText(`de l'année scolaire ${last}-${last + 1}, alors que l'année en cours est ${current}-${current + 1}`);
  await expect(page.locator('.staged-table tr', { hasText: `sts_emp_0310040A_${last}.xml` })).toContainText("l'an dernier");
  await expect(page.locator('.staged-table tr', { hasText: 'PRONOTE-eleves.csv' })).toContainText("date d'export inconnue");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /Enregistrer et analyser/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 120_000 });

  await page.goto(`${APP}/#/rentree`);
  await expect(page.getByRole('heading', { level: 1, name: 'Étapes de la rentrée' })).toBeVisible();
  await expect(page.locator('.rentree-steps > li[data-step="bascule"]')).toHaveAttribute('data-status', 'a-faire');
  for (const li of await page.locator('.rentree-steps > li').all()) {
    if ((await li.getAttribute('data-step')) === 'bascule') continue;
    await expect(li).toHaveAttribute('data-status', 'inconnu');
    await expect(li.getByRole('heading', { level: 3 })).toContainText('Inconnu');
  }
  await expect(page.getByTestId('rentree-dates')).toContainText(`de l'année scolaire ${last}-${last + 1} ; l'année en cours est ${current}-${current + 1}`);
  expect(await axeViolations(page)).toEqual([]);
});

for (const opts of [{ seed: 11, pupils: 300 }, { seed: 23, pupils: 900, anomalies: false }] as SampleOptions[]) {
  test(`other generated schools (seed ${opts.seed}, ${opts.pupils} pupils${opts.anomalies === false ? ', clean' : ''}): the screen shows what the files say`, async ({ page }) => {
    test.setTimeout(180_000);
    const today = new Date().toISOString().slice(0, 10);
    const full = { ...opts, ...sampleDatesFor(today) };
    const { expected } = expectedFor(full, today);
    if (opts.anomalies === false) {
      // A clean school: nothing blocks, the structure steps are done.
      for (const s of expected.steps) expect(s.status, s.id).not.toBe('bloque');
      expect(expected.steps.filter((s) => s.id !== 'aaf').every((s) => s.status === 'fait')).toBe(true);
    }
    await importGeneratedSchool(page, full);
    await page.goto(`${APP}/#/rentree`);
    await expect(page.getByRole('heading', { level: 1, name: 'Étapes de la rentrée' })).toBeVisible();
    for (const s of expected.steps) {
      const li = page.locator(`.rentree-steps > li[data-step="${s.id}"]`);
      await expect(li, s.id).toHaveAttribute('data-status', s.status);
      await expect(li.getByRole('heading', { level: 3 })).toContainText(LABEL[s.status]);
      await expect(li.locator('.step-evidence > li')).toHaveText(s.evidence);
      await expect(li.locator('.step-blockers a')).toHaveText(s.blockers.map((b) => startsWith(b.title)));
    }
    expect(await axeViolations(page)).toEqual([]);
  });
}
