/**
 * Each adapter against its replica pages: what the page is, and where things are — counted, the
 * way Refined GitHub tests its selectors against saved pages (anchors.md §3.2).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectPage } from '../portals';
import { entng, entngRoute, idpnValue } from '../portals/entng';
import { kosmos } from '../portals/kosmos';
import { siecle, siecleKeys } from '../portals/siecle';
import { sts } from '../portals/sts';
import { ENTNG_VARIANTS, entngPath, KOSMOS_RECORD_VARIANTS, kosmosRecordPath, LIST_VARIANTS } from '../../test/portals/render.mjs';
import { ENTNG_STRUCTURE, loadEntng, loadReplica, ORIGIN, stubPortalFetch } from './helpers';

/** A list page and each of its markup variants (the same rows, other markup). */
const listPages = (page: string) => [page, ...(LIST_VARIANTS[page] ?? []).map((v) => `${page}?variante=${v.id}`)];
const recordPages = (slug: string) => KOSMOS_RECORD_VARIANTS.map((v) => kosmosRecordPath(slug, v.id));

const here = () => new URL(document.location.href);

afterEach(() => vi.unstubAllGlobals());

describe('page detection: each replica is recognised by its own adapter only', () => {
  it.each<[string, string | null, string[] | null]>([
    ...listPages('/kosmos/annuaire.html').map((p) => [p, 'kosmos', ['user-list']] as [string, string, string[]]),
    ...recordPages('martin').map((p) => [p, 'kosmos', ['user-record']] as [string, string, string[]]),
    ['/kosmos/fiche-variante.html', 'kosmos', ['user-record']],
    ['/kosmos/identifiants.html', 'kosmos', ['exports']],
    ...listPages('/siecle/fiches-eleves.html').map((p) => [p, 'siecle', ['pupil-list']] as [string, string, string[]]),
    ['/siecle/exportations.html', 'siecle', ['exports']],
    ['/siecle/tableau-de-bord.html', null, null],
    ['/sts/structure.html', 'sts', ['groups']],
    ['/sts/exports.html', 'sts', ['exports']],
  ])('%s → %s %j', (url, portal, kinds) => {
    const doc = loadReplica(url);
    const found = detectPage(doc, here());
    expect(found?.page.portal ?? null).toBe(portal);
    expect(found?.page.kinds ?? null).toEqual(kinds);
  });

  it.each(ENTNG_VARIANTS.map((v) => v.id))('Open ENT NG (variant « %s »): list, then record after client-side navigation, then the export page', async (variant) => {
    stubPortalFetch();
    await loadEntng(entngPath(`/admin/${ENTNG_STRUCTURE}/users/list/filter`, variant), '[data-id-for-replica]');
    expect(detectPage(document, here())?.page).toEqual({ portal: 'entng', kinds: ['user-list'] });
    // The replica's own click handler (the third user of its data), as the admin clicks a row.
    (document.querySelectorAll<HTMLElement>('[data-id-for-replica]')[2]!).click();
    await vi.waitFor(() => expect(document.querySelector('ode-user-details')).not.toBeNull());
    expect(here().pathname).toBe(`/admin/${ENTNG_STRUCTURE}/users/list/u-petit/details`);
    expect(detectPage(document, here())?.page).toEqual({ portal: 'entng', kinds: ['user-list', 'user-record'] });
    await loadEntng(`/admin/${ENTNG_STRUCTURE}/imports-exports/export`, '#export-btn');
    expect(detectPage(document, here())?.page).toEqual({ portal: 'entng', kinds: ['exports'] });
  });

  it('a page of no known portal is left alone', () => {
    loadReplica('/x.html', '<html><body><h1>Bonjour</h1><table><tr><th>Nom</th></tr></table></body></html>');
    expect(detectPage(document, here())).toBeNull();
  });
});

