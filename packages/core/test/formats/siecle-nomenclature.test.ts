import { describe, expect, it } from 'vitest';
import { latin9 } from '../helpers/bytes.js';
import { bee, codes, readBee, readOne, UTF8_DECL } from './siecle-helpers.js';

const FILE = 'Nomenclature.xml';

const DONNEES = `<MATIERES>
  <MATIERE CODE_MATIERE="030201"><CODE_GESTION>AGL1 </CODE_GESTION><LIBELLE_COURT>ANGLAIS LV1         </LIBELLE_COURT><LIBELLE_LONG>ANGLAIS LV1</LIBELLE_LONG><LIBELLE_EDITION>Anglais LV1</LIBELLE_EDITION><MATIERE_ETP>0</MATIERE_ETP></MATIERE>
  <MATIERE CODE_MATIERE="001600"><CODE_GESTION>ŒNO  </CODE_GESTION><LIBELLE_COURT>ŒNOLOGIE</LIBELLE_COURT><LIBELLE_EDITION>Œnologie et cœur</LIBELLE_EDITION></MATIERE>
</MATIERES>
<MEFS>
  <MEF CODE_MEF="10310019110"><FORMATION>3EME</FORMATION><LIBELLE_LONG>3EME</LIBELLE_LONG><LIBELLE_EDITION>3ème</LIBELLE_EDITION><MEF_RATTACHEMENT>10310019110</MEF_RATTACHEMENT><DATE_OUVERTURE>01/09/2016</DATE_OUVERTURE><DATE_FERMETURE>31/12/9999</DATE_FERMETURE></MEF>
  <MEF CODE_MEF="10010012110"><FORMATION>6EME</FORMATION><LIBELLE_LONG>6EME</LIBELLE_LONG></MEF>
</MEFS>
<MODALITES_ELECTION><MODALITE_ELECTION CODE_MODALITE_ELECT="S"><LIBELLE_COURT>OBLIGATOIRE</LIBELLE_COURT></MODALITE_ELECTION></MODALITES_ELECTION>
<PROGRAMMES><PROGRAMME><CODE_MEF>10310019110</CODE_MEF><CODE_MATIERE>030201</CODE_MATIERE><CODE_MODALITE_ELECT>S</CODE_MODALITE_ELECT></PROGRAMME></PROGRAMMES>`;

describe('SIECLE nomenclatures (BEE_NOMENCLATURES)', () => {
  it('reads subjects (leading zeros kept, padded values trimmed) and MEFs from ISO-8859-15 bytes', () => {
    const bytes = latin9(bee('BEE_NOMENCLATURES', DONNEES, { version: '3.1' }));
    expect(bytes.includes(0xbd)).toBe(true);
    const f = readOne(FILE, bytes);
    expect(f.error).toBeNull();
    expect(f).toMatchObject({ kind: 'siecle-nomenclature', encoding: 'ISO-8859-15', uai: '0330001A', schoolYear: 2025 });
    expect(f.warnings).toEqual([]);
    expect(f.data.subjects).toEqual([
      { code: '030201', shortCode: 'AGL1', shortLabel: 'ANGLAIS LV1', longLabel: 'ANGLAIS LV1' },
      { code: '001600', shortCode: 'ŒNO', shortLabel: 'ŒNOLOGIE', longLabel: 'Œnologie et cœur' },
    ]);
    expect(f.data.mefs).toEqual([
      { code: '10310019110', formation: '3EME', longLabel: '3EME' },
      { code: '10010012110', formation: '6EME', longLabel: '6EME' },
    ]);
  });

  it('reads a UTF-8 declared file', () => {
    const f = readBee(FILE, bee('BEE_NOMENCLATURES', DONNEES, { decl: UTF8_DECL }));
    expect(f.encoding).toBe('UTF-8');
    expect(f.data.subjects![1]!.longLabel).toBe('Œnologie et cœur');
  });

  it('a duplicate code keeps the first, a missing code is skipped; both warn', () => {
    const f = readBee(
      FILE,
      bee(
        'BEE_NOMENCLATURES',
        `<MATIERES><MATIERE CODE_MATIERE="030201"><CODE_GESTION>AGL1</CODE_GESTION></MATIERE><MATIERE CODE_MATIERE="030201"><CODE_GESTION>AUTRE</CODE_GESTION></MATIERE><MATIERE><CODE_GESTION>SANS</CODE_GESTION></MATIERE></MATIERES><MEFS><MEF><FORMATION>X</FORMATION></MEF></MEFS>`,
      ),
    );
    expect(f.data.subjects).toEqual([{ code: '030201', shortCode: 'AGL1' }]);
    expect(f.data.mefs).toEqual([]);
    expect(codes(f)).toEqual(['siecle.subject-duplicate', 'siecle.subject-missing-code', 'siecle.mef-missing-code']);
    expect(f.warnings[0]).toMatchObject({ position: 2 });
    expect(f.warnings[0]!.message).toMatch(/« 030201 ».*Nomenclature\.xml/);
  });

  it('an empty DONNEES gives empty lists', () => {
    const f = readBee(FILE, bee('BEE_NOMENCLATURES', ''));
    expect(f.data).toEqual({ subjects: [], mefs: [] });
  });
});
