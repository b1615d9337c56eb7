import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/formats/read.js';
import { PASTE_FILE_NAME, parseChildren } from '../../src/formats/pronote-ids.js';
import { headerSignature } from '../../src/util/table.js';
import type { ParsedFile } from '../../src/model/types.js';
import type { ReadOptions } from '../../src/formats/types.js';
import { cp1252, utf16le, utf8, utf8Bom } from '../helpers/bytes.js';

function readOne(name: string, bytes: Uint8Array, options?: ReadOptions): ParsedFile {
  const files = readFile(name, bytes, options);
  expect(files).toHaveLength(1);
  return files[0]!;
}

function ok(name: string, bytes: Uint8Array, options?: ReadOptions): ParsedFile {
  const f = readOne(name, bytes, options);
  expect(f.error).toBeNull();
  expect(f.kind).toBe('pronote-ids');
  return f;
}

const codes = (f: ParsedFile) => f.warnings.map((w) => w.code);

describe('PRONOTE lists: pupils', () => {
  const text = [
    'Nom;Prénom;Né(e) le;Classe;Identifiant PRONOTE;INE',
    'DUPONT;Léa;03/05/2012;5A;WEPYH43KJ2FZT9AS;070123456AB',
    "LEFÈVRE D'ALMEIDA;Éloïse;29/02/2012;5B;QWERT12345ABCDEF;",
    'MARTIN;Hugo;15/11/2011;4C;ZXCVB98765LKJHGF;071234567CD',
    '',
  ].join('\r\n');

  it('reads a Windows-1252 `;` list without a profile column as a pupils list (Classe + birth date)', () => {
    const f = ok('eleves.csv', cp1252(text));
    expect(f.encoding).toBe('windows-1252');
    expect(f.layout).toBe('pronote-list');
    expect(f.warnings).toEqual([]);
    const rows = f.data.pronoteRows!;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      pronoteId: 'WEPYH43KJ2FZT9AS',
      profile: 'pupil',
      name: { family: 'DUPONT', given: 'Léa' },
      birthDate: '2012-05-03',
      division: '5A',
      ine: '070123456AB',
      children: [],
      provenance: { file: 'eleves.csv', position: 2 },
    });
    expect(rows[1]!.name).toEqual({ family: "LEFÈVRE D'ALMEIDA", given: 'Éloïse' });
    expect(rows[1]!.birthDate).toBe('2012-02-29');
    expect(rows[1]!.ine).toBeUndefined();
  });

  it('accepts header variants (`ID PRONOTE`, `Né le`, `Division`, `Prénoms`) in UTF-8 with BOM', () => {
    const f = ok('liste.csv', utf8Bom('ID PRONOTE;NOM;Prénoms;Né le;Division\nAB12;LŒUILLET;Zoé;01/02/2013;6A\n'));
    expect(f.encoding).toBe('UTF-8');
    expect(f.data.pronoteRows).toMatchObject([
      { pronoteId: 'AB12', profile: 'pupil', name: { family: 'LŒUILLET', given: 'Zoé' }, birthDate: '2013-02-01', division: '6A' },
    ]);
  });

  it('reads a comma CSV with `IDPN`, `Date de naissance` and a profile column', () => {
    const f = ok('ids.csv', utf8('IDPN,Nom,Prénom,Date de naissance,Profil\nX1,Petit,Jules,07/07/2012,Élève\nX2,Roux,Anne,,Professeurs\nX3,Blanc,Paul,,Personnel\nX4,Noir,Lucie,,Responsable légal\n'));
    expect(f.data.pronoteRows!.map((r) => [r.pronoteId, r.profile])).toEqual([
      ['X1', 'pupil'],
      ['X2', 'teacher'],
      ['X3', 'staff'],
      ['X4', 'guardian'],
    ]);
  });

  it('splits a single `Nom Prénom` column into family and given names', () => {
    const f = ok('eleves.csv', utf8('Nom Prénom;Identifiant PRONOTE;Né(e) le;Classe\nDE LA FONTAINE Jean-Marc;A1;01/01/2012;5A\n'));
    expect(f.data.pronoteRows![0]!.name).toEqual({ family: 'DE LA FONTAINE', given: 'Jean-Marc' });
  });
});

