import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/formats/read.js';
import { entProfileOf } from '../../src/formats/ent-accounts.js';
import { headerSignature } from '../../src/util/table.js';
import type { ParsedFile } from '../../src/model/types.js';
import type { ReadOptions } from '../../src/formats/types.js';
import { cp1252, utf16le, utf8, utf8Bom } from '../helpers/bytes.js';

function readOne(name: string, bytes: Uint8Array, options?: ReadOptions): ParsedFile {
  const files = readFile(name, bytes, options);
  expect(files).toHaveLength(1);
  return files[0]!;
}

function ok(name: string, bytes: Uint8Array, layout: string, options?: ReadOptions): ParsedFile {
  const f = readOne(name, bytes, options);
  expect(f.error).toBeNull();
  expect(f.kind).toBe('ent-accounts');
  expect(f.layout).toBe(layout);
  return f;
}

const codes = (f: ParsedFile) => f.warnings.map((w) => w.code);
const accounts = (f: ParsedFile) => f.data.entAccounts!;

const H13 = 'RNE;UID;Classe;Profil;Prénom;Nom;Login;Mot de passe;Clé de jointure;UID Père;UID Mère;UID Tuteur1;UID Tuteur2';

describe('ENT-Identifiants 13-field layout', () => {
  it('reads the Windows-1252 file with its header and extra named columns', () => {
    const text = [
      `${H13};Identifiant PRONOTE;Date de naissance;prenom enfant;nom enfant`,
      '0310040A;UAA001;5A;Eleve;Léa;DUPONT;lea.dupont;Abc123;1234567;UPP01;UPM01;;;E1;03/05/2012;;',
      '0310040A;UPP01;;Tuteur;Hervé;DUPONT;herve.dupont1;{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=;;;;;;;;Léa;DUPONT',
      '0310040A;UEN01;;Enseignant;Hélène;GÉRARD;helene.gerard;;;;;;;;;;',
      '',
    ].join('\r\n');
    const f = ok('ENT-Identifiants-0310040A.csv', cp1252(text), 'ent-identifiants-13');
    expect(f.encoding).toBe('windows-1252');
    expect(f.uai).toBe('0310040A');
    expect(f.warnings).toEqual([]);
    const [pupil, guardian, teacher] = accounts(f);
    expect(pupil).toEqual({
      login: 'lea.dupont',
      uid: 'UAA001',
      profile: 'pupil',
      rawProfile: 'Eleve',
      name: { family: 'DUPONT', given: 'Léa' },
      division: '5A',
      password: 'Abc123',
      passwordChanged: false,
      joinKey: '1234567',
      guardianUids: ['UPP01', 'UPM01'],
      pronoteId: 'E1',
      birthDate: '2012-05-03',
      uai: '0310040A',
      provenance: { file: 'ENT-Identifiants-0310040A.csv', position: 2 },
    });
    expect(guardian!.profile).toBe('guardian');
    expect(guardian!.passwordChanged).toBe(true);
    expect(guardian!.password).toBeUndefined();
    expect(JSON.stringify(guardian)).not.toContain('qUqP5');
    expect(guardian!.children).toEqual([{ family: 'DUPONT', given: 'Léa', raw: 'DUPONT Léa' }]);
    expect(guardian!.pronoteId).toBeUndefined();
    expect(teacher!.profile).toBe('teacher');
    expect(teacher!.name.family).toBe('GÉRARD');
  });

  it('reads the file without a header when the first column is a UAI', () => {
    const text = '0310040A;UAA001;5A;eleve;Léa;DUPONT;lea.dupont;Abc123;1234567;UPP01;;;\n0310040A;UPP01;;tuteur;Hervé;DUPONT;herve.dupont1;Xyz789;;;;;\n';
    const f = ok('ENT-Identifiants.csv', utf8(text), 'ent-identifiants-13');
    expect(accounts(f).map((a) => [a.login, a.profile, a.provenance.position])).toEqual([
      ['lea.dupont', 'pupil', 1],
      ['herve.dupont1', 'guardian', 2],
    ]);
    expect(accounts(f)[0]!.guardianUids).toEqual(['UPP01']);
  });

  it('keeps rows without a login out and counts them; warns about duplicate logins and several UAIs', () => {
    const text = [
      H13,
      '0310040A;U1;5A;Eleve;Léa;DUPONT;lea.dupont;a;;;;;',
      '0310040A;U2;5A;Eleve;Tom;MARTIN;;b;;;;;',
      '0310040A;U3;5B;Eleve;Zoé;PETIT;;c;;;;;',
      '0310040A;U4;5A;Eleve;Léa;DUPONT;LEA.DUPONT;d;;;;;',
      '0310041B;U5;5A;Eleve;Paul;BLANC;paul.blanc;e;;;;;',
    ].join('\n');
    const f = ok('ENT-Identifiants.csv', utf8(text), 'ent-identifiants-13');
    expect(accounts(f).map((a) => a.login)).toEqual(['lea.dupont', 'paul.blanc']);
    expect(codes(f)).toEqual(['ent-login-missing', 'ent-login-duplicate', 'ent-uai-several']);
    const missing = f.warnings[0]!;
    expect(missing.message).toContain('2 lignes');
    expect(missing.message).toContain('MARTIN Tom (ligne 3)');
    expect(missing.message).toContain('PETIT Zoé (ligne 4)');
    expect(f.warnings[1]!.position).toBe(5);
    expect(f.warnings[2]!.message).toContain('0310041B');
    expect(f.uai).toBe('0310040A');
  });
});

