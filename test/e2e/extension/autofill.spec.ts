/**
 * The app's plan → the Kosmos-style ENT record page → the field holds the right PRONOTE ID.
 * Ambiguous → candidates shown, nothing filled; a different existing value → flagged, replaced
 * only after confirmation. Every case runs on every markup variant of the record
 * (test/portals/render.mjs): spans + text, th/td, dt/dd, ARIA, one cell, name in the title.
 */
import type { BrowserContext } from '@playwright/test';
import { kosmosRecordPath } from '../../portals/render.mjs';
import { enablePortals, expect, KOSMOS_ANONYMOUS_RECORD, KOSMOS_RECORD_VARIANTS, openApp, PORTALS, publishPlan, recordUrl, test, waitForBridge } from './fixtures';

test.beforeEach(async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
  const app = await openApp(context);
  await publishPlan(app, sw);
});

async function open(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  return { page, panel: page.getByRole('complementary', { name: 'Raccord' }) };
}

for (const { id: variant } of KOSMOS_RECORD_VARIANTS) {
  test(`variant « ${variant} »: certain link: one click fills « Modifier la valeur », the page saves the right ID`, async ({ context }) => {
    const { page, panel } = await open(context, recordUrl('martin', variant));
    await expect(panel).toContainText('MARTIN Claire');
    await expect(panel).toContainText('WEPYH43KJ2FZT9AS');
    await expect(panel).toContainText('Reconnu par son identifiant ENT');
    await panel.getByRole('button', { name: 'Remplir l’identifiant PRONOTE' }).click();
    await expect(panel).toContainText('Identifiant rempli');
    const input = page.locator('.valeur input');
    await expect(input).toHaveValue('WEPYH43KJ2FZT9AS');
    // The page's own model learnt the value through the events: « Valider » saves it.
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.locator('.valeur')).toContainText('WEPYH43KJ2FZT9AS');
    await expect(page.locator('.valeur')).toContainText('Valeur enregistrée');
  });

  test(`variant « ${variant} »: ambiguous, different value, unconfirmed, two schools`, async ({ context }) => {
    // Ambiguous (two homonymous pupils in PRONOTE): candidates shown, nothing filled.
    const durand = await open(context, recordUrl('durand', variant));
    await expect(durand.panel).toContainText('Lien ambigu');
    await expect(durand.panel.getByRole('list', { name: 'Candidats' })).toContainText('K7M2Q9XR4TZP8LBD');
    await expect(durand.panel.getByRole('list', { name: 'Candidats' })).toContainText('H3N8V6CW2YJF5RSA');
    await expect(durand.panel.getByRole('button', { name: /Remplir/ })).toHaveCount(0);
    await expect(durand.page.locator('.valeur input')).toHaveCount(0);
    await expect(durand.page.locator('.valeur')).toHaveText('');

    // A different existing value: flagged, replaced only after confirmation.
    const petit = await open(context, recordUrl('petit', variant));
    await expect(petit.panel).toContainText('La fiche porte un autre identifiant (X9X9X9X9X9X9X9X9)');
    await expect(petit.panel.getByRole('button', { name: /Remplir/ })).toHaveCount(0);
    await petit.panel.getByRole('button', { name: 'Remplacer…' }).click();
    await expect(petit.panel).toContainText('Confirmez le remplacement de X9X9X9X9X9X9X9X9 par R5T8Y2U4I6O9P1AZ');
    await expect(petit.page.locator('.valeur')).toHaveText('X9X9X9X9X9X9X9X9');
    await petit.panel.getByRole('button', { name: 'Confirmer le remplacement' }).click();
    await expect(petit.page.locator('.valeur input')).toHaveValue('R5T8Y2U4I6O9P1AZ');

    // A probable link the admin has not confirmed: nothing to fill.
    const bernard = await open(context, recordUrl('bernard', variant));
    await expect(bernard.panel).toContainText('Lien probable, non confirmé');
    await expect(bernard.panel.getByRole('button', { name: /Remplir|Remplacer/ })).toHaveCount(0);

    // Two schools on the record: only the plan school's row is filled.
    const leroy = await open(context, recordUrl('leroy', variant));
    await expect(leroy.panel).toContainText('confirmé par l’administrateur');
    await leroy.panel.getByRole('button', { name: 'Remplir l’identifiant PRONOTE' }).click();
    // One school per table row, or per list item (variant « dl »).
    const rows = leroy.page.locator('.etablissements tr, .etablissements li');
    await expect(rows.nth(1).locator('input')).toHaveValue('L4K8J2H6G9F3D5SA');
    await expect(rows.nth(0).locator('.valeur')).toHaveText('ZZZZ1111ZZZZ1111');
  });
}

