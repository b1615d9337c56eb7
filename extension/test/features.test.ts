/**
 * The features on the replica pages, through the feature manager, with WXT's fake browser
 * (storage) and the replicas' own scripts (Kosmos inline editor, Open ENT NG SPA).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FEATURES } from '../features';
import { startFeatures } from '../features/manager';
import { savePlan } from '../lib/plan-store';
import { designationsItem } from '../lib/storage';
import { clearDirectoryCache } from '../features/entng-ids/directory';
import { ENTNG_STRUCTURE, loadEntng, loadReplica, ORIGIN, replicaPlan, runReplicaScript, stubPortalFetch } from './helpers';

const host = { onInvalidated: () => undefined, log: (w: string, e: unknown) => console.error(w, e) };
let stop: (() => void) | undefined;

async function run(): Promise<void> {
  const m = startFeatures(FEATURES, host);
  stop = m.stop;
  await m.runNow();
}

const panel = () => document.querySelector('[data-raccord="panel"]')?.shadowRoot?.querySelector('aside') ?? null;
const panelText = () => panel()?.textContent ?? '';
const button = (label: string | RegExp) =>
  Array.from(panel()?.querySelectorAll('button') ?? []).find((b) => (typeof label === 'string' ? b.textContent === label : label.test(b.textContent ?? ''))) ?? null;

beforeEach(async () => {
  fakeBrowser.reset();
  clearDirectoryCache();
  await savePlan(replicaPlan(), 7);
});
afterEach(() => {
  stop?.();
  vi.unstubAllGlobals();
});

describe('autofill (Kosmos record)', () => {
  it('fills the row with click, focus, native setter, input and change: the page’s model saves the right ID', async () => {
    loadReplica('/kosmos/fiche-martin.html');
    runReplicaScript('kosmos/kosmos.js');
    const events: string[] = [];
    document.addEventListener('input', () => events.push('input'), true);
    document.addEventListener('change', () => events.push('change'), true);
    document.addEventListener('focusin', () => events.push('focus'), true);
    await run();
    expect(panelText()).toContain('WEPYH43KJ2FZT9AS');
    expect(panelText()).toContain('Reconnu par son identifiant ENT');
    button('Remplir l’identifiant PRONOTE')!.click();
    await vi.waitFor(() => expect(panelText()).toContain('Identifiant rempli'));
    const input = document.querySelector<HTMLInputElement>('td.valeur input')!;
    expect(input.value).toBe('WEPYH43KJ2FZT9AS');
    expect(events.filter((e) => e !== 'focus')).toEqual(['input', 'change']);
    expect(events).toContain('focus');
    // The replica saves what its model learnt from the events.
    document.querySelector<HTMLButtonElement>('button.valider')!.click();
    expect(document.querySelector('td.valeur')!.textContent).toContain('WEPYH43KJ2FZT9AS');
  });

  it('ambiguous: candidates listed, no fill action, the field untouched', async () => {
    loadReplica('/kosmos/fiche-durand.html');
    await run();
    expect(panelText()).toContain('Lien ambigu');
    expect(panel()!.querySelector('ul[aria-label="Candidats"]')!.textContent).toContain('K7M2Q9XR4TZP8LBD');
    expect(button(/Remplir|Remplacer/)).toBeNull();
    expect(document.querySelector('td.valeur')!.textContent).toBe('');
  });

  it('conflict: « Remplacer… » only asks; the value changes after « Confirmer le remplacement »', async () => {
    loadReplica('/kosmos/fiche-petit.html');
    runReplicaScript('kosmos/kosmos.js');
    await run();
    expect(panelText()).toContain('autre identifiant (X9X9X9X9X9X9X9X9)');
    button('Remplacer…')!.click();
    await vi.waitFor(() => expect(button('Confirmer le remplacement')).not.toBeNull());
    expect(document.querySelector('td.valeur')!.textContent).toBe('X9X9X9X9X9X9X9X9');
    button('Confirmer le remplacement')!.click();
    await vi.waitFor(() => expect(document.querySelector<HTMLInputElement>('td.valeur input')?.value).toBe('R5T8Y2U4I6O9P1AZ'));
  });

  it('the page changed under the panel (someone typed an ID meanwhile): the click fills nothing', async () => {
    loadReplica('/kosmos/fiche-martin.html');
    await run();
    const fill = button('Remplir l’identifiant PRONOTE')!;
    document.querySelector('td.valeur')!.textContent = 'AUTRE0000AUTRE00';
    fill.click();
    await vi.waitFor(() => expect(panelText()).toContain('La fiche a changé'));
    expect(document.querySelector('td.valeur')!.textContent).toBe('AUTRE0000AUTRE00');
  });

  it('« Désigner le champ »: the admin clicks the field once; it is remembered for this origin and filled', async () => {
    loadReplica('/kosmos/fiche-variante.html');
    await run();
    expect(panelText()).toContain('ne trouve pas le champ');
    button('Désigner le champ')!.click();
    await vi.waitFor(() => expect(panelText()).toContain('Cliquez dans le champ'));
    document.querySelector<HTMLInputElement>('#cle-vs')!.click();
    await vi.waitFor(async () => expect((await designationsItem.getValue())[ORIGIN]?.['pronote-id']).toEqual({ by: 'id', value: 'cle-vs', description: 'Clé vie scolaire (PRONOTE)' }));
    await vi.waitFor(() => expect(button('Remplir l’identifiant PRONOTE')).not.toBeNull(), { timeout: 2000 });
    button('Remplir l’identifiant PRONOTE')!.click();
    await vi.waitFor(() => expect(document.querySelector<HTMLInputElement>('#cle-vs')!.value).toBe('WEPYH43KJ2FZT9AS'));
  });

  it('without a plan: says so, fills nothing', async () => {
    fakeBrowser.reset();
    loadReplica('/kosmos/fiche-martin.html');
    await run();
    expect(panelText()).toContain('Aucun plan reçu');
    expect(button(/Remplir/)).toBeNull();
  });
});

describe('highlight', () => {
  const marks = () => Array.from(document.querySelectorAll<HTMLElement>('mark[data-raccord="mark"]'));

  it('SIECLE list: the four flagged pupils, each with its reason as accessible name', async () => {
    loadReplica('/siecle/fiches-eleves.html');
    await run();
    expect(marks().map((m) => m.closest('tr')!.firstElementChild!.textContent!.replace(/[!▲i]$/, ''))).toEqual(['DURAND', 'DURAND', 'GARCIA', 'PETIT']);
    const petit = marks()[3]!;
    expect(petit.getAttribute('role')).toBe('img');
    expect(petit.getAttribute('aria-label')).toContain('Fiche bloquante');
    expect(petit.tabIndex).toBe(0);
    petit.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(document.querySelector('[role="tooltip"]')!.textContent).toContain('INE manquant');
  });

  it('runs again on DOM changes without piling marks up', async () => {
    loadReplica('/siecle/fiches-eleves.html');
    await run();
    const tbody = document.querySelector('tbody')!;
    tbody.append(tbody.firstElementChild!.cloneNode(true));
    await vi.waitFor(() => expect(marks()).toHaveLength(5));
    await new Promise((r) => setTimeout(r, 120));
    expect(marks()).toHaveLength(5);
  });

  it('STS-web groups: invalid and unknown names', async () => {
    loadReplica('/sts/structure.html');
    await run();
    expect(marks().map((m) => m.getAttribute('aria-label'))).toEqual([expect.stringContaining('invalide'), expect.stringContaining('inconnu')]);
  });

  it('Open ENT NG list: missing / different IDPN from the directory JSON, orphan from the plan', async () => {
    const seen = stubPortalFetch();
    await loadEntng(`/admin/${ENTNG_STRUCTURE}/users/list/filter`, 'li.lct-list-item');
    await run();
    const byName = (n: string) => Array.from(document.querySelectorAll('li.lct-list-item')).find((li) => li.textContent!.includes(n))!.querySelector('mark')?.getAttribute('aria-label') ?? '';
    expect(byName('MARTIN Claire')).toContain('Identifiant PRONOTE manquant dans l\'ENT (attendu : WEPYH43KJ2FZT9AS)');
    expect(byName('PETIT Emma')).toContain("l'ENT porte X9X9X9X9X9X9X9X9, PRONOTE attend R5T8Y2U4I6O9P1AZ");
    expect(byName('ANCIEN Léa')).toContain('Compte orphelin');
    expect(byName('MOREAU Paul')).toBe('');
    expect(byName('LEROY Inès')).toContain('manquant');
    // Only the portal's own origin was asked.
    expect(seen.urls.every((u) => u.startsWith(ORIGIN))).toBe(true);
  });

  it('no plan, no marks', async () => {
    fakeBrowser.reset();
    loadReplica('/siecle/fiches-eleves.html');
    await run();
    expect(marks()).toHaveLength(0);
  });
});

describe('Open ENT NG record: read-only panel', () => {
  it('different IDPN: expected vs current, and the fix', async () => {
    stubPortalFetch();
    await loadEntng(`/admin/${ENTNG_STRUCTURE}/users/list/u-petit/details`, '.panel-header');
    await run();
    await vi.waitFor(() => expect(panelText()).toContain('R5T8Y2U4I6O9P1AZ'));
    expect(panelText()).toContain('X9X9X9X9X9X9X9X9');
    expect(panelText()).toContain('relancez l’import');
    expect(button(/Remplir/)).toBeNull();
  });

  it('the expected ID already held by another account: the fix is the duplicate first', async () => {
    stubPortalFetch();
    const original = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string) => {
      const res = await original(input);
      if (!String(input).includes('/directory/users?')) return res;
      const users = (await res.json()) as { id: string; IDPN: string | null }[];
      return new Response(JSON.stringify(users.map((u) => (u.id === 'u-ancien' ? { ...u, IDPN: '0310040A$WEPYH43KJ2FZT9AS' } : u))));
    });
    await loadEntng(`/admin/${ENTNG_STRUCTURE}/users/list/u-martin/details`, '.panel-header');
    await run();
    await vi.waitFor(() => expect(panelText()).toContain('Un autre compte (ANCIEN Léa, lea.ancien) porte déjà cet identifiant'));
  });
});
