/**
 * A guardian entered twice in SIECLE (one accent apart): two ENT accounts, one PRONOTE ID. Seed 001
 * (« Pas d'identifiants PRONOTE (5/5) ») says « affecter le même identifiant aux deux comptes », and
 * core's checks say the same. With the app's own plan of its sample school, on the Kosmos replica's
 * record of each account: the panel explains, one click confirms, and each account saves the one
 * true ID of core's ground truth. Two different guardians under one name are never filled.
 */
import { enablePortals, expect, KOSMOS_RECORD_VARIANTS, test, waitForBridge } from './fixtures';
import { appPublishesSamplePlan, firstAccount, recordUrl, sampleSchool, type EntRow } from './sample-school';

test.beforeEach(async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
});

/** A guardian of the sample school with two SIECLE records and two ENT accounts, neither carrying the ID yet. */
function duplicateGuardian(): { accounts: EntRow[]; pronoteId: string } {
  const { truth, ent } = sampleSchool();
  for (const human of truth.people.list) {
    if (human.kind !== 'guardian' || human.siecle.length < 2 || human.ent.length !== 2 || !human.pronote) continue;
    const accounts = human.ent.map((l) => ent.get(l));
    if (accounts.every((a) => a && a.current === '') && human.ent.every((l) => truth.assignments[l]?.pronoteId === human.pronote))
      return { accounts: accounts as EntRow[], pronoteId: human.pronote };
  }
  throw new Error('no duplicate guardian in the sample school');
}

test('both accounts of a guardian entered twice in SIECLE: the explanation, one confirmation each, the same true ID saved', async ({ context, sw }) => {
  test.setTimeout(400_000);
  const { truth } = sampleSchool();
  const { accounts, pronoteId } = duplicateGuardian();
  const app = await context.newPage();
  await appPublishesSamplePlan(app, sw, accounts.map((a) => a.login));

  // On every markup variant of the record (a fresh replica page each time: nothing is saved between loads).
  for (const { id: variant } of KOSMOS_RECORD_VARIANTS) {
    for (const account of accounts) {
      const what = `${variant}: ${account.login}`;
      const page = await context.newPage();
      await page.goto(`${recordUrl(account, truth.school.uai)}&variante=${variant}`);
      // The « Modifier la valeur » row's value: a table cell, or a list item's span (« dl »).
      const slot = page.locator('.valeur');
      const panel = page.getByRole('complementary', { name: 'Raccord' });
      await expect(panel, what).toContainText('Ce responsable a deux fiches dans SIECLE');
      await expect(panel, what).toContainText('même identifiant PRONOTE sur les deux comptes, comme le prévoit la procédure');
      for (const a of accounts) await expect(panel, what).toContainText(a.login);
      await expect(panel, what).not.toContainText('plusieurs personnes');
      await expect(panel, what).toContainText(pronoteId);
      // One confirmation: the only fill button says it is the same person.
      await expect(panel.getByRole('button', { name: /remplir/i }), what).toHaveCount(1);
      await panel.getByRole('button', { name: 'Même personne, même identifiant : remplir' }).click();
      await expect(panel, what).toContainText('Identifiant rempli');
      await expect(slot.locator('input'), what).toHaveValue(pronoteId);
      await page.getByRole('button', { name: 'Valider' }).click();
      await expect(slot, what).toContainText('Valeur enregistrée');
      expect((await slot.innerText()).replace('Valeur enregistrée.', '').trim(), what).toBe(pronoteId);
      await page.close();
    }
  }
});

test('two different guardians under one name: never taken for one person; each keeps its own ID', async ({ context, sw }) => {
  test.setTimeout(240_000);
  const { truth } = sampleSchool();
  const namesakes = truth.traps.filter((t) => t.code === 'same-name-guardian').flatMap((t) => t.subjects.map((s) => s.id));
  const account = firstAccount((a, row) => a.person.source === 'siecle' && namesakes.includes(a.person.id));
  const app = await context.newPage();
  await appPublishesSamplePlan(app, sw, [account.login]);
  const page = await context.newPage();
  await page.goto(recordUrl(account, truth.school.uai));
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText(/Reconnu|Lien|Plusieurs personnes|ne trouve pas/);
  await expect(panel).not.toContainText('Même personne, même identifiant');
  // Whatever the plan knows of this guardian, a fill (if any) writes this guardian's own true ID, never the namesake's.
  const fill = panel.getByRole('button', { name: /remplir/i });
  // The sample's namesakes already carry their own true ID: the panel says it is the right one.
  if (account.current && account.current === account.pronoteId) await expect(panel).toContainText('L’identifiant PRONOTE est déjà le bon.');
  if (account.pronoteId === null) await expect(fill).toHaveCount(0);
  else if (await fill.count()) {
    await fill.click();
    await expect(page.locator('td.valeur input')).toHaveValue(account.pronoteId);
  }
});