test('a « Modifier la valeur » row on a record that says nobody’s name: the panel shows, nothing is filled', async ({ context }) => {
  const { page, panel } = await open(context, `${PORTALS}/kosmos/fiche-martin.html?variante=${KOSMOS_ANONYMOUS_RECORD.id}`);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: /Remplir|Remplacer/ })).toHaveCount(0);
  await expect(page.locator('.valeur input')).toHaveCount(0);
  await expect(page.locator('.valeur')).toHaveText('');
});

/** The replica's accounts (users.json slugs): every one of them has a record in every variant. */
const SLUGS = ['martin', 'durand', 'petit', 'bernard', 'leroy', 'moreau'];
/** A person the plan does not know, on the record route of any account. */
const unknownPerson = (variant: string) =>
  `${PORTALS}/kosmos/annuaire/utilisateur?${new URLSearchParams({ nom: 'INCONNU', prenom: 'ALEXIS', profil: 'Elève', login: 'alexis.inconnu', etat: 'Activé', etab: 'Lpo-raymond Naves-ac-toulouse|0310040A|', variante: variant })}`;

// Done when (issue 10): « no page of an enabled portal with a « Modifier la valeur » slot ends without a panel ».
test('every record with a « Modifier la valeur » row, in every variant (the nameless one too) and for a person unknown to the plan, ends with the panel', async ({ context }) => {
  test.setTimeout(180_000);
  const page = await context.newPage();
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  for (const variant of [...KOSMOS_RECORD_VARIANTS.map((v) => v.id), KOSMOS_ANONYMOUS_RECORD.id]) {
    const known = SLUGS.map((slug) => `${PORTALS}${variant === KOSMOS_ANONYMOUS_RECORD.id ? `/kosmos/fiche-${slug}.html?variante=${variant}` : kosmosRecordPath(slug, variant as Parameters<typeof kosmosRecordPath>[1])}`);
    for (const url of [...known, unknownPerson(variant)]) {
      await page.goto(url);
      // The page has its slot (the precondition of the rule)…
      await expect(page.getByRole('link', { name: 'Modifier la valeur' }).first(), url).toBeVisible();
      // …and the panel is there once the page has settled, saying something.
      await page.waitForLoadState('networkidle');
      await expect(panel, url).toBeVisible();
      await expect(panel, url).not.toHaveText('');
      // Whose record it is unknown: the panel offers to choose the person, never to fill.
      if (url === unknownPerson(variant) || variant === KOSMOS_ANONYMOUS_RECORD.id) {
        await expect(panel.getByRole('button', { name: 'Choisir la personne' }), url).toBeVisible();
        await expect(panel.getByRole('button', { name: /Remplir|Remplacer/ }), url).toHaveCount(0);
      }
    }
  }
});

test('« Désigner le champ »: pointed at once, remembered for the host', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${PORTALS}/kosmos/fiche-variante.html`);
  const panel = page.getByRole('complementary', { name: 'Raccord' });
  await expect(panel).toContainText('ne trouve pas le champ');
  await panel.getByRole('button', { name: 'Désigner le champ' }).click();
  await page.locator('#cle-vs').click();
  await expect(panel.getByRole('button', { name: 'Remplir l’identifiant PRONOTE' })).toBeVisible();
  await page.reload();
  await page.getByRole('complementary', { name: 'Raccord' }).getByRole('button', { name: 'Remplir l’identifiant PRONOTE' }).click();
  await expect(page.locator('#cle-vs')).toHaveValue('WEPYH43KJ2FZT9AS');
});
