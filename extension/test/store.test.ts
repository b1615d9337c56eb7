/** The plan's retention, the background's origin checks, hosts and designated fields. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { handle } from '../lib/background';
import { bytesToBase64, base64ToBytes } from '../lib/bytes';
import { matchPattern, parseHostOrigin } from '../lib/hosts';
import { clampKeepDays, isBridgePlan, loadStoredPlan, savePlan } from '../lib/plan-store';
import { forgetAll, pendingItem } from '../lib/pending';
import { getSettings, planItem, updateSettings } from '../lib/storage';
import { labelOf, locatorFor, resolveLocator } from '../features/designate';
import { searchPeople } from '../ui/search';
import { loadReplica, replicaPlan } from './helpers';

beforeEach(() => fakeBrowser.reset());

describe('plan retention', () => {
  it('kept with its date, for the chosen number of days, then wiped on the next read', async () => {
    const t0 = new Date('2025-11-21T10:00:00Z');
    const stored = await savePlan(replicaPlan(), 7, t0);
    expect(stored.expiresAt).toBe('2025-11-28T10:00:00.000Z');
    expect((await loadStoredPlan(new Date('2025-11-28T09:59:00Z')))?.plan.school.uai).toBe('0310040A');
    expect(await loadStoredPlan(new Date('2025-11-28T10:00:00Z'))).toBeNull();
    expect(await planItem.getValue()).toBeNull();
  });

  it('a plan published again with another retention gets the new expiry', async () => {
    await savePlan(replicaPlan(), 7, new Date('2025-11-21T10:00:00Z'));
    await savePlan(replicaPlan(), 1, new Date('2025-11-21T11:00:00Z'));
    expect((await planItem.getValue())?.expiresAt).toBe('2025-11-22T11:00:00.000Z');
  });

  it('retention is 1‥365 days, 7 by default', () => {
    expect([clampKeepDays(0), clampKeepDays(9999), clampKeepDays('x'), clampKeepDays(14.4)]).toEqual([1, 365, 7, 14]);
  });

  it('forget wipes the plan and the files waiting for the app', async () => {
    await savePlan(replicaPlan(), 7);
    await pendingItem.setValue([{ id: '1', name: 'a.csv', base64: 'AA==', capturedAt: new Date().toISOString(), portalHost: 'x' }]);
    await forgetAll();
    expect(await planItem.getValue()).toBeNull();
    expect(await pendingItem.getValue()).toEqual([]);
  });

  it('a plan of another shape or version is refused', () => {
    expect(isBridgePlan(replicaPlan())).toBe(true);
    expect(isBridgePlan({ ...replicaPlan(), version: 2 })).toBe(false);
    expect(isBridgePlan({ ...replicaPlan(), people: [{ key: 1 }] })).toBe(false);
    expect(isBridgePlan(null)).toBe(false);
  });
});

describe('background: who may say what', () => {
  const ID = fakeBrowser.runtime.id;
  const tab = { id: 1, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1, discarded: false, autoDiscardable: true, groupId: -1, frozen: false } as unknown as Browser.tabs.Tab;
  const from = (url: string, withTab = true) => ({ id: ID, url, ...(withTab ? { tab: { ...tab, url } } : {}) });
  const publish = { type: 'bridge:from-app' as const, message: { source: 'raccord-app' as const, version: 1, type: 'publish-plan' as const, plan: replicaPlan(), keepDays: 3 } };

  it('the app’s origin may publish a plan; its retention becomes the setting', async () => {
    expect(await handle(publish, from('http://localhost:4173/#/plan'))).toEqual({ ok: true });
    expect((await planItem.getValue())?.plan.generatedAt).toBe(replicaPlan().generatedAt);
    expect((await getSettings()).keepDays).toBe(3);
  });

  it('any other origin may not (another port is another origin)', async () => {
    for (const url of ['http://localhost:4180/kosmos/annuaire.html', 'https://evil.example/', 'http://localhost:4174/']) {
      expect(await handle(publish, from(url))).toEqual({ ok: false, error: 'origine non autorisée' });
    }
    expect(await handle(publish, { ...from('http://localhost:4173/'), id: 'another-extension' })).toEqual({ ok: false, error: 'origine non autorisée' });
    expect(await planItem.getValue()).toBeNull();
  });

  it('a capture is accepted from an enabled portal origin only', async () => {
    const capture = { type: 'capture' as const, file: { name: 'x.csv', base64: bytesToBase64(new TextEncoder().encode('a;b')), portalHost: 'localhost:4180' } };
    expect(await handle(capture, from('http://localhost:4180/kosmos/identifiants.html'))).toEqual({ ok: false, error: 'origine non autorisée' });
    await updateSettings({ enabledOrigins: ['http://localhost:4180'] });
    const r = (await handle(capture, from('http://localhost:4180/kosmos/identifiants.html'))) as { ok: boolean };
    expect(r.ok).toBe(true);
    expect((await pendingItem.getValue()).map((f) => f.name)).toEqual(['x.csv']);
    // The app takes them, then acknowledges: they are forgotten.
    expect(((await handle({ type: 'bridge:take-pending' }, from('http://localhost:4173/'))) as { name: string }[]).map((f) => f.name)).toEqual(['x.csv']);
    expect(await handle({ type: 'bridge:take-pending' }, from('http://localhost:4180/'))).toEqual([]);
    await handle({ type: 'bridge:from-app', message: { source: 'raccord-app', version: 1, type: 'files-received', names: ['x.csv'] } }, from('http://localhost:4173/'));
    expect(await pendingItem.getValue()).toEqual([]);
  });

  it('settings messages only from the extension’s own pages', async () => {
    await savePlan(replicaPlan(), 7);
    expect(await handle({ type: 'forget' }, from('http://localhost:4173/'))).toBeUndefined();
    expect(await planItem.getValue()).not.toBeNull();
    expect(await handle({ type: 'forget' }, from(`chrome-extension://${ID}/options.html`))).toEqual({ ok: true });
    expect(await planItem.getValue()).toBeNull();
  });
});

describe('hosts', () => {
  it('origins the admin types', () => {
    expect(parseHostOrigin('ent.example.fr/admin/x')).toBe('https://ent.example.fr');
    expect(parseHostOrigin('https://ent.example.fr:8443/')).toBe('https://ent.example.fr:8443');
    expect(parseHostOrigin('http://localhost:4180')).toBe('http://localhost:4180');
    expect(parseHostOrigin('http://ent.example.fr')).toBeUndefined();
    expect(parseHostOrigin('javascript:alert(1)')).toBeUndefined();
    expect(parseHostOrigin('')).toBeUndefined();
  });

  it('match patterns: with the port for Chrome, without for Firefox', () => {
    expect(matchPattern('http://localhost:4180', false)).toBe('http://localhost:4180/*');
    expect(matchPattern('http://localhost:4180', true)).toBe('http://localhost/*');
    expect(matchPattern('https://ent.example.fr', false)).toBe('https://ent.example.fr/*');
  });
});

describe('designated fields', () => {
  it('remembered by id, found again; several fields fitting → none', () => {
    loadReplica('/kosmos/fiche-variante.html');
    const field = document.querySelector<HTMLInputElement>('#cle-vs')!;
    expect(labelOf(field)).toBe('Clé vie scolaire (PRONOTE)');
    const loc = locatorFor(field);
    expect(loc).toEqual({ by: 'id', value: 'cle-vs', description: 'Clé vie scolaire (PRONOTE)' });
    expect(resolveLocator(document, loc)).toBe(field);
    expect(resolveLocator(document, { by: 'label', value: 'Clé vie scolaire (PRONOTE)', description: '' })).toBe(field);
    field.insertAdjacentHTML('afterend', '<span>Clé vie scolaire (PRONOTE)</span><input type="text">');
    expect(resolveLocator(document, { by: 'label', value: 'Clé vie scolaire (PRONOTE)', description: '' })).toBeNull();
  });

  it('framework-generated ids are not remembered', () => {
    loadReplica('/x.html', '<html><body><label for="mat-input-12345">Identifiant PRONOTE</label><input id="mat-input-12345" name="idpn"></body></html>');
    expect(locatorFor(document.querySelector('input')!)).toEqual({ by: 'name', value: 'idpn', description: 'Identifiant PRONOTE' });
  });
});

describe('popup search and bytes', () => {
  it('by name (accents ignored), login, class or exact ID', () => {
    const people = replicaPlan().people;
    expect(searchPeople(people, 'ines').map((p) => p.family)).toEqual(['LEROY']);
    expect(searchPeople(people, 'emma.petit').map((p) => p.family)).toEqual(['PETIT']);
    expect(searchPeople(people, '2NDE3').map((p) => p.family)).toEqual(['DURAND']);
    expect(searchPeople(people, 'WEPYH43KJ2FZT9AS').map((p) => p.family)).toEqual(['MARTIN']);
    // The ID an account carries today (another pupil's, here) finds that account too.
    expect(searchPeople(people, 'x9x9x9x9x9x9x9x9').map((p) => p.family)).toEqual(['PETIT']);
    expect(searchPeople(people, '  ')).toEqual([]);
  });

  it('base64 round trip of binary data', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(new Uint8Array(base64ToBytes(bytesToBase64(bytes)))).toEqual(bytes);
  });
});