describe('PRONOTE lists: teachers and guardians', () => {
  it('infers a teachers list from a `Matière` column', () => {
    const f = ok('profs.csv', cp1252('Nom;Prénom;Matière;Id PN\nGÉRARD;Hélène;FRANÇAIS;P1\nLEROY;Marc;MATHÉMATIQUES;P2\n'));
    expect(f.data.pronoteRows!.map((r) => r.profile)).toEqual(['teacher', 'teacher']);
    expect(f.data.pronoteRows![0]!.name).toEqual({ family: 'GÉRARD', given: 'Hélène' });
  });

  it('infers a guardians list from an `Élèves` column and parses the children', () => {
    const f = ok('resp.csv', cp1252(
      'Nom;Prénom;Identifiant PRONOTE;Élèves\n' +
        'DUPONT;Marie;R1;"DUPONT Léa (5A), DUPONT Tom (3B)"\n' +
        'DE LA FONTAINE;Anne;R2;DE LA FONTAINE Jean-Marc (5A)\n',
    ));
    const [r1, r2] = f.data.pronoteRows!;
    expect(r1!.profile).toBe('guardian');
    expect(r1!.children).toEqual([
      { family: 'DUPONT', given: 'Léa', division: '5A', raw: 'DUPONT Léa (5A)' },
      { family: 'DUPONT', given: 'Tom', division: '3B', raw: 'DUPONT Tom (3B)' },
    ]);
    expect(r2!.children).toEqual([{ family: 'DE LA FONTAINE', given: 'Jean-Marc', division: '5A', raw: 'DE LA FONTAINE Jean-Marc (5A)' }]);
  });

  it('parses children without a class, with compound given names and all-caps names', () => {
    expect(parseChildren("N'DIAYE Awa Marie, MARTIN (4 B), DURAND JEAN (6A)")).toEqual([
      { family: "N'DIAYE", given: 'Awa Marie', raw: "N'DIAYE Awa Marie" },
      { family: 'MARTIN', given: '', division: '4 B', raw: 'MARTIN (4 B)' },
      { family: 'DURAND', given: 'JEAN', division: '6A', raw: 'DURAND JEAN (6A)' },
    ]);
    expect(parseChildren(undefined)).toEqual([]);
  });

  it('uses the list profile the admin gave when nothing tells it', () => {
    const text = 'Nom;Prénom;Identifiant PRONOTE\nBLANC;Paul;S1\n';
    const f = ok('liste.csv', utf8(text), { tableHints: { pronoteProfile: 'staff' } });
    expect(f.data.pronoteRows![0]!.profile).toBe('staff');
  });

  it('refuses, in French, a list whose profile cannot be known', () => {
    const f = readOne('liste.csv', utf8('Nom;Prénom;Identifiant PRONOTE\nBLANC;Paul;S1\n'));
    expect(f.kind).toBe('pronote-ids');
    expect(f.error?.code).toBe('pronote-profile-unknown');
    expect(f.error?.hint).toMatch(/liste des élèves, des professeurs, des personnels ou des responsables/);
  });

  it('reads a list without a profile column from its file name, and says so', () => {
    const text = 'Nom\tPrénom\tIdentifiant PRONOTE\nBLANC\tPaul\tS1\n';
    const f = ok('pronote_professeurs.txt', cp1252(text));
    expect(f.data.pronoteRows![0]!.profile).toBe('teacher');
    expect(codes(f)).toContain('pronote-profile-from-file-name');
    expect(f.warnings.find((w) => w.code === 'pronote-profile-from-file-name')!.message).toMatch(/liste des professeurs, d'après le nom du fichier/);
    expect(ok('Export/Liste_Élèves.csv', utf8(text)).data.pronoteRows![0]!.profile).toBe('pupil');
    expect(ok('personnels.csv', utf8(text)).data.pronoteRows![0]!.profile).toBe('staff');
    expect(ok('responsables 2026.csv', utf8(text)).data.pronoteRows![0]!.profile).toBe('guardian');
  });

  it('lets the admin\'s declaration win over the file name, and refuses a name that points at two lists', () => {
    const text = 'Nom;Prénom;Identifiant PRONOTE\nBLANC;Paul;S1\n';
    const declared = ok('professeurs.csv', utf8(text), { tableHints: { pronoteProfile: 'staff' } });
    expect(declared.data.pronoteRows![0]!.profile).toBe('staff');
    expect(codes(declared)).not.toContain('pronote-profile-from-file-name');
    expect(readOne('eleves_et_responsables.csv', utf8(text)).error?.code).toBe('pronote-profile-unknown');
    expect(readOne('profils.csv', utf8(text)).error?.code).toBe('pronote-profile-unknown');
  });

  it('ignores a `Statut` column whose values are not profiles', () => {
    const f = ok('eleves.csv', utf8('Nom;Prénom;Né(e) le;Classe;IDPN;Statut\nDUPONT;Léa;03/05/2012;5A;E1;Demi-pensionnaire\n'));
    expect(f.data.pronoteRows![0]!.profile).toBe('pupil');
  });
});

describe('PRONOTE lists: anomalies', () => {
  it('keeps rows without a PRONOTE ID out, naming and counting them in one warning', () => {
    const f = ok('eleves.csv', utf8('Nom;Prénom;Né(e) le;Classe;IDPN\nDUPONT;Léa;03/05/2012;5A;E1\nMARTIN;Hugo;15/11/2011;4C;\nPETIT;Zoé;01/01/2012;4C;\n'));
    expect(f.data.pronoteRows).toHaveLength(1);
    expect(f.warnings).toHaveLength(1);
    const w = f.warnings[0]!;
    expect(w.code).toBe('pronote-id-missing');
    expect(w.position).toBe(3);
    expect(w.message).toContain('2 lignes');
    expect(w.message).toContain('MARTIN Hugo (ligne 3)');
    expect(w.message).toContain('PETIT Zoé (ligne 4)');
  });

  it('warns about a PRONOTE ID used twice and keeps the first row', () => {
    const f = ok('eleves.csv', utf8('Nom;Prénom;Né(e) le;Classe;IDPN\nDUPONT;Léa;03/05/2012;5A;E1\nDUPONT;Lea;03/05/2012;5A;E1\nMARTIN;Hugo;15/11/2011;4C;E2\n'));
    expect(f.data.pronoteRows!.map((r) => r.provenance.position)).toEqual([2, 4]);
    expect(codes(f)).toEqual(['pronote-id-duplicate']);
    expect(f.warnings[0]!.message).toMatch(/E1.*DUPONT Léa \(ligne 2\).*DUPONT Lea \(ligne 3\)/);
  });

  it('refuses a PRONOTE list without its ID column, saying what to add', () => {
    const f = readOne('eleves.csv', cp1252('Nom;Prénom;Né(e) le;Classe\nDUPONT;Léa;03/05/2012;5A\n'));
    expect(f.kind).toBe('pronote-ids');
    expect(f.error?.code).toBe('missing-column');
    expect(f.error?.message).toContain('Identifiant PRONOTE');
    expect(f.data).toEqual({});
  });

  it('is not confused with an ENT list that carries a PRONOTE ID column', () => {
    const f = readOne('ent.csv', utf8('Nom;Prénom;Login;Identifiant PRONOTE\nDUPONT;Léa;lea.dupont;E1\n'));
    expect(f.kind).toBe('ent-accounts');
    expect(f.data.entAccounts![0]!.pronoteId).toBe('E1');
  });

  it('reads a list whose unknown headers the admin mapped', () => {
    const header = ['Code', 'Famille', 'Petit nom', 'Groupe'];
    const text = `${header.join(';')}\nZ9;DUPONT;Léa;5A\n`;
    expect(readOne('x.csv', utf8(text)).error?.code).toBe('unknown-layout');
    const tableHints = {
      pronoteProfile: 'pupil' as const,
      mappings: { [headerSignature(header)]: { kind: 'pronote-ids' as const, columns: { pronoteId: 0, family: 1, given: 2, division: 3 } } },
    };
    const f = ok('x.csv', utf8(text), { tableHints });
    expect(f.layout).toBe('admin-mapping');
    expect(f.data.pronoteRows).toMatchObject([{ pronoteId: 'Z9', profile: 'pupil', name: { family: 'DUPONT', given: 'Léa' }, division: '5A' }]);
  });
});

describe('PRONOTE lists pasted from the clipboard', () => {
  const paste = 'Nom\tPrénom\tNé(e) le\tClasse\tIdentifiant PRONOTE\r\nDUPONT\tLéa\t03/05/2012\t5A\tE1\r\nMARTIN\tHugo\t15/11/2011\t4C\tE2';

  it('reads a UTF-16 LE (BOM) tab-separated paste', () => {
    const f = ok(PASTE_FILE_NAME, utf16le(paste));
    expect(f.encoding).toBe('UTF-16LE');
    expect(f.data.pronoteRows!.map((r) => [r.pronoteId, r.name.given, r.birthDate])).toEqual([
      ['E1', 'Léa', '2012-05-03'],
      ['E2', 'Hugo', '2011-11-15'],
    ]);
  });

  it('reads the pasted text the app hands over as UTF-8 bytes (guardians, children with commas)', () => {
    const text = 'Nom\tPrénom\tIDPN\tEnfants\nDUPONT\tMarie\tR1\tDUPONT Léa (5A), DUPONT Tom (3B), DUPONT Max (6C)\n';
    const f = ok(PASTE_FILE_NAME, new TextEncoder().encode(text));
    expect(f.data.pronoteRows![0]!.profile).toBe('guardian');
    expect(f.data.pronoteRows![0]!.children.map((c) => c.given)).toEqual(['Léa', 'Tom', 'Max']);
  });
});
