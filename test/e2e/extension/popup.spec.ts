/**
 * The popup and options as a new admin meets them, on the app's sample school:
 * - before any plan, the popup says what really happens (the app sends the plan by itself);
 * - the app's header says the extension is connected, then when the plan was sent;
 * - the popup names the plan's school and date, and gives each account one state — à coller,
 *   à remplacer (current vs expected), déjà bon, absent de PRONOTE, à décider dans Raccord — with
 *   « Copier » only where pasting is right; the expected states come from core's ground truth;
 * - the options page shows the retention set in the app, without an input of its own;
 * - the app's page (and an enabled portal's) logs no storage error from the extension; the
 *   manifest has its icons.
 */
import type { ConsoleMessage, Page, Worker } from '@playwright/test';
import { generateSchool, sampleDatesFor } from '../../../packages/core/src/sample/index.ts';
import type { SampleTruth } from '../../../packages/core/src/sample/types.ts';
import { APP, enablePortals, expect, PORTALS, registered, test, waitForBridge } from './fixtures';

type Truth = SampleTruth['assignments'][string];
interface PlanPerson {
  entLogins: string[];
  decision?: string;
  confirmedByAdmin?: boolean;
  pronoteId?: string;
}

/** Errors the app's page logs (console and uncaught), from any script of the page, the extension's included. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function storedPeople(sw: Worker): Promise<PlanPerson[]> {
  return sw.evaluate(async () => ((await chrome.storage.local.get('plan')) as { plan?: { plan: { people: PlanPerson[] } } }).plan?.plan.people ?? []);
}

test('popup states on the sample school, the app’s extension status, one retention, no storage error, icons', async ({ context, extensionId, sw }) => {
  test.setTimeout(300_000);
  await waitForBridge(sw);
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;

  // 1. No plan yet: the popup says the app sends it by itself, and offers to open the app.
  const popup = await context.newPage();
  await popup.goto(popupUrl);
  await expect(popup.getByText('Aucun plan reçu.')).toBeVisible();
  await expect(popup.getByRole('region', { name: 'Aucun plan' })).toContainText('elle envoie d’elle-même le plan');
  await expect(popup.getByRole('region', { name: 'Aucun plan' })).toContainText(APP);
  await expect(popup.getByText(/envoyez le plan/i)).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Ouvrir l’application Raccord' })).toBeVisible();

  // 2. The app, before any import: connected, no plan sent.
  const app = await context.newPage();
  const errors = collectErrors(app);
  await app.goto(APP);
  const status = app.getByRole('status', { name: 'Extension Raccord' });
  await expect(status).toHaveText('Extension connectée — aucun plan envoyé', { timeout: 15_000 });

  // 3. The sample school: the app computes the plan and sends it by itself; the header dates it.
  await app.getByRole('button', { name: "Essayer avec l'établissement d'exemple" }).click();
  await expect(app.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 120_000 });
  await expect(status).toContainText(/^Extension connectée — plan envoyé le \d\d\/\d\d\/\d{4} à \d\d:\d\d$/, { timeout: 30_000 });
  await expect.poll(async () => (await storedPeople(sw)).length, { timeout: 30_000 }).toBeGreaterThan(100);
  const people = await storedPeople(sw);
  const personOf = (login: string) => people.find((p) => p.entLogins.includes(login));
  const sure = (p: PlanPerson | undefined) => !!p?.pronoteId && (p.decision === 'certain' || !!p.confirmedByAdmin);

  // One account per state, chosen from the generator's truth (and, for an ID, a sure link of the plan).
  const { truth } = generateSchool(sampleDatesFor(new Date().toISOString().slice(0, 10)));
  const pick = (what: string, ok: (a: Truth, p: PlanPerson | undefined) => boolean): { login: string; a: Truth } => {
    for (const [login, a] of Object.entries(truth.assignments)) {
      const p = personOf(login);
      if (p?.entLogins.length === 1 && ok(a, p)) return { login, a };
    }
    throw new Error(`aucun compte « ${what} » dans l'établissement d'exemple`);
  };
  const cases = [
    { state: 'à coller', copy: true, ...pick('à coller', (a, p) => !a.trap && a.pronoteId !== null && a.current === null && sure(p) && p!.pronoteId === a.pronoteId) },
    { state: 'à remplacer', copy: true, ...pick('à remplacer', (a, p) => !a.trap && !!a.pronoteId && !!a.current && a.current !== a.pronoteId && sure(p) && p!.pronoteId === a.pronoteId) },
    { state: 'déjà bon', copy: false, ...pick('déjà bon', (a, p) => !a.trap && !!a.pronoteId && a.current === a.pronoteId && sure(p)) },
    { state: 'absent de PRONOTE', copy: false, ...pick('absent de PRONOTE', (a) => a.trap === 'not-in-pronote') },
    { state: 'à décider dans Raccord', copy: false, ...pick('à décider', (a) => a.trap === 'homonym-indistinguishable') },
  ];

  // 4. The popup: the plan's school and reception date, then each account's state.
  await popup.reload();
  await expect(popup.locator('.plan-line')).toContainText(`(${truth.school.uai}), reçu de l’application le`);
  const search = popup.getByRole('searchbox');
  for (const c of cases) {
    await search.fill(c.login);
    const item = popup.getByRole('list', { name: 'Résultats' }).getByRole('listitem').filter({ has: popup.getByText(c.login, { exact: true }) });
    await expect(item, `${c.login} (${c.state})`).toHaveCount(1);
    await expect(item.locator('.state'), c.login).toHaveText(c.state);
    await expect(item.getByRole('button', { name: /^Copier l’identifiant PRONOTE/ }), c.login).toHaveCount(c.copy ? 1 : 0);
    if (c.copy) await expect(item.locator('.ids'), c.login).toContainText(c.a.pronoteId!);
    if (c.state === 'à remplacer') await expect(item.locator('.state-line'), c.login).toContainText(`l’ENT porte ${c.a.current}, l’identifiant attendu est ${c.a.pronoteId}`);
    if (c.state === 'déjà bon') await expect(item.locator('.state-line'), c.login).toContainText(`l’ENT porte déjà ${c.a.pronoteId}`);
    if (c.state === 'à décider dans Raccord') await expect(item.getByRole('list', { name: 'Candidats' }), c.login).toContainText(c.a.hidden!);
    // The ENT login can always be copied.
    await expect(item.getByRole('button', { name: /^Copier le login ENT/ }), c.login).toHaveCount(1);
  }
  // « à coller »: the copy gives exactly the expected ID.
  await search.fill(cases[0]!.login);
  await popup.getByRole('button', { name: /^Copier l’identifiant PRONOTE/ }).click();
  await expect(popup.getByRole('status')).toContainText(`Identifiant PRONOTE copié : ${cases[0]!.a.pronoteId}`);
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(cases[0]!.a.pronoteId);

  // 5. Options: one retention, the app's, shown and not editable here.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('Conservation du plan :')).toContainText('7 jours');
  await expect(options.getByText(/Durée réglée dans l’application Raccord/)).toBeVisible();
  await expect(options.getByRole('spinbutton')).toHaveCount(0);
  await expect(options.getByText(`(${truth.school.uai})`, { exact: false }).first()).toBeVisible();

  // 6. The app's page: no storage error from the extension's scripts (nor any other error).
  await app.reload();
  await expect(status).toContainText('Extension connectée', { timeout: 15_000 });
  await app.waitForTimeout(1000);
  expect(errors.filter((e) => /storage/i.test(e))).toEqual([]);
  expect(errors).toEqual([]);

  // …nor on a portal page the admin enabled (the portal script reads the same storage module).
  await enablePortals(context, extensionId);
  expect((await registered(sw)).map((r) => r.id)).toContain('raccord-portal');
  const portal = await context.newPage();
  const portalErrors = collectErrors(portal);
  await portal.goto(`${PORTALS}/kosmos/annuaire.html`);
  await portal.waitForTimeout(1500);
  expect(portalErrors.filter((e) => /storage/i.test(e))).toEqual([]);

  // 7. The icons of the manifest exist in the build.
  const icons = await sw.evaluate(() => chrome.runtime.getManifest().icons ?? {});
  expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
  for (const file of Object.values(icons)) {
    const png = await popup.evaluate(async (f) => {
      const bytes = new Uint8Array(await (await fetch(`/${f}`)).arrayBuffer());
      return [...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('');
    }, file);
    expect(png, file).toBe('PNG');
  }
});

test('the app says « Extension non détectée » when the extension does not answer', async ({ browser }) => {
  // A plain browser context: no extension loaded.
  const page = await browser.newPage();
  await page.goto(APP);
  await expect(page.getByRole('status', { name: 'Extension Raccord' })).toHaveText('Extension non détectée', { timeout: 15_000 });
  await page.close();
});