describe('Open ENT NG exports', () => {
  it('reads the classic export (every field quoted, a `;` inside a quoted cell)', () => {
    const text = [
      '"Type";"Nom";"Prénom";"Login";"Alias de login";"Code d\'activation"',
      '"Élève";"DUPONT";"Léa";"lea.dupont";"";"ABCD1234"',
      '"Parent";"DUPONT; épouse MARTIN";"Marie";"marie.dupont";"mamandelea";""',
      '"Invité";"INCONNU";"Jean";"jean.inconnu";"";""',
    ].join('\n');
    const f = ok('export.txt', utf8(text), 'opentent-classic');
    expect(f.warnings).toEqual([]);
    const [a, b, c] = accounts(f);
    expect(a).toMatchObject({ login: 'lea.dupont', profile: 'pupil', activationCode: 'ABCD1234', passwordChanged: false });
    expect(b).toMatchObject({ login: 'marie.dupont', profile: 'guardian', name: { family: 'DUPONT; épouse MARTIN', given: 'Marie' } });
    expect(b!.activationCode).toBeUndefined();
    expect(c).toMatchObject({ profile: 'other', rawProfile: 'Invité' });
  });

  it('reads the Sacoche export: Id = ENT id, Id Siecle = join key', () => {
    const text = '"Id";"Id Siecle";"Type";"Nom";"Prénom";"Login"\n"f3a9-11";"1234567";"Élève";"DUPONT";"Léa";"lea.dupont"\n"b7c2-22";"";"Enseignant";"GÉRARD";"Hélène";"helene.gerard"\n';
    const f = ok('exportSacoche.csv', cp1252(text), 'opentent-sacoche');
    expect(accounts(f)[0]).toMatchObject({ uid: 'f3a9-11', joinKey: '1234567', login: 'lea.dupont', profile: 'pupil', guardianUids: [] });
    expect(accounts(f)[1]).toMatchObject({ profile: 'teacher', name: { family: 'GÉRARD', given: 'Hélène' } });
  });

  it('reads the detailed export (French headers, lists joined with `, `)', () => {
    const text = [
      '"Id";"Id Siecle";"Type";"Nom";"Prénom";"Login";"Code d\'activation";"Fonction(s)";"Structure(s)";"Classe(s)";"Enfant(s)";"Parent(s)"',
      '"p-1";"7654321";"Parent";"DUPONT";"Marie";"marie.dupont";"";"";"Collège Jean Moulin";"5A, 3B";"Léa DUPONT, Tom DUPONT";""',
      '"s-1";"";"Personnel";"ROUX";"Anne";"anne.roux";"ZZ99";"DIR";"Collège Jean Moulin";"";"";""',
    ].join('\n');
    const f = ok('export.id.txt', utf8(text), 'opentent-detailed');
    const [parent, staff] = accounts(f);
    expect(parent).toMatchObject({ profile: 'guardian', joinKey: '7654321', division: '5A' });
    expect(parent!.children).toEqual([{ raw: 'Léa DUPONT' }, { raw: 'Tom DUPONT' }]);
    expect(staff).toMatchObject({ profile: 'staff', activationCode: 'ZZ99' });
  });

  it('reads the detailed export with English headers', () => {
    const text = 'id;attachmentId;type;lastname;firstname;login;login alias;code\nx-1;111;Student;DUPONT;Léa;lea.dupont;;C0DE\nx-2;;Relative;DUPONT;Marie;marie.dupont;;\nx-3;;Teacher;ROUX;Anne;anne.roux;;\n';
    const f = ok('export.csv', utf8(text), 'opentent-detailed');
    expect(accounts(f).map((a) => [a.uid, a.profile])).toEqual([
      ['x-1', 'pupil'],
      ['x-2', 'guardian'],
      ['x-3', 'teacher'],
    ]);
    expect(accounts(f)[0]).toMatchObject({ joinKey: '111', activationCode: 'C0DE' });
  });

  it('reads the Gepi export, whose logins are empty: the UID stands in, with a warning', () => {
    const text = [
      '"RNE";"UID";"Classe";"Profil";"Prénom";"Nom";"Login";"Mot de passe";"Clé de jointure";"UID Responsable 1";"UID Responsable 2";"UID tuteur 1";"UID tuteur 2"',
      '"";"f3a9-11";"5A";"Élève";"Léa";"DUPONT";"";"";"";"p-1";"";"";""',
      '"";"p-1";"";"Parent";"Marie";"DUPONT";"";"";"";"";"";"";""',
    ].join('\n');
    const f = ok('ENT-Identifiants.csv', utf8(text), 'opentent-gepi');
    expect(accounts(f).map((a) => [a.login, a.uid])).toEqual([
      ['f3a9-11', 'f3a9-11'],
      ['p-1', 'p-1'],
    ]);
    expect(accounts(f)[0]!.guardianUids).toEqual(['p-1']);
    expect(f.uai).toBeUndefined();
    expect(codes(f)).toEqual(['ent-logins-empty']);
    expect(f.warnings[0]!.message).toContain('2 comptes');
  });

  it('reads the ProEPS pupils export (comma, unquoted)', () => {
    const text = 'Identifiant ENT,Profil,nom,prénom,Date de naissance,Sexe,Classe,id sconet\nf3a9-11,Eleve,DUPONT,Léa,2012-05-03,,5A,1234567\n';
    const f = ok('proeps.csv', utf8(text), 'proeps-eleves');
    expect(accounts(f)[0]).toMatchObject({ login: 'f3a9-11', uid: 'f3a9-11', profile: 'pupil', birthDate: '2012-05-03', division: '5A', joinKey: '1234567' });
  });

  it('reads the ProEPS parents export: children ids joined with `, ` spill over the columns', () => {
    const text = [
      'Identifiant_ENT,Profil,nom,prenom,Date de naissance,Sexe,Classe,ID_Sconet_Eleve1,ID_Sconet_Eleve2,ID_Sconet_Eleve3,ID_Sconet_Eleve4,ID_Sconet_Eleve5',
      'p-1,Parent,DUPONT,Marie,,,5A,1234567, 2345678',
      'p-2,Parent,MARTIN,Paul,,,4C,3456789',
      'p-3,MARTIN, épouse ROUX,Anne,,,4C,4567890',
    ].join('\n');
    const f = ok('proeps-parents.csv', utf8(text), 'proeps-parents');
    expect(accounts(f).map((a) => [a.login, a.children?.map((c) => c.joinKey)])).toEqual([
      ['p-1', ['1234567', '2345678']],
      ['p-2', ['3456789']],
    ]);
    expect(codes(f)).toEqual(['ent-proeps-ambiguous', 'ent-proeps-children']);
    expect(f.warnings[0]!.message).toContain('ligne 4');
  });
});

