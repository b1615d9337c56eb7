/**
 * The record panel when the page does not say whose record it is (« Choisir la personne ») and for
 * a guardian entered twice in SIECLE (the same ID on both accounts), through the feature manager
 * on Kosmos record pages rendered by the replica's own template; and the French of every panel.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BridgePerson, BridgePlan } from '@raccord/core/bridge/protocol.js';
import { renderKosmosRecord } from '../../test/portals/render.mjs';
import { FEATURES } from '../features';
import { decideFill } from '../features/autofill/policy';
import { panelModel, type Actions } from '../features/autofill';
import { entngPanelModel } from '../features/entng-ids';
import { compareIdpn } from '../features/entng-ids/compare';
import { LINK_LABEL } from '../features/labels';
import { clearDirectoryCache } from '../features/entng-ids/directory';
import { startFeatures } from '../features/manager';
import type { PanelModel } from '../features/ui';
import { indexPlan } from '../lib/people';
import { savePlan } from '../lib/plan-store';
import type { PronoteSlot } from '../portals/types';
import { HENRY, HENRY2 } from './twins';
import { ENTNG_STRUCTURE, loadEntng, loadReplica, replicaPlan, runReplicaScript, stubPortalFetch } from './helpers';

const host = { onInvalidated: () => undefined, log: (w: string, e: unknown) => console.error(w, e) };
let stop: (() => void) | undefined;
let runNow: (() => Promise<void>) | undefined;

async function run(): Promise<void> {
  if (!runNow) {
    const m = startFeatures(FEATURES, host);
    stop = m.stop;
    runNow = m.runNow;
  }
  await runNow();
}

const shadow = () => document.querySelector('[data-raccord="panel"]')?.shadowRoot ?? null;
const panel = () => shadow()?.querySelector('aside') ?? null;
const panelText = () => panel()?.textContent ?? '';
const buttons = () => Array.from(panel()?.querySelectorAll('button') ?? []);
const button = (label: string | RegExp) => buttons().find((b) => (typeof label === 'string' ? b.textContent === label : label.test(b.textContent ?? ''))) ?? null;
const search = () => panel()?.querySelector<HTMLInputElement>('input[type="search"]') ?? null;
const valueCell = () => document.querySelector('td.valeur')!;

/** A Kosmos record page of any account (the replica's template), at the replica's record URL. */
function openRecord(u: { nom: string; prenom: string; login: string; profil?: string; value?: string }, query = u.login): void {
  const html = renderKosmosRecord({ nom: u.nom, prenom: u.prenom, profil: u.profil ?? 'Parent', login: u.login, etat: 'Activé', etablissements: [['Lpo-jean Jaures-ac-toulouse', '0310040A', u.value ?? '']] });
  loadReplica(`/kosmos/annuaire/utilisateur?login=${encodeURIComponent(query)}`, html);
  runReplicaScript('kosmos/kosmos.js');
}

