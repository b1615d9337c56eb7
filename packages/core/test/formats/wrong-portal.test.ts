import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/formats/read.js';
import { latin9 } from '../helpers/bytes.js';

describe('files from the wrong portal or export', () => {
  it('refuses the EDT → STS-web file (root EDT_STS) and says which export to take', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-15"?>
<EDT_STS>
  <PARAMETRES><UAJ CODE="0750001A"/><ANNEE_SCOLAIRE ANNEE="2025"/></PARAMETRES>
  <DONNEES><STRUCTURE><DIVISIONS><DIVISION CODE="3 B"><SERVICES/></DIVISION></DIVISIONS></STRUCTURE></DONNEES>
</EDT_STS>
`;
    const [f, ...rest] = readFile('sts_emp_0750001A_2025.xml', latin9(xml));
    expect(rest).toEqual([]);
    expect(f!.error?.code).toBe('wrong-portal');
    expect(f!.error?.file).toBe('sts_emp_0750001A_2025.xml');
    expect(f!.error?.message).toContain('EDT_STS');
    expect(f!.error?.message).toContain('pas l\'export de STS-web');
    expect(f!.error?.hint).toContain('Mise à jour > Exports > Emploi du temps');
    expect(f!.kind).toBe('unknown');
    expect(f!.data).toEqual({});
  });

  it('refuses the EDT course export (root TABLE) with a French explanation', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-15"?>
<TABLE nom="Cours">
  <Cours><NUMERO>1</NUMERO><MATIERE>MATHÉMATIQUES</MATIERE><PROF_NOM>DURAND</PROF_NOM></Cours>
</TABLE>
`;
    const f = readFile('EXP_COURS.xml', latin9(xml))[0]!;
    expect(f.error?.code).toBe('wrong-portal');
    expect(f.error?.message).toContain('EXP_COURS.xml');
    expect(f.error?.message).toContain('TABLE');
    expect(f.error?.message).toMatch(/logiciel EDT/);
    expect(f.error?.hint).toContain('STS-web (sts_emp)');
    expect(f.data).toEqual({});
  });

  it('refuses an EDT_STS file even without an XML declaration', () => {
    const f = readFile('edt.xml', latin9('<EDT_STS><PARAMETRES/></EDT_STS>'))[0]!;
    expect(f.error?.code).toBe('wrong-portal');
  });
});
