/**
 * The real app's plan → autofill on the ENT record page → the field holds the right PRONOTE ID.
 *
 * No hand-written plan here: the app loads its sample school (« Essayer avec l'établissement
 * d'exemple »), computes the plan and publishes it to the extension through the bridge. The Kosmos
 * replica then renders the records of accounts of that same school (/kosmos/annuaire/utilisateur,
 * from the school's ENT export), and the ground truth of core's generator says what must happen:
 * - a plain pupil account (no trap, no ID yet) → one click fills exactly its true PRONOTE ID;
 * - an account the files cannot safely link (a trap whose true answer is « leave it empty ») →
 *   nothing to fill.
 */
import type { Page, Worker } from '@playwright/test';
import { generateSchool, sampleDatesFor } from '../../../packages/core/src/sample/index.ts';
import type { SampleTruth } from '../../../packages/core/src/sample/types.ts';
import { APP, enablePortals, expect, PORTALS, test, waitForBridge } from './fixtures';

interface EntRow {
  login: string;
  nom: string;
  prenom: string;
  profil: string;
  current: string;
}

/** The sample school the app loads (dated like this week's exports, as the button does), read once. */
let school: { truth: SampleTruth; ent: Map<string, EntRow> } | undefined;
function sampleSchool(): { truth: SampleTruth; ent: Map<string, EntRow> } {
  if (school) return school;
  const { files, truth } = generateSchool(sampleDatesFor(new Date().toISOString().slice(0, 10)));
  const file = files.find((f) => f.name.startsWith('ENT-Identifiants-'));
  if (!file) throw new Error('ENT export missing from the sample school');
  const [header, ...lines] = new TextDecoder('windows-1252').decode(file.bytes).split('\r\n').filter(Boolean);
  const cols = header!.split(';');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`ENT export: no column ${name}`);
    return i;
  };
  const [login, nom, prenom, profil, current] = ['Login', 'Nom', 'Prénom', 'Profil', 'Identifiant PRONOTE'].map(at) as [number, number, number, number, number];
  const ent = new Map<string, EntRow>();
  for (const line of lines) {
    const c = line.split(';');
    ent.set(c[login]!, { login: c[login]!, nom: c[nom]!, prenom: c[prenom]!, profil: c[profil]!, current: c[current] ?? '' });
  }
  school = { truth, ent };
  return school;
}

/** Kosmos shows profiles with their accent. */
const KOSMOS_PROFILE: Record<string, string> = { Eleve: 'Elève', 'Responsable élève': 'Parent', Enseignant: 'Enseignant', Personnel: 'Personnel' };

/** The replica's record page URL of one account of the sample school, its row for the school showing the ENT's current value. */
function recordUrl(row: EntRow, uai: string): string {
  const q = new URLSearchParams({ nom: row.nom.toUpperCase(), prenom: row.prenom.toUpperCase(), profil: KOSMOS_PROFILE[row.profil] ?? row.profil, login: row.login, etat: 'Activé' });
  q.append('etab', `Lpo-jean Jaures-ac-toulouse|${uai}|${row.current}`);
  return `${PORTALS}/kosmos/annuaire/utilisateur?${q}`;
}

/** The first account (export order of the truth) meeting `ok`, with its ENT row. */
function firstAccount(ok: (a: SampleTruth['assignments'][string], row: EntRow) => boolean): EntRow & { pronoteId: string | null; trap?: string; hidden?: string } {
  const { truth, ent } = sampleSchool();
  for (const [login, a] of Object.entries(truth.assignments)) {
    const row = ent.get(login);
    if (row && ok(a, row)) return { ...row, pronoteId: a.pronoteId, trap: a.trap, hidden: a.hidden };
  }
  throw new Error('no such account in the sample school');
}

/** Logins of the plan the extension holds (its storage, read by its service worker). */
async function storedPlanHas(sw: Worker, login: string): Promise<boolean> {
  return sw.evaluate(async (l) => {
    const stored = (await chrome.storage.local.get('plan')) as { plan?: { plan: { people: { entLogins: string[] }[] } } };
    return stored.plan?.plan.people.some((p) => p.entLogins.includes(l)) ?? false;
  }, login);
}

/** Opens the app, loads the sample school, waits for the overview and for the extension to hold the app's plan. */
async function appPublishesSamplePlan(page: Page, sw: Worker, logins: string[]): Promise<void> {
  await page.goto(APP);
  await page.getByRole('button', { name: "Essayer avec l'établissement d'exemple" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible({ timeout: 120_000 });
  for (const login of logins) await expect.poll(() => storedPlanHas(sw, login), { timeout: 30_000 }).toBe(true);
}

test.beforeEach(async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
});

test('the app’s own plan: a plain pupil is filled with its true PRONOTE ID; traps fill nothing', async ({ context, sw }) => {
  test.setTimeout(240_000);
  const { truth } = sampleSchool();
  const uai = truth.school.uai;
  // A certain-safe pupil: the truth gives an ID, no trap, and the ENT carries none yet.
  const pupil = firstAccount((a, row) => a.profil === 'Eleve' && a.pronoteId !== null && !a.trap && a.current === null && row.current === '');
  // Accounts the files cannot safely link: the right answer is to leave them empty.
  const traps = (['homonym-indistinguishable', 'near-name-different-person'] as const).map((code) =>
    firstAccount((a, row) => a.trap === code && a.pronoteId === null && row.current === ''),
  );

  const app = await context.newPage();
  await appPublishesSamplePlan(app, sw, [pupil.login, ...traps.map((t) => t.login)]);

  // 1. The plain pupil: one click fills the field, « Valider » saves the true ID.
  const page = await context.newPage();
  await page.goto(recordUrl(pupil, uai));
  await expect(page.locator('td.valeur')).toHaveText('');
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('Reconnu par son identifiant ENT');
  await expect(panel).toContainText(pupil.pronoteId!);
  await panel.getByRole('button', { name: 'Remplir l’identifiant PRONOTE' }).click();
  await expect(panel).toContainText('Identifiant rempli');
  await expect(page.locator('td.valeur input')).toHaveValue(pupil.pronoteId!);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.locator('td.valeur')).toContainText('Valeur enregistrée');
  expect((await page.locator('td.valeur').innerText()).replace('Valeur enregistrée.', '').trim()).toBe(pupil.pronoteId);

  // 2. Traps (indistinguishable homonym, near-name newcomer): the panel offers no fill, the field stays empty.
  for (const trap of traps) {
    const trapPage = await context.newPage();
    await trapPage.goto(recordUrl(trap, uai));
    const trapPanel = trapPage.getByRole('complementary', { name: 'Raccord' });
    await expect(trapPanel, trap.login).toContainText(/Lien ambigu|Aucun identifiant PRONOTE attendu|Plusieurs personnes du plan|non confirmé/);
    // Two PRONOTE rows nothing tells apart: the panel lists them (the right one among them) for the admin to decide.
    if (trap.trap === 'homonym-indistinguishable') await expect(trapPanel.getByRole('list', { name: 'Candidats' }), trap.login).toContainText(trap.hidden!);
    await expect(trapPanel.getByRole('button', { name: /Remplir|Remplacer/ }), trap.login).toHaveCount(0);
    await expect(trapPage.locator('td.valeur input'), trap.login).toHaveCount(0);
    await expect(trapPage.locator('td.valeur'), trap.login).toHaveText('');
    await trapPage.close();
  }
});