function type(text: string): void {
  const input = search()!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const withPeople = (...people: BridgePerson[]): BridgePlan => {
  const plan = replicaPlan();
  return { ...plan, people: [...plan.people, ...people] };
};

beforeEach(async () => {
  fakeBrowser.reset();
  await savePlan(replicaPlan(), 7);
});
afterEach(() => {
  stop?.();
  stop = runNow = undefined;
  vi.unstubAllGlobals();
  clearDirectoryCache();
});

/** On the record of an account the plan does not know: « Choisir la personne », type `query`, pick the result `pick`. */
async function chooseOnUnknownRecord(query: string, pick: RegExp): Promise<void> {
  openRecord({ nom: 'INCONNU', prenom: 'Xavier', login: 'x.inconnu' });
  await run();
  button('Choisir la personne')!.click();
  await vi.waitFor(() => expect(search()).not.toBeNull());
  type(query);
  await vi.waitFor(() => expect(button(pick)).not.toBeNull());
  button(pick)!.click();
}

describe('« Choisir la personne »: the page does not say whose record it is', () => {
  it('unknown to the plan: the panel says so, the admin searches by name, picks, confirms once, and the field holds the ID', async () => {
    openRecord({ nom: 'INCONNU', prenom: 'Xavier', login: 'x.inconnu', profil: 'Enseignant' });
    await run();
    expect(panelText()).toContain('Raccord ne trouve pas cette personne dans le plan');
    expect(button(/remplir/i)).toBeNull();
    button('Choisir la personne')!.click();
    await vi.waitFor(() => expect(search()).not.toBeNull());
    type('mart cla');
    await vi.waitFor(() => expect(panel()!.querySelector('ul[aria-label="Personnes du plan"]')?.textContent).toContain('MARTIN Claire'));
    // Typing goes on in the same box: the re-render gives the focus back.
    expect(shadow()!.activeElement).toBe(search());
    button(/^MARTIN Claire/)!.click();
    await vi.waitFor(() => expect(panelText()).toContain('Personne choisie par vous'));
    expect(panelText()).toContain('WEPYH43KJ2FZT9AS');
    expect(button('Remplir l’identifiant PRONOTE')).toBeNull();
    button('C’est bien cette personne : remplir')!.click();
    await vi.waitFor(() => expect(document.querySelector<HTMLInputElement>('td.valeur input')?.value).toBe('WEPYH43KJ2FZT9AS'));
  });

  it('a search by login finds the person too; nothing matching says so', async () => {
    openRecord({ nom: 'INCONNU', prenom: 'Xavier', login: 'x.inconnu' });
    await run();
    button('Choisir la personne')!.click();
    await vi.waitFor(() => expect(search()).not.toBeNull());
    type('paul.mor');
    await vi.waitFor(() => expect(panelText()).toContain('MOREAU Paul'));
    type('zzzz');
    await vi.waitFor(() => expect(panelText()).toContain('Personne ne correspond.'));
  });

  it('a chosen ambiguous person fills nothing and shows the candidates; « Changer de personne » goes back to the search', async () => {
    await chooseOnUnknownRecord('durand', /^DURAND Lucas/);
    await vi.waitFor(() => expect(panelText()).toContain('Lien ambigu'));
    expect(panel()!.querySelector('ul[aria-label="Candidats"]')!.textContent).toContain('K7M2Q9XR4TZP8LBD');
    expect(button(/remplir|remplacer/i)).toBeNull();
    button('Changer de personne')!.click();
    await vi.waitFor(() => expect(search()).not.toBeNull());
    expect(valueCell().textContent).toBe('');
  });

  it('several people of the plan match the page: nothing filled, the matching people offered to choose from', async () => {
    // Two MARTIN Claire without an ENT account in the plan, and a record whose login the plan does not know.
    const plan = replicaPlan();
    const claire = { ...plan.people[0]!, entLogins: [], birthDate: undefined };
    await savePlan({ ...plan, people: [claire, { ...claire, key: 'sts:staff:9', pronoteId: 'ZZZZ0000ZZZZ0000' }, ...plan.people.slice(1)] }, 7);
    openRecord({ nom: 'MARTIN', prenom: 'Claire', login: 'c.martin.nouveau', profil: 'Enseignant' });
    await run();
    expect(panelText()).toContain('Plusieurs personnes du plan correspondent à cette fiche : rien n’est rempli.');
    expect(button(/remplir/i)).toBeNull();
    button('Choisir la personne')!.click();
    // Before typing anything, the people that match the page are offered.
    await vi.waitFor(() => expect(buttons().filter((b) => /^MARTIN Claire/.test(b.textContent ?? '')).length).toBe(2));
    buttons().find((b) => /^MARTIN Claire/.test(b.textContent ?? ''))!.click();
    await vi.waitFor(() => expect(button('C’est bien cette personne : remplir')).not.toBeNull());
  });

  it('the choice is forgotten when the page goes: back on the record, nobody is chosen', async () => {
    await chooseOnUnknownRecord('martin', /^MARTIN Claire/);
    await vi.waitFor(() => expect(panelText()).toContain('Personne choisie par vous'));
    const here = document.location.href;
    history.pushState(null, '', '/kosmos/annuaire.html');
    await run();
    history.pushState(null, '', here);
    await run();
    expect(panelText()).toContain('Raccord ne trouve pas cette personne');
    expect(panelText()).not.toContain('Personne choisie par vous');
    expect(button('Choisir la personne')).not.toBeNull();
  });
});

describe('a guardian entered twice in SIECLE: two accounts, one PRONOTE ID', () => {
  it('each account: the explanation, one confirmation click, the same ID in the field', async () => {
    await savePlan(withPeople(HENRY, HENRY2), 7);
    for (const [me, nom, prenom] of [[HENRY, 'HENRY', 'ÉRIC'], [HENRY2, 'HENRY', 'ERIC']] as const) {
      stop?.();
      stop = runNow = undefined;
      openRecord({ nom, prenom, login: me.entLogins[0]! });
      await run();
      expect(panelText(), me.key).toContain('Ce responsable a deux fiches dans SIECLE');
      expect(panelText()).toContain('même identifiant PRONOTE sur les deux comptes, comme le prévoit la procédure');
      const other = me === HENRY ? 'eric.henry2' : 'eric.henry';
      expect(panelText()).toContain(`deux comptes ENT (${me.entLogins[0]}, ${other})`);
      expect(panelText()).not.toContain('plusieurs personnes');
      expect(buttons().filter((b) => /remplir/i.test(b.textContent ?? '')).map((b) => b.textContent)).toEqual(['Même personne, même identifiant : remplir']);
      button('Même personne, même identifiant : remplir')!.click();
      await vi.waitFor(() => expect(document.querySelector<HTMLInputElement>('td.valeur input')?.value).toBe('164AQZ4Q2BB84BW8'));
    }
  });

  it('two different people claiming one ID: refused, nothing filled', async () => {
    await savePlan(withPeople(HENRY, { ...HENRY2, sameAs: undefined, family: 'DURAND', given: 'Marc', key: 'siecle:guardian:1' }), 7);
    openRecord({ nom: 'HENRY', prenom: 'ÉRIC', login: 'eric.henry' });
    await run();
    expect(panelText()).toContain('plusieurs personnes différentes : rien n’est rempli');
    expect(button(/remplir|remplacer/i)).toBeNull();
    expect(valueCell().textContent).toBe('');
  });
});

// ───────────── French only: no code of the plan in any panel ─────────────

/** Codes of the plan and of the decisions that must never reach the admin's screen. */
const CODES = /\b(ambiguous|unconfirmed|no-id|shared|name-birth|choice|none|unknown-person|several-people|other-school|no-slot|no-plan|refused|conflict|guardian|pupil|teacher|staff|undefined|null|NaN|true|false)\b|\[object/;

/** Every text of a model the admin reads (IDs and the plan's evidence aside). */
function texts(m: PanelModel): string[] {
  return [
    m.title,
    m.subject,
    m.subjectNote,
    ...(m.rows ?? []).flatMap((r) => (r.mono ? [r.label] : [r.label, r.value])),
    m.message?.text,
    ...(m.candidates ?? []).map((c) => c.label),
    m.search?.label,
    m.search?.empty,
    ...(m.search?.results ?? []).flatMap((r) => [r.label, r.note]),
    ...(m.actions ?? []).map((a) => a.label),
  ].filter((t): t is string => typeof t === 'string');
}

describe('every panel model is in French', () => {
  const noop = () => undefined;
  const act: Actions = { fill: noop, confirm: noop, cancel: noop, designate: noop, choose: noop, query: noop, pick: noop, unchoose: noop };
  const base = replicaPlan().people[0]!;
  const states: BridgePerson[] = [
    { ...base, decision: 'certain' },
    { ...base, decision: 'probable', pronoteId: undefined },
    { ...base, decision: 'probable', confirmedByAdmin: true },
    { ...base, decision: 'ambiguous', pronoteId: undefined, candidates: [{ pronoteId: 'A1', label: 'MARTIN Claire, née le 12/03/1978' }] },
    { ...base, decision: 'ambiguous', confirmedByAdmin: true },
    { ...base, decision: undefined, pronoteId: undefined },
    { ...base, profile: 'guardian', sameAs: 'g' },
  ];
  const slots = (current: string): PronoteSlot[] => [{ uai: '0310040A', schoolLabel: 'Lpo (0310040A)', current, input: () => null }];
  const models: PanelModel[] = [];
  const linkValues: string[] = [];

  for (const [i, person] of states.entries()) {
    const twin = { ...person, key: `${person.key}:2`, entLogins: ['claire.martin2'] };
    const others = person.sameAs ? [twin] : [{ ...person, key: 'x', family: 'DUPONT', entLogins: ['x'] }];
    const index = indexPlan({ ...replicaPlan(), people: [person, ...others] });
    for (const record of [
      { identity: { login: 'claire.martin' }, slots: slots('') },
      { identity: { login: 'claire.martin' }, slots: slots('OTHER') },
      { identity: { login: 'claire.martin' }, slots: slots(person.pronoteId ?? '') },
      { identity: { login: 'claire.martin' }, slots: [] },
      { identity: { login: 'claire.martin' }, slots: [{ ...slots('')[0]!, uai: '0999999Z' }] },
      { identity: { family: 'MARTIN', given: 'Claire' }, slots: slots('') },
      { identity: {}, slots: slots('') },
    ]) {
      for (const chosen of [undefined, person]) {
        const d = decideFill(index, record, undefined, chosen);
        for (const state of [{}, { confirming: true }, { choosing: true, query: 'mar' }, { choosing: true, query: 'zzz' }, { chosenKey: person.key }])
          models.push(panelModel(d, 'MARTIN Claire', state, act, index));
      }
    }
    models.push(panelModel(decideFill(null, { identity: {}, slots: [] }), 'Fiche utilisateur', {}, act, null));
    for (const idpn of ['', 'OTHER', person.pronoteId ?? '']) {
      const user = { id: `u${i}`, login: 'claire.martin', lastName: 'MARTIN', firstName: 'Claire', IDPN: idpn ? `0310040A$${idpn}` : undefined };
      const holder = { id: 'h', login: 'claire.martin2', lastName: 'MARTIN', firstName: 'Claire', IDPN: person.pronoteId ? `0310040A$${person.pronoteId}` : undefined };
      for (const all of [[user], [user, holder]]) models.push(entngPanelModel(compareIdpn(index, user, all), 'MARTIN Claire', 'claire.martin', noop));
    }
  }
  for (const m of models) for (const r of m.rows ?? []) if (r.label === 'Lien') linkValues.push(r.value);

  it('no English state or decision code in any text, on every kind of decision', () => {
    expect(models.length).toBeGreaterThan(300);
    const kinds = new Set(models.map((m) => m.message?.text.slice(0, 30)));
    expect(kinds.size).toBeGreaterThan(10);
    for (const m of models) for (const t of texts(m)) expect(t, JSON.stringify(m.message)).not.toMatch(CODES);
  });

  it('the « Lien » row always says one of the French states, and each state is used', () => {
    const french = new Set<string>(Object.values(LINK_LABEL));
    for (const v of linkValues) expect(french.has(v), v).toBe(true);
    expect(new Set(linkValues)).toEqual(french);
  });
});

/** The replica's MARTIN Claire and LEROY Inès, made two records of one person, on the Open ENT NG replica. */
async function twinsOnEntng(): Promise<void> {
  stubPortalFetch();
  const plan = replicaPlan();
  const twin = (p: BridgePerson) => p.entLogins[0] === 'claire.martin' || p.entLogins[0] === 'ines.leroy';
  await savePlan({ ...plan, people: plan.people.map((p) => (twin(p) ? { ...p, pronoteId: 'WEPYH43KJ2FZT9AS', decision: 'certain' as const, sameAs: 'g' } : p)) }, 7);
}

describe('every mark is in French', () => {
  const labels = () => Array.from(document.querySelectorAll<HTMLElement>('mark[data-raccord="mark"]')).map((m) => m.getAttribute('aria-label') ?? '');

  it.each(['/siecle/fiches-eleves.html', '/sts/structure.html', '/kosmos/annuaire.html'])('%s', async (url) => {
    loadReplica(url);
    await run();
    await vi.waitFor(() => expect(labels().length).toBeGreaterThan(0));
    for (const l of labels()) expect(l).not.toMatch(CODES);
  });

  it('Open ENT NG list, with a guardian entered twice in SIECLE: the twin accounts get a French duplicate mark', async () => {
    await twinsOnEntng();
    await loadEntng(`/admin/${ENTNG_STRUCTURE}/users/list/filter`, 'li.lct-list-item');
    await run();
    const byName = (n: string) => Array.from(document.querySelectorAll('li.lct-list-item')).find((li) => li.textContent!.includes(n))!.querySelector('mark')?.getAttribute('aria-label') ?? '';
    await vi.waitFor(() => expect(byName('MARTIN Claire')).toContain('En double dans SIECLE (autre compte : ines.leroy)'));
    expect(byName('LEROY Inès')).toContain('En double dans SIECLE (autre compte : claire.martin)');
    for (const l of labels()) expect(l).not.toMatch(CODES);
  });

  it('Open ENT NG record of such an account: the explanation and the console’s duplicate tools, nothing merged', async () => {
    await twinsOnEntng();
    await loadEntng(`/admin/${ENTNG_STRUCTURE}/users/list/u-martin/details`, '.panel-header');
    await run();
    await vi.waitFor(() => expect(panelText()).toContain('a deux fiches dans SIECLE'));
    expect(panelText()).toContain('un identifiant PRONOTE ne peut être porté que par un seul compte');
    expect(panelText()).toContain('« Doublon(s) »');
    expect(panelText()).not.toContain('plusieurs personnes');
  });
});
