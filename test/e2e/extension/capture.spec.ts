/**
 * Capture: a portal export → « Envoyer à Raccord » → the file reaches the app's import list,
 * with no save-and-reupload, through the extension's relay on the app's origin.
 */
import { ENTNG_STRUCTURE, enablePortals, expect, fromExtension, openApp, PORTALS, test, waitForBridge } from './fixtures';
import { LIST_VARIANTS } from '../../portals/render.mjs';

test.beforeEach(async ({ context, extensionId, sw }) => {
  await waitForBridge(sw);
  await enablePortals(context, extensionId);
});

const CASES = [
  { what: 'SIECLE « Exportations » zip', url: '/siecle/exportations.html', file: 'ElevesSansAdresses.zip' },
  { what: 'STS-web « Exports > Emploi du temps »', url: '/sts/exports.html', file: 'sts_emp_0310040A_2025.xml' },
  { what: 'Kosmos « Fichiers des identifiants »', url: '/kosmos/identifiants.html', file: 'ENT-Identifiants-0310040.A.csv' },
  { what: 'Open ENT NG « Exporter des comptes »', url: `/admin/${ENTNG_STRUCTURE}/imports-exports/export`, file: 'export.csv' },
];

// Every markup variant of the export screens the replicas have (`?variante=…`), the plain page first.
const RUNS = CASES.flatMap((c) => [{ ...c, variant: 'tableau', href: c.url }, ...(LIST_VARIANTS[c.url] ?? []).map((v) => ({ ...c, variant: v.id, href: `${c.url}?variante=${v.id}` }))]);

for (const c of RUNS) {
  test(`${c.what} (variant « ${c.variant} ») → the app's import list`, async ({ context }) => {
    const app = await openApp(context);
    const portal = await context.newPage();
    await portal.goto(`${PORTALS}${c.href}`);
    const send = portal.getByRole('button', { name: 'Envoyer à Raccord' }).first();
    await send.click();
    await expect(portal.getByRole('button', { name: 'Envoyé à Raccord ✓' }).first()).toBeVisible();
    // The relay posted the file to the app, on the app's origin…
    await expect.poll(async () => (await fromExtension(app)).flatMap((m) => (m.type === 'captured-files' ? (m.names ?? []) : []))).toContain(c.file);
    // …and the app lists it in its import.
    await expect(app.getByText(c.file).first()).toBeVisible({ timeout: 15_000 });
  });
}

test('no app tab open: the extension opens the app, which then receives the file', async ({ context }) => {
  const portal = await context.newPage();
  await portal.goto(`${PORTALS}/siecle/exportations.html`);
  const opened = context.waitForEvent('page', (p) => p.url().startsWith('http://localhost:4173'));
  await portal.getByRole('button', { name: 'Envoyer à Raccord' }).click();
  await expect(portal.getByRole('button', { name: /En attente de Raccord|Envoyé à Raccord/ })).toBeVisible();
  const app = await opened;
  await expect(app.getByText('ElevesSansAdresses.zip').first()).toBeVisible({ timeout: 20_000 });
});
