import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { diffDatasets, diffToCsv } from '../../src/export/diff.js';
import { CPRO_ZIP_THRESHOLD, cproBundle } from '../../src/export/cpro.js';
import { checkProEps, proEpsToCsv, readProEpsList } from '../../src/export/proeps.js';
import { RaccordError } from '../../src/util/errors.js';
import { concat, cp1252, latin9, utf8Bom } from '../helpers/bytes.js';
import { account, dataset, glink, guardian, prow, pupil, teacher } from '../checks/fixtures.js';

describe('diff', () => {
  const before = dataset({
    pupils: [pupil('1', 'DUPONT', 'Léa', { division: '3A', ine: '111' }), pupil('2', 'MARTIN', 'Hugo', { division: '3B' }), pupil('3', 'ROUX', 'Lou', { division: '4A' })],
    guardians: [guardian('G1', 'DUPONT', 'Marie'), guardian('G3', 'ROUX', 'Ana')],
    guardianLinks: [glink('1', 'G1'), glink('3', 'G3')],
    staff: [teacher('T1', 'PROF', 'Jean', { birthDate: '1980-01-01' }), teacher('T2', 'VIEUX', 'Paul')],
    pronoteRows: [prow('PN1', 'DUPONT', 'Léa'), prow('PN2', 'MARTIN', 'Hugo', { birthDate: '2011-05-04' })],
    entAccounts: [account('lea', 'DUPONT', 'Léa', { joinKey: '1' }), account('hugo', 'MARTIN', 'Hugo', { joinKey: '2', pronoteId: 'PN2' })],
  });
  const after = dataset({
    pupils: [
      pupil('1', 'DUPONT', 'Léa', { division: '3C', ine: '222' }),
      pupil('2', 'MARTIN', 'Hugo', { division: '3B' }),
      pupil('3', 'ROUX', 'Lou', { division: '4A', left: true, leaveDate: '2025-10-02' }),
      pupil('4', 'NOUVEAU', 'Tom', { division: '6A', entryDate: '2025-10-01' }),
    ],
    guardians: [guardian('G1', 'DUPONT', 'Marie'), guardian('G3', 'ROUX', 'Ana'), guardian('G4', 'NOUVEAU', 'Eva')],
    guardianLinks: [glink('1', 'G1'), glink('3', 'G3'), glink('4', 'G4')],
    staff: [teacher('T9', 'PROF', 'Jean', { birthDate: '1980-01-01' }), teacher('T3', 'NEUF', 'Ada')],
    pronoteRows: [prow('PN1', 'DUPONT', 'Léa'), prow('PN2b', 'MARTIN', 'Hugo', { birthDate: '2011-05-04' }), prow('PN4', 'NOUVEAU', 'Tom')],
    entAccounts: [
      account('lea2', 'DUPONT', 'Léa', { joinKey: '1' }),
      account('hugo', 'MARTIN', 'Hugo', { joinKey: '2', pronoteId: 'PN2b' }),
      account('tom', 'NOUVEAU', 'Tom', { joinKey: '4' }),
    ],
  });

  it('finds arrivals, departures, class changes and identifier changes', () => {
    const d = diffDatasets(before, after);
    expect(d.arrivals.map((p) => `${p.kind} ${p.ref.id}`)).toEqual(['guardian G4', 'pupil 4', 'staff T3']);
    expect(d.arrivals.find((p) => p.ref.id === '4')!.date).toBe('2025-10-01');
    expect(d.departures.map((p) => `${p.kind} ${p.ref.id}`)).toEqual(['guardian G3', 'pupil 3', 'staff T2']);
    expect(d.departures.find((p) => p.ref.id === '3')!.date).toBe('2025-10-02');
    expect(d.classChanges).toMatchObject([{ ref: { id: '1' }, from: '3A', to: '3C' }]);
    expect(d.identifiers.map((i) => `${i.kind} ${i.before ?? '∅'}→${i.after}`)).toEqual([
      'ent-login lea→lea2',
      'ent-login ∅→tom',
      'ent-pronote PN2→PN2b',
      'ine 111→222',
      'pronote PN2→PN2b',
      'pronote ∅→PN4',
    ]);
  });

  it('recognises an STS person whose opaque ID changed by name and birth date', () => {
    const d = diffDatasets(before, after);
    expect(d.arrivals.some((p) => p.label.startsWith('PROF'))).toBe(false);
    expect(d.departures.some((p) => p.label.startsWith('PROF'))).toBe(false);
  });

  it('writes the CSV', () => {
    const csv = diffToCsv(diffDatasets(before, after));
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('Changement;Profil;Personne;Avant;Après;Date;Référence');
    expect(rows).toContain('Arrivée;élève;NOUVEAU Tom (6A);;6A;01/10/2025;4');
    expect(rows).toContain('Changement de classe;élève;DUPONT Léa (3C);3A;3C;;1');
    expect(rows).toContain('INE modifié;élève;DUPONT Léa (3C);111;222;;1');
    expect(rows).toContain('Nouveau compte ENT;ENT;NOUVEAU Tom (élève);;tom;;tom');
  });

  it('finds nothing between a snapshot and itself', () => {
    expect(diffDatasets(after, after)).toEqual({ arrivals: [], departures: [], classChanges: [], identifiers: [] });
  });
});

