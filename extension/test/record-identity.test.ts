/**
 * Who a record page is about, whatever its markup: the label forms of lib/dom.ts one by one, then
 * every markup variant of the Kosmos replica on the accounts of core's sample school — the
 * certain pupils get their true PRONOTE ID, the traps (homonyms, near-names…) never a wrong one.
 */
import { describe, expect, it } from 'vitest';
import { buildBridgePlan } from '@raccord/core/bridge/plan.js';
import { readFile } from '@raccord/core/formats/read.js';
import { assembleDataset } from '@raccord/core/model/dataset.js';
import { normalizeName } from '@raccord/core/model/names.js';
import { reconcileDetailed } from '@raccord/core/reconcile.js';
import { generateSchool } from '@raccord/core/sample/index.js';
import type { TrapCode } from '@raccord/core/sample/types.js';
import { KOSMOS_ANONYMOUS_RECORD, KOSMOS_RECORD_VARIANTS, kosmosRecordPath, renderKosmosRecord, type KosmosRecordVariantId } from '../../test/portals/render.mjs';
import { decideFill } from '../features/autofill/policy';
import { loginFromUrl, nameFromHeadingOrTitle, personName, valueByLabel } from '../lib/dom';
import { indexPlan } from '../lib/people';
import { detectPage } from '../portals';
import { kosmos } from '../portals/kosmos';
import { loadReplica, replicaIndex } from './helpers';

const here = () => new URL(document.location.href);
const LOGIN = ['Login', 'Identifiant'];

describe('valueByLabel: every label form of back-office pages', () => {
  it.each([
    ['th + td', '<table><tr><th>Login</th><td>jdupont</td></tr></table>'],
    ['td + td, trailing colon', '<table><tr><td>Login :</td><td>jdupont</td></tr></table>'],
    ['dt + dd', '<dl><dt>Nom</dt><dd>X</dd><dt>Login:</dt><dd>jdupont</dd></dl>'],
    ['label for=', '<label for="l">Login</label> <input id="l" value="jdupont">'],
    ['label + sibling', '<div class="form-field"><label>Login</label><span>jdupont</span></div>'],
    ['strong + text (legacy console)', '<div><strong>Login :</strong> jdupont</div>'],
    ['b + text in one cell', '<table><tr><td><b>Login</b> jdupont</td><td><b>Nom</b> DUPONT</td></tr></table>'],
    ['span + text node up to <br>', '<p><span>Nom :</span> DUPONT<br><span>Login :</span> jdupont<br><span>Etat :</span> Activé</p>'],
    ['span + element', '<div><span>Login</span> <a href="#">jdupont</a></div>'],
    ['label and value in one cell', '<table><tr><td>Nom : DUPONT</td><td>Login : jdupont</td></tr></table>'],
    ['aria-labelledby (columns apart)', '<div><div id="a">Nom</div><div id="b">Login</div></div><div><div aria-labelledby="a">DUPONT</div><div aria-labelledby="b">jdupont</div></div>'],
    ['aria-describedby on a read-only input', '<span id="d">Login</span><input readonly aria-describedby="d" value="jdupont">'],
  ])('%s', (_, html) => {
    document.body.innerHTML = html;
    expect(valueByLabel(document, LOGIN)?.text).toBe('jdupont');
  });

  it('a table header row is no field; « Nom d’usage » is not « Nom »; no label → null', () => {
    document.body.innerHTML = '<table><thead><tr><th>Login</th><th>Nom</th></tr></thead><tr><td>x</td><td>y</td></tr></table><p><span>Nom d’usage :</span> DUPUIS</p>';
    expect(valueByLabel(document, LOGIN)).toBeNull();
    expect(valueByLabel(document, ['Nom'])).toBeNull();
  });

  it('the banner’s signed-in admin is not the record', () => {
    document.body.innerHTML = '<header><span>Identifiant :</span> admin.ent</header><nav role="navigation"><b>Login</b> admin.ent</nav><main><p><span>Login :</span> jdupont</p></main>';
    expect(valueByLabel(document, LOGIN)?.text).toBe('jdupont');
  });

  it('an empty value cell is an empty value, not the next label', () => {
    document.body.innerHTML = '<table><tr><th>Login</th><td></td></tr><tr><th>Nom</th><td>DUPONT</td></tr></table>';
    expect(valueByLabel(document, LOGIN)).toMatchObject({ text: '' });
  });
});