describe('Kosmos, type 2 and other ENTs', () => {
  it('reads a Kosmos export by header names in any order (UTF-8 BOM), `{SHA}` passwords never kept', () => {
    const text = [
      'Profil;Nom;Prénom;Classe;Identifiant ENT;Login;Mot de passe',
      'ELEVE;DUPONT;Léa;5A;1a2b3c;lea.dupont;p4ss',
      'PARENT;DUPONT;Hervé;;4d5e6f;herve.dupont;{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=',
      'PERSONNEL ADMINISTRATIF;ROUX;Anne;;7g8h9i;anne.roux;',
    ].join('\r\n');
    const f = ok('kosmos.csv', utf8Bom(text), 'kosmos');
    expect(f.encoding).toBe('UTF-8');
    const [a, b, c] = accounts(f);
    expect(a).toMatchObject({ login: 'lea.dupont', uid: '1a2b3c', profile: 'pupil', password: 'p4ss', passwordChanged: false });
    expect(b).toMatchObject({ login: 'herve.dupont', profile: 'guardian', passwordChanged: true });
    expect(b!.password).toBeUndefined();
    expect(c).toMatchObject({ profile: 'staff', rawProfile: 'PERSONNEL ADMINISTRATIF' });
    expect(c!.password).toBeUndefined();
    expect(c!.passwordChanged).toBe(false);
  });

  it('reads the restricted "type 2" export with its trailing `;`', () => {
    const text = 'Civilité;Nom;Prénom;Profil;Login;Identifiant ENT;Etablissement;\nMme;ROUX;Anne;Enseignant;anne.roux;AB123;0310040A;\n';
    const f = ok('type2.csv', cp1252(text), 'type2');
    expect(accounts(f)[0]).toMatchObject({ login: 'anne.roux', uid: 'AB123', profile: 'teacher', uai: '0310040A' });
    expect(f.uai).toBe('0310040A');
  });

  it('reads any other ENT by header aliases (comma CSV, id sconet, PRONOTE ID, UID links)', () => {
    const text = [
      'Identifiant,Nom de famille,Prénom,Statut,Profil,Division,Code d\'activation,id sconet,IDPN,Date de naissance,UID Père,UID Mère',
      'lea.dupont,DUPONT,Léa,x,PersRelEleve,,,,,,,',
      'tom.martin,MARTIN,Tom,x,Élève,4C,K9,2345678,P7,15/11/2011,g-1,g-2',
      'anne.roux,ROUX,Anne,x,PersEducNat,,,,,,,',
      'zoe.petit,PETIT,Zoé,x,Bibliothécaire,,,,,,,',
    ].join('\n');
    const f = ok('autre-ent.csv', utf8(text), 'generic');
    expect(accounts(f).map((a) => a.profile)).toEqual(['guardian', 'pupil', 'staff', 'other']);
    expect(accounts(f)[1]).toMatchObject({
      login: 'tom.martin', division: '4C', activationCode: 'K9', joinKey: '2345678', pronoteId: 'P7', birthDate: '2011-11-15', guardianUids: ['g-1', 'g-2'],
    });
    expect(codes(f)).toEqual(['ent-profile-unknown']);
    expect(f.warnings[0]!.message).toContain('Bibliothécaire');
  });

  it('reads a UTF-16 LE tab-separated paste of an ENT list', () => {
    const f = ok('presse-papiers.txt', utf16le('Login\tNom\tPrénom\tProfil\r\nlea.dupont\tDUPONT\tLéa\tStudent\r\n'), 'generic');
    expect(accounts(f)[0]).toMatchObject({ login: 'lea.dupont', profile: 'pupil', name: { given: 'Léa' } });
  });

  it('warns when there is no profile column', () => {
    const f = ok('comptes.csv', utf8('Login;Nom;Prénom\nlea.dupont;DUPONT;Léa\n'), 'generic');
    expect(accounts(f)[0]!.profile).toBe('other');
    expect(codes(f)).toEqual(['ent-profile-missing']);
  });

  it('maps the profile labels of the various ENTs', () => {
    const cases: [string, string | undefined][] = [
      ['Eleve', 'pupil'], ['Élève', 'pupil'], ['ELEVE', 'pupil'], ['Student', 'pupil'],
      ['Responsable', 'guardian'], ['Responsable élève', 'guardian'], ['Parent', 'guardian'], ['Tuteur', 'guardian'],
      ['PersRelEleve', 'guardian'], ['Relative', 'guardian'],
      ['Enseignant', 'teacher'], ['Professeur', 'teacher'], ['Teacher', 'teacher'], ['ENS', 'teacher'],
      ['Personnel', 'staff'], ['Personnel administratif', 'staff'], ['Personnel de direction', 'staff'],
      ['PersEducNat non-ENS', 'staff'], ['Personnel non enseignant', 'staff'],
      ['Invité', 'other'], ['Guest', 'other'], ['Bibliothécaire', undefined], ['', undefined],
    ];
    for (const [raw, want] of cases) expect([raw, entProfileOf(raw)]).toEqual([raw, want]);
    expect(entProfileOf('PersEducNat', 'ENS$L0201')).toBe('teacher');
    expect(entProfileOf('PersEducNat', 'DIR')).toBe('staff');
  });
});