describe('cpro', () => {
  const eleves = latin9('<?xml version="1.0" encoding="ISO-8859-15"?>\n<BEE_ELEVES VERSION="3.0"><PARAMETRES/><DONNEES><ELEVES><ELEVE ELEVE_ID="1"><NOM_DE_FAMILLE>CŒUR</NOM_DE_FAMILLE></ELEVE></ELEVES></DONNEES></BEE_ELEVES>');
  const resp = latin9('<?xml version="1.0" encoding="ISO-8859-15"?>\n<BEE_RESPONSABLES VERSION="3.0"><DONNEES/></BEE_RESPONSABLES>');

  it('passes small files through as the original bytes, not zipped', () => {
    const b = cproBundle({ name: 'ElevesSansAdresses.xml', bytes: eleves }, { name: 'ResponsablesAvecAdresses.xml', bytes: resp });
    expect(b.zipped).toBe(false);
    expect(b.files.map((f) => f.name)).toEqual(['ElevesSansAdresses.xml', 'ResponsablesAvecAdresses.xml']);
    expect(b.files[0]!.bytes).toEqual(eleves);
    expect(b.files[1]!.bytes).toEqual(resp);
    expect(b.instructions).toContain('Importation des enseignants');
    expect(b.instructions).toContain('moins de 4 Mo');
  });

  it('zips both together when one is over 4 Mo, bytes intact', () => {
    const big = concat(eleves, new Uint8Array(CPRO_ZIP_THRESHOLD + 1).fill(0x20));
    const b = cproBundle({ name: 'ElevesSansAdresses.xml', bytes: big }, { name: 'ResponsablesAvecAdresses.xml', bytes: resp });
    expect(b.zipped).toBe(true);
    expect(b.files).toHaveLength(1);
    expect(b.files[0]!.name).toMatch(/\.zip$/);
    const entries = unzipSync(b.files[0]!.bytes);
    expect(Object.keys(entries).sort()).toEqual(['ElevesSansAdresses.xml', 'ResponsablesAvecAdresses.xml']);
    expect(Buffer.from(entries['ElevesSansAdresses.xml']!).equals(Buffer.from(big))).toBe(true);
    expect(entries['ResponsablesAvecAdresses.xml']).toEqual(resp);
    expect(b.instructions).toContain('« Fichier ZIP »');
  });

  it('accepts the SIECLE zips and takes the XML out of them', () => {
    const z = zipSync({ 'ElevesSansAdresses.xml': eleves, '__MACOSX/._ElevesSansAdresses.xml': new Uint8Array([1]) });
    const b = cproBundle({ name: 'ExportXML_ElevesSansAdresses.zip', bytes: z }, { name: 'ResponsablesAvecAdresses.xml', bytes: resp });
    expect(b.files[0]!.bytes).toEqual(eleves);
  });

  it('refuses swapped or foreign files with a French message', () => {
    expect(() => cproBundle({ name: 'r.xml', bytes: resp }, { name: 'e.xml', bytes: eleves })).toThrow(RaccordError);
    try {
      cproBundle({ name: 'sts.xml', bytes: latin9('<STS_EDT/>') }, { name: 'r.xml', bytes: resp });
    } catch (e) {
      expect((e as RaccordError).message).toContain("n'est pas le fichier des élèves");
      expect((e as RaccordError).hint).toContain('Exportations > En XML');
    }
  });

  it('warns when the pupils file is the one with addresses', () => {
    const b = cproBundle({ name: 'ElevesAvecAdresses.xml', bytes: eleves }, { name: 'ResponsablesAvecAdresses.xml', bytes: resp });
    expect(b.warnings[0]).toContain('ElevesSansAdresses.xml');
  });
});

