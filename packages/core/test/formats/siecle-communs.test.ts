import { describe, expect, it } from 'vitest';
import { latin9 } from '../helpers/bytes.js';
import { bee, codes, readBee, readOne } from './siecle-helpers.js';

const FILE = 'Communs.xml';

describe('SIECLE communs (BEE_COMMUN)', () => {
  it('reads the school and the school-year dates', () => {
    const xml = bee(
      'BEE_COMMUN',
      `<UAJ><DENOM_PRINC>COLLEGE</DENOM_PRINC><DENOM_COMPL>JEANNE D'ARC - CŒUR</DENOM_COMPL><NOM_RESP>Jean DUPONT</NOM_RESP><QUAL_RESP>PRINCIPAL</QUAL_RESP>
        <LIGNE1_ADRESSE>1 RUE DE L'ÉCOLE</LIGNE1_ADRESSE><LIGNE2_ADRESSE></LIGNE2_ADRESSE><BOITE_POST>12</BOITE_POST><COMMUNE_ETRANGERE></COMMUNE_ETRANGERE>
        <TELEPHONE>0556000000</TELEPHONE><MEL_1>ce.0330001a@ac-bordeaux.fr</MEL_1><CODE_POSTAL>33600</CODE_POSTAL><CODE_COMMUNE_INSEE>33318</CODE_COMMUNE_INSEE><CODE_PAYS>100</CODE_PAYS></UAJ>
       <ANNEE_SCOLAIRE><DATE_DEBUT_ELEVE>01/09/2025</DATE_DEBUT_ELEVE><DATE_FIN_ELEVE>04/07/2026</DATE_FIN_ELEVE></ANNEE_SCOLAIRE>`,
    );
    const bytes = latin9(xml);
    expect(bytes.includes(0xbc)).toBe(true);
    const f = readOne(FILE, bytes);
    expect(f.error).toBeNull();
    expect(f).toMatchObject({ kind: 'siecle-communs', encoding: 'ISO-8859-15', uai: '0330001A', schoolYear: 2025, exportDate: '2026-01-15' });
    expect(f.warnings).toEqual([]);
    expect(f.data.school).toEqual({
      uai: '0330001A',
      name: "COLLEGE JEANNE D'ARC - CŒUR",
      addressLines: ["1 RUE DE L'ÉCOLE", 'BP 12'],
      postcode: '33600',
      inseeCode: '33318',
      schoolYearStart: '2025-09-01',
      schoolYearEnd: '2026-07-04',
    });
  });

  it('a foreign school gets its town from COMMUNE_ETRANGERE; bad dates warn', () => {
    const f = readBee(
      FILE,
      bee('BEE_COMMUN', `<UAJ><DENOM_PRINC>LYCEE FRANCAIS</DENOM_PRINC><COMMUNE_ETRANGERE>1050 IXELLES</COMMUNE_ETRANGERE></UAJ><ANNEE_SCOLAIRE><DATE_DEBUT_ELEVE>bientôt</DATE_DEBUT_ELEVE></ANNEE_SCOLAIRE>`),
    );
    expect(f.data.school).toEqual({ uai: '0330001A', name: 'LYCEE FRANCAIS', postcode: '1050', city: 'IXELLES' });
    expect(codes(f)).toEqual(['siecle.invalid-date']);
  });
});