describe('Kosmos', () => {
  it('record: identity by labels, one PRONOTE row per school with its current value', () => {
    loadReplica('/kosmos/fiche-leroy.html');
    const r = kosmos.record!(document, here())!;
    expect(r.identity).toEqual({ family: 'LEROY', given: 'INES', login: 'ines.leroy', profile: 'Elève', birthDate: '2009-09-30' });
    expect(r.slots.map((s) => [s.uai, s.current, s.schoolLabel])).toEqual([
      ['0311234B', 'ZZZZ1111ZZZZ1111', 'Clg-jean Jaures-ac-toulouse (0311234B)'],
      ['0310040A', '', 'Lpo-raymond Naves-ac-toulouse (0310040A)'],
    ]);
    expect(r.slots.every((s) => s.editControl?.getAttribute('title') === 'Modifier la valeur')).toBe(true);
    expect(r.slots[0]!.input()).toBeNull();
  });

  it.each(recordPages('bernard'))('record without a birth date (guardian): %s', (page) => {
    loadReplica(page);
    const r = kosmos.record!(document, here())!;
    expect(r.identity.login).toBe('hugo.bernard');
    expect(r.identity.birthDate).toBeUndefined();
  });

  it.each(listPages('/kosmos/annuaire.html'))('directory: one mark target per result row, keyed by name, on its « Nom » cell: %s', (page) => {
    loadReplica(page);
    const rows = kosmos.listRows!(document, here());
    expect(rows.map((r) => r.nameKey)).toEqual(['MARTIN CLAIRE', 'DURAND LUCAS', 'PETIT EMMA', 'BERNARD HUGO', 'LEROY INES', 'MOREAU PAUL', 'ANCIEN LEA']);
    expect(rows.map((r) => r.cell.textContent)).toEqual(['MARTIN', 'DURAND', 'PETIT', 'BERNARD', 'LEROY', 'MOREAU', 'ANCIEN']);
  });

  it('the directory page is no record', () => {
    loadReplica('/kosmos/annuaire.html');
    expect(kosmos.record!(document, here())).toBeNull();
  });

  it('« Fichiers des identifiants »: the download links with the file names of the table', () => {
    loadReplica('/kosmos/identifiants.html');
    const links = kosmos.exportLinks!(document, here());
    expect(links.map((l) => [l.fileName, l.url])).toEqual([
      ['ENT-Identifiants-0310040.A.csv', `${ORIGIN}/kosmos/fichiers/ENT-Identifiants-0310040.A.csv`],
      ['ENT-Identifiants-0310040.A.csv', `${ORIGIN}/kosmos/fichiers/ENT-Identifiants-0310040.A.csv?v=20251211`],
    ]);
  });
});

describe('SIECLE', () => {
  it.each(listPages('/siecle/fiches-eleves.html'))('pupil list: one target per row on its « Nom » cell, keys with every given name and the first one: %s', (page) => {
    loadReplica(page);
    const rows = siecle.listRows!(document, here());
    expect(rows.map((r) => r.cell.textContent)).toEqual(['DURAND', 'DURAND', 'GARCIA', 'LEROY', 'MARTINEZ', 'PETIT', 'ROUX']);
    expect(rows[5]!.birthIso).toBe('2010-06-03');
    expect(rows[5]!.siecleKeys!()).toEqual(['PETIT EMMA LOUISE|2010-06-03', 'PETIT EMMA|2010-06-03']);
  });

  it('pupil list: the usage name is a key too', () => {
    loadReplica('/siecle/fiches-eleves.html');
    expect(siecle.listRows!(document, here())[4]!.siecleKeys!()).toContain('DUPUIS CHLOE|2010-01-08');
  });

  it('keys: accents, hyphens and case do not matter', () => {
    expect(siecleKeys("Lœuillet-d'Almeida", '', 'Zoé Anne', '2009-01-02')).toEqual(['LOEUILLET D ALMEIDA ZOE ANNE|2009-01-02', 'LOEUILLET D ALMEIDA ZOE|2009-01-02']);
  });

  it('Exportations: the zip link', () => {
    loadReplica('/siecle/exportations.html');
    expect(siecle.exportLinks!(document, here()).map((l) => l.fileName)).toEqual(['ElevesSansAdresses.zip']);
  });

  it('the list is found by its headers whatever their spelling (« Prénom(s) »)', () => {
    loadReplica('/siecle/fiches-eleves.html');
    const th = Array.from(document.querySelectorAll('th')).find((t) => t.textContent === 'Prénoms')!;
    th.textContent = 'Prénom(s)';
    expect(siecle.listRows!(document, here())).toHaveLength(7);
  });
});

describe('STS-web', () => {
  for (const page of listPages('/sts/structure.html')) {
    it(`structure: divisions and groups by code (${page})`, () => {
      loadReplica(page);
      expect(sts.detect(document, here())).toEqual(['groups']);
      expect(sts.listRows!(document, here()).map((r) => r.groupCode)).toEqual(['2NDE1', '2NDE3', '1G2', 'TG4', '2ESP2', '1SPE MATHS+', 'TPHILO-A', '1HGGSP1']);
    });
  }

  it('Exports > Emploi du temps: the sts_emp file', () => {
    loadReplica('/sts/exports.html');
    const links = sts.exportLinks!(document, here());
    expect(links.map((l) => [l.anchor.textContent, l.fileName])).toEqual([['Emploi du temps', 'sts_emp_0310040A_2025.xml']]);
  });
});

