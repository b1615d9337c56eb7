import { describe, expect, it } from 'vitest';
import type { SieclePupil } from '../../src/model/types.js';
import { latin9, utf8 } from '../helpers/bytes.js';
import { bee, codes, parametres, readBee, readOne, UTF8_DECL, warningsOf } from './siecle-helpers.js';

const FILE = 'ElevesSansAdresses.xml';

function eleve(id: string | null, inner: string, attrs = ''): string {
  return `<ELEVE${id === null ? '' : ` ELEVE_ID="${id}"`}${attrs}>${inner}</ELEVE>`;
}

function structures(id: string, ...s: [code: string, type: string][]): string {
  return `<STRUCTURES_ELEVE ELEVE_ID="${id}">${s.map(([c, t]) => `<STRUCTURE><CODE_STRUCTURE>${c}</CODE_STRUCTURE><TYPE_STRUCTURE>${t}</TYPE_STRUCTURE></STRUCTURE>`).join('')}</STRUCTURES_ELEVE>`;
}

function eleves(list: string[], structs: string[] = [], options: string[] = []): string {
  return `<ELEVES>${list.join('\n')}</ELEVES>\n<OPTIONS>${options.join('')}</OPTIONS>\n<STRUCTURES>${structs.join('\n')}</STRUCTURES>`;
}

function pupils(xml: string, options?: Parameters<typeof readBee>[2]) {
  const f = readBee(FILE, xml, options);
  return { f, pupils: f.data.pupils!, byId: new Map(f.data.pupils!.map((p) => [p.eleveId, p])) };
}

const NOMINAL = eleve(
  '123456',
  `<ID_NATIONAL>070123456AB</ID_NATIONAL><INE_BEA>0701234567A</INE_BEA><INE_RNIE>070123456AB</INE_RNIE>
   <NOM_DE_FAMILLE>LŒUILLET</NOM_DE_FAMILLE><NOM_USAGE></NOM_USAGE>
   <PRENOM>Hélène</PRENOM><PRENOM2>Chloé</PRENOM2><PRENOM3></PRENOM3>
   <DATE_NAISS>03/07/2012</DATE_NAISS><CODE_SEXE>2</CODE_SEXE>
   <CODE_PAYS>100</CODE_PAYS><CODE_DEPARTEMENT_NAISS>033</CODE_DEPARTEMENT_NAISS><CODE_COMMUNE_INSEE_NAISS>33318</CODE_COMMUNE_INSEE_NAISS>
   <CODE_MEF>10310019110</CODE_MEF><CODE_STATUT>ST</CODE_STATUT><CODE_REGIME>2</CODE_REGIME><DOUBLEMENT>N</DOUBLEMENT>
   <DATE_ENTREE>01/09/2025</DATE_ENTREE><MEL>helene@example.org</MEL>
   <SCOLARITE_AN_DERNIER><CODE_STRUCTURE>4A</CODE_STRUCTURE><CODE_RNE>0330002B</CODE_RNE><DENOM_PRINC>COLLEGE</DENOM_PRINC></SCOLARITE_AN_DERNIER>`,
  ' ELENOET="2643"',
);