describe('the name of a heading or title, the login of the address', () => {
  it.each([
    ['MARTIN Claire', { displayName: 'MARTIN Claire', family: 'MARTIN', given: 'Claire' }],
    ['Fiche utilisateur : DE LA FONTAINE Jean-Pierre', { displayName: 'DE LA FONTAINE Jean-Pierre', family: 'DE LA FONTAINE', given: 'Jean-Pierre' }],
    ["LŒUILLET-D'ALMEIDA Zoé Anne", { displayName: "LŒUILLET-D'ALMEIDA Zoé Anne", family: "LŒUILLET-D'ALMEIDA", given: 'Zoé Anne' }],
    ['MARTIN CLAIRE', { displayName: 'MARTIN CLAIRE' }],
  ])('%s', (s, want) => expect(personName(s)).toEqual(want));

  it.each(['Fiche utilisateur', 'Annuaire', 'ENT Kosmos', 'LYCEE RAYMOND NAVES', 'Claire MARTIN', 'MARTIN', 'Rechercher un utilisateur'])('« %s » is no name', (s) => {
    expect(personName(s, ['Kosmos'])).toBeNull();
  });

  it('heading first, else the title part that is a name', () => {
    document.body.innerHTML = '<h1>Fiche utilisateur</h1>';
    document.title = 'Annuaire - PETIT Emma - ENT';
    expect(nameFromHeadingOrTitle(document)?.displayName).toBe('PETIT Emma');
    document.body.innerHTML = '<h1>LEROY Inès</h1>';
    expect(nameFromHeadingOrTitle(document)?.family).toBe('LEROY');
  });

  it('login from the query; an opaque id is not a login', () => {
    const u = (q: string) => loginFromUrl(new URL(`http://x/fiche?${q}`), ['login'], ['id']);
    expect(u('login=claire.martin')).toBe('claire.martin');
    expect(u('id=claire.martin2')).toBe('claire.martin2');
    expect(u('id=12345')).toBeUndefined();
    expect(u('id=5a1f3c2e-7d4b-4c9e')).toBeUndefined();
  });
});

/** What each variant shows of LEROY Inès (users.json): the name as it writes it, labelled fields only. */
const LEROY: Record<KosmosRecordVariantId, object> = {
  tableau: { family: 'LEROY', given: 'INES', login: 'ines.leroy', profile: 'Elève', birthDate: '2009-09-30' },
  spans: { family: 'LEROY', given: 'Ines', displayName: 'LEROY Ines', login: 'ines.leroy', profile: 'Elève', birthDate: '2009-09-30' },
  dl: { family: 'LEROY', given: 'INES', login: 'ines.leroy', profile: 'Elève', birthDate: '2009-09-30' },
  aria: { family: 'LEROY', given: 'INES', login: 'ines.leroy', profile: 'Elève', birthDate: '2009-09-30' },
  cellule: { family: 'LEROY', given: 'INES', login: 'ines.leroy', profile: 'Elève', birthDate: '2009-09-30' },
  titre: { family: 'LEROY', given: 'Ines', displayName: 'LEROY Ines', login: 'ines.leroy' },
};

describe.each(KOSMOS_RECORD_VARIANTS.map((v) => v.id))('Kosmos record, variant « %s »', (variant) => {
  it('is a record; identity and one slot per school, as the page shows them', () => {
    loadReplica(kosmosRecordPath('leroy', variant));
    expect(detectPage(document, here())?.page).toEqual({ portal: 'kosmos', kinds: ['user-record'] });
    const r = kosmos.record!(document, here())!;
    expect(r.identity).toEqual(LEROY[variant]);
    expect(r.slots.map((s) => [s.uai, s.current])).toEqual([
      ['0311234B', 'ZZZZ1111ZZZZ1111'],
      ['0310040A', ''],
    ]);
  });

  it.each([
    ['martin', 'fill'],
    ['durand', 'refused'],
    ['petit', 'conflict'],
    ['bernard', 'refused'],
    ['leroy', 'fill'],
    ['moreau', 'ok'],
  ])('the replica school: %s → %s, recognised by login', (slug, kind) => {
    loadReplica(kosmosRecordPath(slug, variant));
    const d = decideFill(replicaIndex(), kosmos.record!(document, here())!);
    expect(d.kind).toBe(kind);
    if ('by' in d) expect(d.by).toBe('login');
  });
});

