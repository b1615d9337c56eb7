import { describe, expect, it } from 'vitest';
import { latin9 } from '../helpers/bytes.js';
import { bee, codes, readBee, readOne } from './siecle-helpers.js';

const FILE = 'Structures.xml';

describe('SIECLE structures (BEE_STRUCTURES)', () => {
  it('reads divisions with MEFs and groups with MEFs and divisions; codes stay strings', () => {
    const xml = bee(
      'BEE_STRUCTURES',
      `<DIVISIONS>
        <DIVISION CODE_STRUCTURE="4e 1"><LIBELLE_LONG>4ème 1 - Cœur</LIBELLE_LONG><MEFS_APPARTENANCE><MEF_APPARTENANCE><CODE_MEF>10210001110</CODE_MEF></MEF_APPARTENANCE></MEFS_APPARTENANCE></DIVISION>
        <DIVISION CODE_STRUCTURE="061"><LIBELLE_LONG>6EME 1</LIBELLE_LONG><MEFS_APPARTENANCE><MEF_APPARTENANCE><CODE_MEF>10010012110</CODE_MEF></MEF_APPARTENANCE><MEF_APPARTENANCE><CODE_MEF>10010012111</CODE_MEF></MEF_APPARTENANCE></MEFS_APPARTENANCE></DIVISION>
        <DIVISION CODE_STRUCTURE="3 AVSPRO"></DIVISION>
      </DIVISIONS>
      <GROUPES>
        <GROUPE CODE_STRUCTURE="42"><LIBELLE_LONG>LATIN</LIBELLE_LONG><MEFS_APPARTENANCE><MEF_APPARTENANCE><CODE_MEF>10210001110</CODE_MEF></MEF_APPARTENANCE></MEFS_APPARTENANCE>
          <DIVISIONS_APPARTENANCE><DIVISION_APPARTENANCE><CODE_STRUCTURE>4e 1</CODE_STRUCTURE></DIVISION_APPARTENANCE><DIVISION_APPARTENANCE><CODE_STRUCTURE>061</CODE_STRUCTURE></DIVISION_APPARTENANCE></DIVISIONS_APPARTENANCE></GROUPE>
        <GROUPE CODE_STRUCTURE="ESP LV2"><DIVISIONS_APPARTENANCE><DIVISION_APPARTENANCE CODE_STRUCTURE="3 AVSPRO"/><DIVISION_APPARTENANCE CODE="061"/></DIVISIONS_APPARTENANCE><MEFS_APPARTENANCE><MEF_APPARTENANCE CODE="10010012110"/></MEFS_APPARTENANCE></GROUPE>
      </GROUPES>`,
      { version: '2.0' },
    );
    const f = readOne(FILE, latin9(xml));
    expect(f.error).toBeNull();
    expect(f).toMatchObject({ kind: 'siecle-structures', encoding: 'ISO-8859-15', uai: '0330001A', schoolYear: 2025 });
    expect(f.warnings).toEqual([]);
    expect(f.data.siecleDivisions).toEqual([
      { code: '4e 1', label: '4ème 1 - Cœur', mefs: ['10210001110'] },
      { code: '061', label: '6EME 1', mefs: ['10010012110', '10010012111'] },
      { code: '3 AVSPRO', mefs: [] },
    ]);
    expect(f.data.siecleGroups).toEqual([
      { code: '42', label: 'LATIN', mefs: ['10210001110'], divisions: ['4e 1', '061'] },
      { code: 'ESP LV2', mefs: ['10010012110'], divisions: ['3 AVSPRO', '061'] },
    ]);
  });

  it('warns for duplicates and for a group attached to an unknown division', () => {
    const f = readBee(
      FILE,
      bee(
        'BEE_STRUCTURES',
        `<DIVISIONS><DIVISION CODE_STRUCTURE="4A"/><DIVISION CODE_STRUCTURE="4A"><LIBELLE_LONG>bis</LIBELLE_LONG></DIVISION></DIVISIONS>
         <GROUPES><GROUPE CODE_STRUCTURE="G1"><DIVISIONS_APPARTENANCE><DIVISION_APPARTENANCE><CODE_STRUCTURE>4Z</CODE_STRUCTURE></DIVISION_APPARTENANCE></DIVISIONS_APPARTENANCE></GROUPE><GROUPE/></GROUPES>`,
      ),
    );
    expect(f.data.siecleDivisions).toEqual([{ code: '4A', mefs: [] }]);
    expect(f.data.siecleGroups).toEqual([{ code: 'G1', mefs: [], divisions: ['4Z'] }]);
    expect(codes(f)).toEqual(['siecle.division-duplicate', 'siecle.group-unknown-division', 'siecle.group-missing-code']);
  });
});