describe('SIECLE élèves (BEE_ELEVES)', () => {
  it('reads a nominal ISO-8859-15 file, header and every pupil field', () => {
    const xml = bee(
      'BEE_ELEVES',
      eleves(
        [NOMINAL],
        [structures('123456', ['42', 'G'], ['3A', 'D'], ['LV2 ESP', 'G'])],
        [`<OPTION ELEVE_ID="123456" ELENOET="2643"><OPTIONS_ELEVE><NUM_OPTION>2</NUM_OPTION><CODE_MODALITE_ELECT>S</CODE_MODALITE_ELECT><CODE_MATIERE>030602</CODE_MATIERE></OPTIONS_ELEVE><OPTIONS_ELEVE><NUM_OPTION>1</NUM_OPTION><CODE_MODALITE_ELECT>S</CODE_MODALITE_ELECT><CODE_MATIERE>030201</CODE_MATIERE></OPTIONS_ELEVE></OPTION>`],
      ),
    );
    const bytes = latin9(xml);
    expect(bytes.includes(0xbc)).toBe(true); // Œ is one byte in ISO-8859-15
    const f = readOne(FILE, bytes);
    expect(f.error).toBeNull();
    expect(f.kind).toBe('siecle-eleves');
    expect(f.encoding).toBe('ISO-8859-15');
    expect(f.uai).toBe('0330001A');
    expect(f.schoolYear).toBe(2025);
    expect(f.exportDate).toBe('2026-01-15');
    expect(f.warnings).toEqual([]);
    expect(f.data.pupils).toEqual<SieclePupil[]>([
      {
        eleveId: '123456',
        elenoet: '2643',
        ine: '070123456AB',
        ineBea: '0701234567A',
        ineRnie: '070123456AB',
        name: { family: 'LŒUILLET', given: 'Hélène', otherGiven: ['Chloé'] },
        birthDate: '2012-07-03',
        sex: 'F',
        birthCountryCode: '100',
        birthDepartment: '033',
        birthInseeCode: '33318',
        mef: '10310019110',
        status: 'ST',
        entryDate: '2025-09-01',
        email: 'helene@example.org',
        left: false,
        division: '3A',
        groups: ['42', 'LV2 ESP'],
        options: ['030201', '030602'],
        provenance: { file: FILE, position: 1 },
      },
    ]);
  });

  it('decodes œ (byte 0xBD) and accents from ISO-8859-15 bytes', () => {
    const xml = bee('BEE_ELEVES', eleves([eleve('1', '<NOM_DE_FAMILLE>CŒUR-DE-LION</NOM_DE_FAMILLE><PRENOM>Zoé</PRENOM><PRENOM2>Cœur</PRENOM2><VILLE_NAISS>Saint-Étienne</VILLE_NAISS>')]));
    const bytes = latin9(xml);
    expect(bytes.includes(0xbd)).toBe(true);
    const { pupils: [p] } = pupils(xml);
    expect(p!.name).toEqual({ family: 'CŒUR-DE-LION', given: 'Zoé', otherGiven: ['Cœur'] });
    expect(p!.birthCity).toBe('Saint-Étienne');
  });

  it('reads a file declared and encoded UTF-8', () => {
    const xml = bee('BEE_ELEVES', eleves([eleve('1', '<NOM_DE_FAMILLE>LŒUILLET</NOM_DE_FAMILLE><PRENOM>Cœur</PRENOM>')], [structures('1', ['5e 2', 'D'])]), { decl: UTF8_DECL });
    const f = readOne(FILE, utf8(xml));
    expect(f.error).toBeNull();
    expect(f.encoding).toBe('UTF-8');
    expect(f.data.pupils![0]!.name).toEqual({ family: 'LŒUILLET', given: 'Cœur' });
    expect(f.data.pupils![0]!.division).toBe('5e 2');
  });

  describe('schema variants', () => {
    it('pre-2016 NOM', () => {
      const { pupils: [p] } = pupils(bee('BEE_ELEVES', eleves([eleve('1', '<ID_NATIONAL>1234567890A</ID_NATIONAL><NOM>MARTIN</NOM><PRENOM>Paul</PRENOM>')])));
      expect(p!.name).toEqual({ family: 'MARTIN', given: 'Paul' });
      expect(p!.ine).toBe('1234567890A');
    });

    it('NOM_DE_FAMILLE + NOM_USAGE: both kept, usage only when different', () => {
      const { byId } = pupils(
        bee(
          'BEE_ELEVES',
          eleves([
            eleve('1', '<NOM_DE_FAMILLE>DURAND</NOM_DE_FAMILLE><NOM_USAGE>DURAND-PETIT</NOM_USAGE><PRENOM>Léa</PRENOM>'),
            eleve('2', '<NOM_DE_FAMILLE>BERNARD</NOM_DE_FAMILLE><NOM_USAGE>BERNARD</NOM_USAGE><PRENOM>Ali</PRENOM>'),
            eleve('3', '<NOM_USAGE>SEUL</NOM_USAGE><PRENOM>Max</PRENOM>'),
          ]),
        ),
      );
      expect(byId.get('1')!.name).toEqual({ family: 'DURAND', usage: 'DURAND-PETIT', given: 'Léa' });
      expect(byId.get('2')!.name).toEqual({ family: 'BERNARD', given: 'Ali' });
      expect(byId.get('3')!.name).toEqual({ family: 'SEUL', given: 'Max' });
    });

    it('INE_RNIE is the INE when ID_NATIONAL is absent; both old and new INE kept', () => {
      const { byId } = pupils(
        bee(
          'BEE_ELEVES',
          eleves([
            eleve('1', '<INE_BEA>0701234567A</INE_BEA><INE_RNIE>070123456AB</INE_RNIE><NOM>A</NOM><PRENOM>a</PRENOM>'),
            eleve('2', '<INE_BEA>0709999999Z</INE_BEA><NOM>B</NOM><PRENOM>b</PRENOM>'),
            eleve('3', '<NOM>C</NOM><PRENOM>c</PRENOM>'),
          ]),
        ),
      );
      expect(byId.get('1')).toMatchObject({ ine: '070123456AB', ineBea: '0701234567A', ineRnie: '070123456AB' });
      expect(byId.get('2')).toMatchObject({ ine: '0709999999Z', ineBea: '0709999999Z' });
      expect(byId.get('3')!.ine).toBeUndefined();
    });

    it('ELENOET as attribute or as child; CODE_SEXE 1 → M', () => {
      const { byId } = pupils(
        bee('BEE_ELEVES', eleves([eleve('1', '<NOM>A</NOM><CODE_SEXE>1</CODE_SEXE>', ' ELENOET="77"'), eleve('2', '<ELENOET>78</ELENOET><NOM>B</NOM><CODE_SEXE>0</CODE_SEXE>')])),
      );
      expect(byId.get('1')).toMatchObject({ elenoet: '77', sex: 'M' });
      expect(byId.get('2')!.elenoet).toBe('78');
      expect(byId.get('2')!.sex).toBeUndefined();
    });
  });

  describe('leavers', () => {
    const xml = (params?: string) =>
      bee(
        'BEE_ELEVES',
        eleves(
          [
            eleve('1', '<NOM>PASSE</NOM><DATE_SORTIE>20/12/2025</DATE_SORTIE>'),
            eleve('2', '<NOM>FUTUR</NOM><DATE_SORTIE>30/06/2026</DATE_SORTIE>'),
            eleve('3', '<NOM>JOUR</NOM><DATE_SORTIE>15/01/2026</DATE_SORTIE>'),
            eleve('4', '<NOM>PRESENT</NOM>'),
          ],
          [structures('1', ['4A', 'D']), structures('2', ['4A', 'D']), structures('3', ['4A', 'D']), structures('4', ['4A', 'D'])],
        ),
        params ? { params } : {},
      );

    it('DATE_SORTIE on or before the export date = left; a future one = still enrolled', () => {
      const { byId } = pupils(xml());
      expect(byId.get('1')).toMatchObject({ left: true, leaveDate: '2025-12-20', division: '4A' });
      expect(byId.get('2')).toMatchObject({ left: false, leaveDate: '2026-06-30' });
      expect(byId.get('3')!.left).toBe(true);
      expect(byId.get('4')!.left).toBe(false);
    });

    it('options.today overrides the export date', () => {
      const { byId } = pupils(xml(), { today: '2026-07-01' });
      expect(byId.get('2')!.left).toBe(true);
      const before = pupils(xml(), { today: '2025-11-01' }).byId;
      expect(before.get('1')!.left).toBe(false);
    });

    it('without DATE_EXPORT, HORODATAGE is the reference', () => {
      const { f, byId } = pupils(xml(parametres({ exportDate: '', timestamp: '01/07/2026 10:00:00' })));
      expect(f.exportDate).toBe('2026-07-01T10:00:00');
      expect(byId.get('2')!.left).toBe(true);
    });

    it('an unreadable DATE_SORTIE counts as left, with a warning', () => {
      const { f, byId } = pupils(bee('BEE_ELEVES', eleves([eleve('1', '<NOM>X</NOM><DATE_SORTIE>31/02/2026</DATE_SORTIE>')])));
      expect(byId.get('1')!.left).toBe(true);
      expect(warningsOf(f, 'siecle.invalid-date')[0]!.message).toMatch(/ELEVE_ID 1.*DATE_SORTIE « 31\/02\/2026 ».*sorti/);
    });
  });

  describe('structures', () => {
    it('keeps class codes as strings: inner spaces, leading zeros, numeric-looking', () => {
      const { byId } = pupils(
        bee(
          'BEE_ELEVES',
          eleves(
            [eleve('1', '<NOM>A</NOM>'), eleve('2', '<NOM>B</NOM>'), eleve('3', '<NOM>C</NOM>')],
            [structures('1', ['4e 1', 'D'], ['3 AVSPRO', 'G']), structures('2', ['061', 'D'], ['  42  ', 'G']), structures('3', ['"5B"', 'D'])],
          ),
        ),
      );
      expect(byId.get('1')).toMatchObject({ division: '4e 1', groups: ['3 AVSPRO'] });
      expect(byId.get('2')).toMatchObject({ division: '061', groups: ['42'] });
      expect(byId.get('3')!.division).toBe('5B');
    });

    it('Inactifs → inactive, no division; a real class next to it wins', () => {
      const { f, byId } = pupils(
        bee('BEE_ELEVES', eleves([eleve('1', '<NOM>A</NOM>'), eleve('2', '<NOM>B</NOM>')], [structures('1', ['Inactifs', 'D']), structures('2', ['Inactifs', 'D'], ['6C', 'D'])])),
      );
      expect(byId.get('1')).toMatchObject({ inactive: true, groups: [] });
      expect(byId.get('1')!.division).toBeUndefined();
      expect(byId.get('2')!.division).toBe('6C');
      expect(byId.get('2')!.inactive).toBeUndefined();
      expect(f.warnings).toEqual([]);
    });

    it('duplicate STRUCTURES_ELEVE for one pupil are merged, with a warning', () => {
      const { f, byId } = pupils(
        bee(
          'BEE_ELEVES',
          eleves(
            [eleve('1', '<ID_NATIONAL>1111111111A</ID_NATIONAL><NOM>DUPONT</NOM><PRENOM>Marie</PRENOM>')],
            [structures('1', ['4A', 'D'], ['G1', 'G']), structures('1', ['4A', 'D'], ['G2', 'G'], ['G1', 'G'])],
          ),
        ),
      );
      expect(byId.get('1')).toMatchObject({ division: '4A', groups: ['G1', 'G2'] });
      expect(codes(f)).toEqual(['siecle.duplicate-structures']);
      expect(f.warnings[0]).toMatchObject({ position: 2 });
      expect(f.warnings[0]!.message).toMatch(/DUPONT Marie.*ELEVE_ID 1.*INE 1111111111A.*fusionnés/);
    });

    it('several classes: the first is kept, with a warning naming them', () => {
      const { f, byId } = pupils(bee('BEE_ELEVES', eleves([eleve('1', '<NOM>A</NOM>')], [structures('1', ['4A', 'D'], ['4B', 'D'])])));
      expect(byId.get('1')!.division).toBe('4A');
      expect(codes(f)).toEqual(['siecle.several-divisions']);
      expect(f.warnings[0]!.message).toMatch(/4A, 4B/);
    });

    it('structures of an unknown ELEVE_ID warn; ELENOET alone links a block', () => {
      const { f, byId } = pupils(
        bee(
          'BEE_ELEVES',
          eleves(
            [eleve('1', '<NOM>A</NOM>', ' ELENOET="900"')],
            [structures('999', ['4A', 'D']), '<STRUCTURES_ELEVE ELENOET="900"><STRUCTURE><CODE_STRUCTURE>3C</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>'],
          ),
        ),
      );
      expect(byId.get('1')!.division).toBe('3C');
      expect(codes(f)).toEqual(['siecle.structures-unknown-pupil']);
      expect(f.warnings[0]).toMatchObject({ position: 1 });
      expect(f.warnings[0]!.message).toMatch(/ELEVE_ID 999/);
    });

    it('unknown TYPE_STRUCTURE and missing CODE_STRUCTURE warn', () => {
      const { f, byId } = pupils(
        bee('BEE_ELEVES', eleves([eleve('1', '<NOM>A</NOM>')], [structures('1', ['4A', 'D'], ['X', 'Z']), '<STRUCTURES_ELEVE ELEVE_ID="1"><STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>'])),
      );
      expect(byId.get('1')!.division).toBe('4A');
      expect(codes(f).sort()).toEqual(['siecle.duplicate-structures', 'siecle.structure-without-code', 'siecle.unknown-structure-type']);
    });

    it('no STRUCTURES at all, or current pupils without a class, warn once', () => {
      const none = pupils(bee('BEE_ELEVES', eleves([eleve('1', '<NOM>A</NOM>')])));
      expect(codes(none.f)).toEqual(['siecle.no-structures']);
      const some = pupils(
        bee(
          'BEE_ELEVES',
          eleves([eleve('1', '<NOM>A</NOM>'), eleve('2', '<NOM>SANS</NOM><PRENOM>Classe</PRENOM>'), eleve('3', '<NOM>PARTI</NOM><DATE_SORTIE>01/10/2025</DATE_SORTIE>')], [structures('1', ['4A', 'D'])]),
        ),
      );
      expect(codes(some.f)).toEqual(['siecle.pupils-without-division']);
      expect(some.f.warnings[0]!.message).toMatch(/^1 élève\(s\).*SANS Classe \(ELEVE_ID 2\)/);
    });
  });

  describe('options', () => {
    it('orders by NUM_OPTION, keeps leading zeros, warns for an unknown pupil', () => {
      const { f, byId } = pupils(
        bee(
          'BEE_ELEVES',
          eleves(
            [eleve('1', '<NOM>A</NOM>')],
            [structures('1', ['4A', 'D'])],
            [
              '<OPTION ELEVE_ID="1"><OPTIONS_ELEVE><NUM_OPTION>3</NUM_OPTION><CODE_MATIERE>020700</CODE_MATIERE></OPTIONS_ELEVE><OPTIONS_ELEVE><NUM_OPTION>1</NUM_OPTION><CODE_MATIERE>030201</CODE_MATIERE></OPTIONS_ELEVE></OPTION>',
              '<OPTION ELEVE_ID="1"><OPTIONS_ELEVE><CODE_MATIERE>030201</CODE_MATIERE></OPTIONS_ELEVE></OPTION>',
              '<OPTION ELEVE_ID="2"><OPTIONS_ELEVE><CODE_MATIERE>030201</CODE_MATIERE></OPTIONS_ELEVE></OPTION>',
            ],
          ),
        ),
      );
      expect(byId.get('1')!.options).toEqual(['030201', '020700']);
      expect(codes(f)).toEqual(['siecle.options-unknown-pupil']);
    });
  });

  describe('record anomalies', () => {
    it('duplicate INE among current pupils warns naming both; a leaver does not count', () => {
      const { f } = pupils(
        bee(
          'BEE_ELEVES',
          eleves(
            [
              eleve('1', '<ID_NATIONAL>1234567890A</ID_NATIONAL><NOM>MARTIN</NOM><PRENOM>Léo</PRENOM>'),
              eleve('2', '<ID_NATIONAL>1234567890A</ID_NATIONAL><NOM>MARTIN</NOM><PRENOM>Léon</PRENOM>'),
              eleve('3', '<ID_NATIONAL>2222222222B</ID_NATIONAL><NOM>X</NOM><DATE_SORTIE>01/09/2025</DATE_SORTIE>'),
              eleve('4', '<ID_NATIONAL>2222222222B</ID_NATIONAL><NOM>X</NOM>'),
            ],
            [structures('1', ['4A', 'D']), structures('2', ['4A', 'D']), structures('4', ['4A', 'D'])],
          ),
        ),
      );
      expect(codes(f)).toEqual(['siecle.duplicate-ine']);
      expect(f.warnings[0]!.message).toMatch(/1234567890A.*MARTIN Léo \(ELEVE_ID 1.*MARTIN Léon \(ELEVE_ID 2/);
    });

    it('duplicate ELEVE_ID keeps the first; an ELEVE without ELEVE_ID is skipped; both warn', () => {
      const { f, pupils: list } = pupils(
        bee(
          'BEE_ELEVES',
          eleves(
            [eleve('1', '<NOM>PREMIER</NOM>'), eleve('1', '<NOM>SECOND</NOM>'), eleve(null, '<ID_NATIONAL>3333333333C</ID_NATIONAL><NOM>SANSID</NOM><PRENOM>Eve</PRENOM>')],
            [structures('1', ['4A', 'D'])],
          ),
        ),
      );
      expect(list.map((p) => p.name.family)).toEqual(['PREMIER']);
      expect(codes(f)).toEqual(['siecle.duplicate-eleve-id', 'siecle.missing-eleve-id']);
      expect(f.warnings[0]).toMatchObject({ position: 2 });
      expect(f.warnings[0]!.message).toMatch(/ELEVE_ID 1.*SECOND.*PREMIER/);
      expect(f.warnings[1]).toMatchObject({ position: 3 });
      expect(f.warnings[1]!.message).toMatch(/SANSID Eve, INE 3333333333C/);
    });

    it('an invalid birth date warns and is left out', () => {
      const { f, byId } = pupils(bee('BEE_ELEVES', eleves([eleve('1', '<NOM>A</NOM><DATE_NAISS>99/99/2012</DATE_NAISS>')], [structures('1', ['4A', 'D'])])));
      expect(byId.get('1')!.birthDate).toBeUndefined();
      expect(codes(f)).toEqual(['siecle.invalid-date']);
    });

    it('an empty ELEVES list gives no pupils and no error', () => {
      const { f } = pupils(bee('BEE_ELEVES', '<ELEVES/><STRUCTURES/>'));
      expect(f.data.pupils).toEqual([]);
      expect(f.warnings).toEqual([]);
    });
  });

  it('reads a 2,500-pupil (~3 MB) file completely (speed is measured by npm run bench)', () => {
    const list: string[] = [];
    const structs: string[] = [];
    const opts: string[] = [];
    for (let i = 0; i < 2500; i++) {
      const id = String(100000 + i);
      list.push(
        eleve(
          id,
          `<ID_NATIONAL>${String(i).padStart(10, '0')}A</ID_NATIONAL><INE_RNIE>${String(i).padStart(10, '0')}A</INE_RNIE><NOM_DE_FAMILLE>NOMDEFAMILLE${i}</NOM_DE_FAMILLE><NOM_USAGE></NOM_USAGE><PRENOM>Prénom${i}</PRENOM><PRENOM2>Cœur</PRENOM2><DATE_NAISS>03/07/2012</DATE_NAISS><CODE_SEXE>${1 + (i % 2)}</CODE_SEXE><CODE_PAYS>100</CODE_PAYS><CODE_DEPARTEMENT_NAISS>033</CODE_DEPARTEMENT_NAISS><CODE_COMMUNE_INSEE_NAISS>33318</CODE_COMMUNE_INSEE_NAISS><CODE_MEF>10310019110</CODE_MEF><CODE_STATUT>ST</CODE_STATUT><CODE_REGIME>2</CODE_REGIME><DOUBLEMENT>N</DOUBLEMENT><DATE_ENTREE>01/09/2025</DATE_ENTREE>${i % 20 === 0 ? '<DATE_SORTIE>01/10/2025</DATE_SORTIE><CODE_MOTIF_SORTIE>1</CODE_MOTIF_SORTIE>' : ''}<MEL>eleve${i}@example.org</MEL><SCOLARITE_AN_DERNIER><CODE_STRUCTURE>4A</CODE_STRUCTURE><CODE_RNE>0330002B</CODE_RNE><SIGLE>CLG</SIGLE><DENOM_PRINC>COLLEGE</DENOM_PRINC><DENOM_COMPL>JEAN MOULIN</DENOM_COMPL><LIGNE1_ADRESSE>12 RUE DES ÉCOLES</LIGNE1_ADRESSE><MEL>ce.0330002B@example.org</MEL><TELEPHONE>0556000000</TELEPHONE><CODE_COMMUNE_INSEE>33318</CODE_COMMUNE_INSEE><LL_COMMUNE_INSEE>PESSAC</LL_COMMUNE_INSEE></SCOLARITE_AN_DERNIER>`,
          ` ELENOET="${i}"`,
        ),
      );
      structs.push(structures(id, [`${3 + (i % 4)}e ${1 + (i % 8)}`, 'D'], [`G${i % 30}`, 'G'], [`LV2 ${i % 3}`, 'G']));
      opts.push(`<OPTION ELEVE_ID="${id}" ELENOET="${i}"><OPTIONS_ELEVE><NUM_OPTION>1</NUM_OPTION><CODE_MODALITE_ELECT>S</CODE_MODALITE_ELECT><CODE_MATIERE>030201</CODE_MATIERE></OPTIONS_ELEVE><OPTIONS_ELEVE><NUM_OPTION>2</NUM_OPTION><CODE_MODALITE_ELECT>S</CODE_MODALITE_ELECT><CODE_MATIERE>030602</CODE_MATIERE></OPTIONS_ELEVE></OPTION>`);
    }
    const bytes = latin9(bee('BEE_ELEVES', eleves(list, structs, opts)));
    expect(bytes.length).toBeGreaterThan(2_800_000);
    const f = readOne(FILE, bytes);
    expect(f.error).toBeNull();
    expect(f.data.pupils).toHaveLength(2500);
    expect(f.data.pupils!.filter((p) => p.left)).toHaveLength(125);
    expect(f.warnings).toEqual([]);
  });
});
