/**
 * The real app's plan → autofill on the ENT record page → the field holds the right PRONOTE ID.
 *
 * No hand-written plan here: the app loads its sample school (« Essayer avec l'établissement
 * d'exemple »), computes the plan and publishes it to the extension through the bridge. The Kosmos
 * replica then renders the records of accounts of that same school (/kosmos/annuaire/utilisateur,
 * from the school's ENT export), and the ground truth of core's generator says what must happen:
 * - a plain pupil account (no trap, no ID yet) → one click fills exactly its true PRONOTE ID;
 * - an account the files cannot safely link (a trap whose true answer is « leave it empty ») →
 *   nothing to fill;
 * both on every markup variant of the record (KOSMOS_RECORD_VARIANTS, `&variante=…`), with one
 * plan computed once by the app and one tab per variant;
 * - a record the plan cannot tie to anyone (its login unknown): « Choisir la personne », a search
 *   by name in the panel, one confirmation, and the chosen pupil's true ID is in the field.
 */
import { enablePortals, expect, KOSMOS_RECORD_VARIANTS, test, waitForBridge } from './fixtures';
import { appPublishesSamplePlan, firstAccount, recordUrl, sampleSchool } from './sample-school';

test.beforeEach(async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
});

test('the app’s own plan, on every record variant: a plain pupil is filled with its true PRONOTE ID; traps fill nothing', async ({ context, sw }) => {
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

  for (const { id: variant } of KOSMOS_RECORD_VARIANTS) {
    const at = (row: Parameters<typeof recordUrl>[0]) => `${recordUrl(row, uai)}&variante=${variant}`;
    // The « Modifier la valeur » row's value: a table cell, or a list item's span (« dl »).
    const page = await context.newPage();
    const slot = page.locator('.valeur');
    const panel = page.getByRole('complementary', { name: 'Raccord' });

    // 1. The plain pupil: one click fills the field, « Valider » saves the true ID.
    await page.goto(at(pupil));
    await expect(slot, variant).toHaveText('');
    await expect(panel, variant).toContainText('Reconnu par son identifiant ENT');
    await expect(panel, variant).toContainText(pupil.pronoteId!);
    await panel.getByRole('button', { name: 'Remplir l’identifiant PRONOTE' }).click();
    await expect(panel, variant).toContainText('Identifiant rempli');
    await expect(slot.locator('input'), variant).toHaveValue(pupil.pronoteId!);
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(slot, variant).toContainText('Valeur enregistrée');
    expect((await slot.innerText()).replace('Valeur enregistrée.', '').trim(), variant).toBe(pupil.pronoteId);

    // 2. Traps (indistinguishable homonym, near-name newcomer): the panel offers no fill, the field stays empty.
    for (const trap of traps) {
      const what = `${variant}: ${trap.login}`;
      await page.goto(at(trap));
      await expect(panel, what).toContainText(/Lien ambigu|Aucun identifiant PRONOTE attendu|Absent de PRONOTE|Plusieurs personnes du plan|non confirmé/);
      // Two PRONOTE rows nothing tells apart: the panel lists them (the right one among them) for the admin to decide.
      if (trap.trap === 'homonym-indistinguishable') await expect(panel.getByRole('list', { name: 'Candidats' }), what).toContainText(trap.hidden!);
      // No fill of any kind: neither the plain one nor one « after confirmation ».
      await expect(panel.getByRole('button', { name: /remplir|remplacer/i }), what).toHaveCount(0);
      await expect(slot.locator('input'), what).toHaveCount(0);
      await expect(slot, what).toHaveText('');
    }
    await page.close();
  }
});

test('a record Raccord cannot tie to anyone: « Choisir la personne », search, one confirmation, the chosen pupil’s true ID', async ({ context, sw }) => {
  test.setTimeout(240_000);
  const { truth } = sampleSchool();
  const pupil = firstAccount((a, row) => a.profil === 'Eleve' && a.pronoteId !== null && !a.trap && a.current === null && row.current === '');
  const app = await context.newPage();
  await appPublishesSamplePlan(app, sw, [pupil.login]);

  // The same pupil's record, but under a login the plan does not know (a renamed account, say).
  const page = await context.newPage();
  await page.goto(recordUrl({ ...pupil, login: `${pupil.login}.ancien` }, truth.school.uai));
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('Raccord ne trouve pas cette personne dans le plan');
  await expect(panel.getByRole('button', { name: /remplir/i })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Choisir la personne' }).click();
  await panel.getByRole('searchbox', { name: /Rechercher dans le plan/ }).pressSequentially(`${pupil.nom} ${pupil.prenom}`);
  const result = panel.getByRole('list', { name: 'Personnes du plan' }).getByRole('button', { name: new RegExp(`${pupil.login}(,|$)`) });
  await expect(result).toHaveCount(1);
  await result.click();
  await expect(panel).toContainText('Personne choisie par vous');
  await expect(panel).toContainText(pupil.pronoteId!);
  await panel.getByRole('button', { name: 'C’est bien cette personne : remplir' }).click();
  await expect(panel).toContainText('Identifiant rempli');
  await expect(page.locator('td.valeur input')).toHaveValue(pupil.pronoteId!);

  // Another page, then back: the choice is gone with the page.
  await page.goto(recordUrl({ ...pupil, login: `${pupil.login}.ancien` }, truth.school.uai));
  await expect(panel).toContainText('Raccord ne trouve pas cette personne dans le plan');
  await expect(panel).not.toContainText('Personne choisie par vous');
});