describe('Open ENT NG', () => {
  it('routes (REAL, portals.md §1.1)', () => {
    const u = (p: string) => entngRoute(new URL(`${ORIGIN}${p}`));
    expect(u('/admin/s1/users/list/filter')).toEqual({ structureId: 's1', users: { userId: undefined } });
    expect(u('/admin/s1/users/list/u9/details')).toEqual({ structureId: 's1', users: { userId: 'u9' } });
    expect(u('/admin/s1/users/tree-list/u9/details')).toEqual({ structureId: 's1', users: { userId: 'u9' } });
    expect(u('/admin/s1/users/relink/filter')).toEqual({ structureId: 's1', users: { userId: undefined } });
    expect(u('/admin/s1/imports-exports/export')).toEqual({ structureId: 's1', export: true });
    expect(u('/directory/admin-console')).toBeNull();
  });

  it('IDPN is stored as « structureExternalId$IDPN »', () => {
    expect(idpnValue('0310040A$WEPYH43KJ2FZT9AS')).toBe('WEPYH43KJ2FZT9AS');
    expect(idpnValue('WEPYH43KJ2FZT9AS')).toBe('WEPYH43KJ2FZT9AS');
    expect(idpnValue(null)).toBe('');
  });

  it.each(ENTNG_VARIANTS.map((v) => v.id))('variant « %s »: one list target per user, by name; record login, name and profile by their labels; never an _ngcontent attribute', async (variant) => {
    stubPortalFetch();
    await loadEntng(entngPath(`/admin/${ENTNG_STRUCTURE}/users/list/u-durand/details`, variant), 'ode-user-details');
    const rows = entng.listRows!(document, here());
    expect(rows.map((r) => r.nameKey)).toEqual(['MARTIN CLAIRE', 'DURAND LUCAS', 'PETIT EMMA', 'BERNARD HUGO', 'LEROY INES', 'MOREAU PAUL', 'ANCIEN LEA']);
    // Each mark goes to the element showing the family name (an item, or the « Nom » cell).
    expect(rows.every((r, i) => r.cell.textContent!.includes(['MARTIN', 'DURAND', 'PETIT', 'BERNARD', 'LEROY', 'MOREAU', 'ANCIEN'][i]!))).toBe(true);
    expect(rows.every((r) => !r.cell.closest('ode-user-details'))).toBe(true);
    // A pupil: the header adds « - 2NDE3 », not part of the name.
    expect(entng.record!(document, here())!.identity).toEqual({ login: 'lucas.durand', displayName: 'DURAND Lucas', profile: 'Élève' });
  });

  it.each(ENTNG_VARIANTS.map((v) => v.id))('variant « %s »: the list alone is no record', async (variant) => {
    stubPortalFetch();
    await loadEntng(entngPath(`/admin/${ENTNG_STRUCTURE}/users/list/filter`, variant), '[data-id-for-replica]');
    expect(entng.record!(document, here())).toBeNull();
  });

  it('a themed record (fields not in div.form-field): the login still read by its label', async () => {
    stubPortalFetch();
    await loadEntng(`/admin/${ENTNG_STRUCTURE}/users/list/u-martin/details`, '.panel-header');
    for (const field of Array.from(document.querySelectorAll('div.form-field'))) {
      const label = field.querySelector(':scope > label')!.textContent!;
      const value = field.querySelector(':scope > label + *')?.textContent ?? '';
      field.outerHTML = `<p class="champ"><strong>${label} :</strong> ${value}</p>`;
    }
    expect(document.querySelector('div.form-field')).toBeNull();
    expect(entng.record!(document, here())!.identity).toMatchObject({ login: 'claire.martin', profile: 'Enseignant' });
  });

  it('« Exporter »: the URL the console opens, on the page origin', async () => {
    stubPortalFetch();
    await loadEntng(`/admin/${ENTNG_STRUCTURE}/imports-exports/export`, '#export-btn');
    const [link] = entng.exportLinks!(document, here());
    expect(link!.url).toBe(`${ORIGIN}/directory/export/users?format=csv&filterActive=&structureId=${ENTNG_STRUCTURE}&type=`);
    expect(link!.anchor.textContent).toBe('Exporter');
  });
});