describe('a PRONOTE slot but nothing says whose record it is', () => {
  it('still a record: empty identity, its slots (the panel asks the admin)', () => {
    loadReplica(`/kosmos/fiche-martin.html?variante=${KOSMOS_ANONYMOUS_RECORD.id}`);
    expect(detectPage(document, here())?.page.kinds).toEqual(['user-record']);
    const r = kosmos.record!(document, here())!;
    expect(r.identity).toEqual({});
    expect(r.slots.map((s) => s.uai)).toEqual(['0310040A']);
    expect(decideFill(replicaIndex(), r).kind).toBe('unknown-person');
  });

  it('no slot and no identity: not a record', () => {
    loadReplica(`/kosmos/fiche-martin.html?variante=${KOSMOS_ANONYMOUS_RECORD.id}`);
    document.querySelector('table.etablissements')!.remove();
    expect(kosmos.record!(document, here())).toBeNull();
    expect(kosmos.detect(document, here())).toEqual([]);
  });
});

// A few hundred record pages rendered and read: slow on a loaded machine, not stuck.
describe('the sample school’s accounts in every markup: never a wrong identifier', { timeout: 60_000 }, () => {
  // Fixed dates: the same school at every run.
  const school = generateSchool({ schoolYear: 2025, exportDate: '2025-11-18' });
  const ds = assembleDataset(school.files.flatMap((f) => readFile(f.name, f.bytes)));
  const index = indexPlan(buildBridgePlan(reconcileDetailed(ds, { today: '2025-11-21' }).result, ds));
  const uai = school.truth.school.uai;
  const TRAPS: TrapCode[] = ['homonym-indistinguishable', 'near-name-different-person', 'homonym', 'same-name-guardian', 'twin', 'same-name-same-birthdate', 'name-variant'];
  const byLogin = new Map(ds.entAccounts.map((a) => [a.login, a]));
  const accounts = Object.entries(school.truth.assignments).filter(([login]) => byLogin.has(login));
  const plain = accounts.filter(([, a]) => a.profil === 'Eleve' && a.pronoteId && !a.trap && a.current === null).slice(0, 20);
  const traps = accounts.filter(([, a]) => a.trap && TRAPS.includes(a.trap));

  function recordOf(login: string, variant: KosmosRecordVariantId) {
    const a = byLogin.get(login)!;
    const user = { nom: (a.name.usage ?? a.name.family).toUpperCase(), prenom: a.name.given.toUpperCase(), profil: a.rawProfile ?? a.profile, login, etat: 'Activé', etablissements: [['Lpo-jean Jaures-ac-toulouse', uai, a.pronoteId ?? '']] as [string, string, string][] };
    const loginInUrl = KOSMOS_RECORD_VARIANTS.find((v) => v.id === variant)!.loginInUrl;
    loadReplica(loginInUrl ? `/kosmos/annuaire/fiche?login=${encodeURIComponent(login)}&variante=${variant}` : `/kosmos/fiche-compte.html?variante=${variant}`, renderKosmosRecord(user, variant));
    return kosmos.record!(document, here())!;
  }

  it('has what the test needs', () => {
    expect(plain.length).toBeGreaterThanOrEqual(10);
    expect(new Set(traps.map(([, a]) => a.trap))).toContain('homonym-indistinguishable');
    expect(new Set(traps.map(([, a]) => a.trap))).toContain('near-name-different-person');
  });

  it.each(KOSMOS_RECORD_VARIANTS.map((v) => v.id))('« %s »: each certain pupil is filled with its true ID, by its login', (variant) => {
    for (const [login, truth] of plain) {
      const r = recordOf(login, variant);
      expect(r.identity.login, login).toBe(login);
      const d = decideFill(index, r);
      expect(d, login).toMatchObject({ kind: 'fill', expected: truth.pronoteId, by: 'login' });
    }
  });

  it.each(KOSMOS_RECORD_VARIANTS.map((v) => v.id))('« %s »: homonyms, near-names, twins: no wrong ID, nothing filled when the truth is « leave empty »', (variant) => {
    for (const [login, truth] of traps) {
      const r = recordOf(login, variant);
      const name = normalizeName(r.identity.family && r.identity.given ? `${r.identity.family} ${r.identity.given}` : r.identity.displayName);
      expect(name, login).not.toBe('');
      const d = decideFill(index, r);
      if ('expected' in d) expect(d.expected, `${login} (${truth.trap})`).toBe(truth.pronoteId);
      if (truth.pronoteId === null) expect(['fill', 'ok', 'conflict'], `${login} (${truth.trap})`).not.toContain(d.kind);
    }
  });
});