describe('proeps', () => {
  const ds = dataset({
    pupils: [
      pupil('1', 'DUPONT', 'Léa', { division: '3A', elenoet: '501' }),
      pupil('2', 'MARTIN', 'Hugo', { division: '3B', birthDate: '2011-02-03' }),
      pupil('3', 'ROUX', 'Lou', { division: '4A' }),
      pupil('4', 'PARTI', 'Max', { division: '4A', left: true, leaveDate: '2025-09-20' }),
      pupil('5', 'LE GALL', 'Anaïs', { division: '5 B', birthDate: '2012-12-12' }),
    ],
  });

  it('reads the Open ENT NG ProEPS layout (comma, unquoted) and compares it with SIECLE', () => {
    const csv = [
      'Identifiant ENT,Profil,nom,prénom,Date de naissance,Sexe,Classe,id sconet',
      'lea.dupont,Eleve,DUPONT,Léa,04/05/2011,,3A,1',
      'hugo.martin,Eleve,MARTIN,Hugo,03/02/2011,,3C,',
      'max.parti,Eleve,PARTI,Max,04/05/2011,,4A,4',
      'anais.legall,Eleve,Legall,Anais,12121212,,5B,',
      'x.inconnu,Eleve,INCONNU,Xavier,01/01/2011,,4A,',
      'p.prof,Enseignant,PROF,Jean,,,,',
    ].join('\r\n');
    const check = checkProEps(ds, utf8Bom(csv));
    expect(check.list.columns).toMatchObject({ family: 'nom', given: 'prénom', birthDate: 'Date de naissance', division: 'Classe', siecleId: 'id sconet', login: 'Identifiant ENT' });
    expect(check.list.warnings).toEqual(["1 ligne(s) d'un autre profil qu'élève ignorée(s)."]);
    expect(check.matched).toBe(3);
    expect(check.issues.map((i) => `${i.kind} ${i.label}`)).toEqual([
      'missing ROUX Lou (4A)',
      'extra INCONNU Xavier',
      'extra PARTI Max (4A)',
      'class MARTIN Hugo (3B)',
      'birth-date LE GALL Anaïs (5 B)',
    ]);
    expect(check.issues[2]!.detail).toContain('sorti(e) de l\'établissement le 20/09/2025');
    const out = proEpsToCsv(check).replace(/^\uFEFF/, '').split('\r\n');
    expect(out[0]).toBe('Problème;Élève;Classe SIECLE;Classe dans la liste;Détail;Ligne du fichier;ELEVE_ID');
    expect(out[4]).toBe('Classe différente;MARTIN Hugo (3B);3B;3C;classe 3C dans la liste, 3B dans SIECLE;3;2');
  });

  it('reads a `;` Windows-1252 list with other headers, and says what it cannot check', () => {
    const list = readProEpsList(cp1252('NOM;PRÉNOM;CLASSE\r\nDUPONT;Léa;3A\r\n'));
    expect(list.rows).toEqual([{ line: 2, family: 'DUPONT', given: 'Léa', division: '3A' }]);
    expect(list.warnings[0]).toContain('Pas de colonne de date de naissance');
  });

  it('refuses a file without name columns, naming the headers it found', () => {
    expect(() => readProEpsList('a;b;c\r\n1;2;3\r\n', 'liste_Eleve_Toutes_0310040.csv')).toThrow(/en-têtes lus : a, b, c/);
  });
});