describe('ENT lists: unknown headers and column mappings', () => {
  const header = ['Compte', 'Famille', 'Petit nom', 'Catégorie X'];
  const text = `${header.join(';')}\nlea.dupont;DUPONT;Léa;Élève\n`;

  it('refuses an unrecognised header with unknown-layout', () => {
    const f = readOne('bizarre.csv', utf8(text));
    expect(f.kind).toBe('unknown');
    expect(f.error?.code).toBe('unknown-layout');
  });

  it('reads the same file once the admin mapped its columns', () => {
    const tableHints = {
      mappings: { [headerSignature(header)]: { kind: 'ent-accounts' as const, columns: { login: 0, family: 1, given: 2, profile: 3 } } },
    };
    const f = ok('bizarre.csv', utf8(text), 'admin-mapping', { tableHints });
    expect(accounts(f)).toMatchObject([{ login: 'lea.dupont', profile: 'pupil', name: { family: 'DUPONT', given: 'Léa' } }]);
  });

  it('does not take a PRONOTE list with its PRONOTE login (`Identifiant`) for an ENT list', () => {
    const f = readOne('eleves.csv', utf8('Nom;Prénom;Né(e) le;Classe;Identifiant;IDPN\nDUPONT;Léa;03/05/2012;5A;DUPONTL;E1\n'));
    expect(f.kind).toBe('pronote-ids');
    expect(f.data.pronoteRows![0]!.pronoteId).toBe('E1');
  });
});
