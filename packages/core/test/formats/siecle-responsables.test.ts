import { describe, expect, it } from 'vitest';
import type { GuardianLink, SiecleGuardian } from '../../src/model/types.js';
import { latin9 } from '../helpers/bytes.js';
import { bee, codes, readBee, readOne, UTF8_DECL } from './siecle-helpers.js';

const FILE = 'ResponsablesAvecAdresses.xml';

function personne(id: string | null, inner: string): string {
  return `<PERSONNE${id === null ? '' : ` PERSONNE_ID="${id}"`}>${inner}</PERSONNE>`;
}

function lien(eleveId: string, personneId: string, inner = ''): string {
  return `<RESPONSABLE_ELEVE><ELEVE_ID>${eleveId}</ELEVE_ID><PERSONNE_ID>${personneId}</PERSONNE_ID>${inner}</RESPONSABLE_ELEVE>`;
}

function responsables(personnes: string[], liens: string[], adresses?: string[]): string {
  return `<PERSONNES>${personnes.join('\n')}</PERSONNES>\n<RESPONSABLES>${liens.join('\n')}</RESPONSABLES>${adresses ? `\n<ADRESSES>${adresses.join('\n')}</ADRESSES>` : ''}`;
}

function read(xml: string) {
  const f = readBee(FILE, xml);
  const links = f.data.guardianLinks!;
  const rank = (eleveId: string, personneId: string) => links.find((l) => l.eleveId === eleveId && l.personneId === personneId);
  return { f, guardians: f.data.guardians!, links, rank };
}

const P = (id: string, nom: string, prenom: string, civ = 'MME') => personne(id, `<NOM_DE_FAMILLE>${nom}</NOM_DE_FAMILLE><PRENOM>${prenom}</PRENOM><LC_CIVILITE>${civ}</LC_CIVILITE>`);

describe('SIECLE responsables (BEE_RESPONSABLES)', () => {
  it('reads a nominal ISO-8859-15 file with addresses', () => {
    const xml = bee(
      'BEE_RESPONSABLES',
      responsables(
        [
          personne(
            '294435',
            `<NOM_DE_FAMILLE>LŒUILLET</NOM_DE_FAMILLE><NOM_USAGE>DURAND</NOM_USAGE><PRENOM>Cécile</PRENOM><LC_CIVILITE>MME</LC_CIVILITE><LL_CIVILITE>Madame</LL_CIVILITE>
             <TEL_PERSONNEL>0556000001</TEL_PERSONNEL><TEL_PORTABLE>0600000001</TEL_PORTABLE><TEL_PROFESSIONNEL>0556000002</TEL_PROFESSIONNEL>
             <MEL>cecile@example.org</MEL><ACCEPTE_SMS>1</ACCEPTE_SMS><ADRESSE_ID>228114</ADRESSE_ID><CODE_PROFESSION>33</CODE_PROFESSION><COMMUNICATION_ADRESSE>O</COMMUNICATION_ADRESSE>`,
          ),
          personne('294436', '<NOM>DURAND</NOM><PRENOM>Éric</PRENOM><LC_CIVILITE>M.</LC_CIVILITE><ADRESSE_ID>228114</ADRESSE_ID>'),
        ],
        [
          lien('123456', '294435', '<RESP_LEGAL>1</RESP_LEGAL><CODE_PARENTE>10</CODE_PARENTE><RESP_FINANCIER>1</RESP_FINANCIER><PERS_PAIMENT>1</PERS_PAIMENT><PERS_CONTACT>1</PERS_CONTACT>'),
          lien('123456', '294436', '<RESP_LEGAL>2</RESP_LEGAL><CODE_PARENTE>20</CODE_PARENTE>'),
        ],
        [
          `<ADRESSE ADRESSE_ID="228114"><LIGNE1_ADRESSE>12 RUE DE L'ŒUVRE</LIGNE1_ADRESSE><LIGNE2_ADRESSE></LIGNE2_ADRESSE><LIGNE3_ADRESSE>BÂT. B</LIGNE3_ADRESSE><LIGNE4_ADRESSE></LIGNE4_ADRESSE><CODE_POSTAL>33600</CODE_POSTAL><LIBELLE_POSTAL>PESSAC</LIBELLE_POSTAL><CODE_DEPARTEMENT>033</CODE_DEPARTEMENT><COMMUNE_ETRANGERE></COMMUNE_ETRANGERE><LL_PAYS>FRANCE</LL_PAYS></ADRESSE>`,
        ],
      ),
    );
    const bytes = latin9(xml);
    expect(bytes.includes(0xbc)).toBe(true);
    const f = readOne(FILE, bytes);
    expect(f.error).toBeNull();
    expect(f.kind).toBe('siecle-responsables');
    expect(f.encoding).toBe('ISO-8859-15');
    expect(f).toMatchObject({ uai: '0330001A', schoolYear: 2025, exportDate: '2026-01-15' });
    expect(f.warnings).toEqual([]);
    const address = { lines: ["12 RUE DE L'ŒUVRE", 'BÂT. B'], postcode: '33600', city: 'PESSAC', country: 'FRANCE' };
    expect(f.data.guardians).toEqual<SiecleGuardian[]>([
      {
        personneId: '294435',
        name: { family: 'LŒUILLET', usage: 'DURAND', given: 'Cécile' },
        civility: 'MME',
        sex: 'F',
        phoneHome: '0556000001',
        phoneMobile: '0600000001',
        phoneWork: '0556000002',
        email: 'cecile@example.org',
        addressId: '228114',
        address,
        provenance: { file: FILE, position: 1 },
      },
      {
        personneId: '294436',
        name: { family: 'DURAND', given: 'Éric' },
        civility: 'M.',
        sex: 'M',
        addressId: '228114',
        address,
        provenance: { file: FILE, position: 2 },
      },
    ]);
    expect(f.data.guardianLinks).toEqual<GuardianLink[]>([
      { eleveId: '123456', personneId: '294435', respLegal: 1, relationCode: '10', legal: true, legalRank: 1, provenance: { file: FILE, position: 1 } },
      { eleveId: '123456', personneId: '294436', respLegal: 2, relationCode: '20', legal: true, legalRank: 2, provenance: { file: FILE, position: 2 } },
    ]);
  });

  it('reads a UTF-8 declared file', () => {
    const f = readBee(FILE, bee('BEE_RESPONSABLES', responsables([P('1', 'CŒUR', 'Hélène')], [lien('9', '1', '<RESP_LEGAL>1</RESP_LEGAL>')]), { decl: UTF8_DECL }));
    expect(f.encoding).toBe('UTF-8');
    expect(f.data.guardians![0]!.name).toEqual({ family: 'CŒUR', given: 'Hélène' });
  });

  describe('link models', () => {
    it('RESP_LEGAL only (before 2018): 1/2 legal as numbered, 0 not legal', () => {
      const { rank, f } = read(
        bee(
          'BEE_RESPONSABLES',
          responsables([P('1', 'A', 'a'), P('2', 'B', 'b'), P('3', 'C', 'c')], [lien('9', '2', '<RESP_LEGAL>2</RESP_LEGAL>'), lien('9', '1', '<RESP_LEGAL>1</RESP_LEGAL>'), lien('9', '3', '<RESP_LEGAL>0</RESP_LEGAL>')]),
        ),
      );
      expect(rank('9', '1')).toMatchObject({ legal: true, legalRank: 1, respLegal: 1 });
      expect(rank('9', '2')).toMatchObject({ legal: true, legalRank: 2 });
      expect(rank('9', '3')).toMatchObject({ legal: false, respLegal: 0 });
      expect(rank('9', '3')!.legalRank).toBeUndefined();
      expect(f.warnings).toEqual([]);
    });

    it('NIVEAU_RESPONSABILITE only (2018): numbered as GEPI, the fee payer first', () => {
      const { rank, f } = read(
        bee(
          'BEE_RESPONSABLES',
          responsables(
            [P('1', 'A', 'a'), P('2', 'B', 'b'), P('3', 'C', 'c'), P('4', 'D', 'd'), P('5', 'E', 'e')],
            [
              lien('9', '1', '<NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>20</CODE_PARENTE><PAIE_FRAIS_SCOLAIRES>0</PAIE_FRAIS_SCOLAIRES>'),
              lien('9', '2', '<NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>10</CODE_PARENTE><PAIE_FRAIS_SCOLAIRES>1</PAIE_FRAIS_SCOLAIRES>'),
              lien('9', '3', '<NIVEAU_RESPONSABILITE>3</NIVEAU_RESPONSABILITE><CODE_PARENTE>38</CODE_PARENTE>'),
              lien('8', '4', '<NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>50</CODE_PARENTE>'),
              lien('8', '5', '<NIVEAU_RESPONSABILITE>2</NIVEAU_RESPONSABILITE><CODE_PARENTE>41</CODE_PARENTE>'),
            ],
          ),
        ),
      );
      expect(rank('9', '2')).toMatchObject({ level: 1, relationCode: '10', paysFees: true, legal: true, legalRank: 1 });
      expect(rank('9', '1')).toMatchObject({ level: 1, paysFees: false, legal: true, legalRank: 2 });
      expect(rank('9', '3')).toMatchObject({ level: 3, legal: false });
      expect(rank('8', '4')).toMatchObject({ legal: true, legalRank: 1 });
      expect(rank('8', '5')).toMatchObject({ level: 2, legal: false });
      expect(rank('9', '1')!.respLegal).toBeUndefined();
      expect(f.warnings).toEqual([]);
    });

    it('both fields: SIECLE numbers are kept, the 2018 level decides who is legal', () => {
      const { rank } = read(
        bee(
          'BEE_RESPONSABLES',
          responsables(
            [P('1', 'A', 'a'), P('2', 'B', 'b'), P('3', 'C', 'c')],
            [
              lien('9', '1', '<RESP_LEGAL>2</RESP_LEGAL><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>20</CODE_PARENTE><PAIE_FRAIS_SCOLAIRES>1</PAIE_FRAIS_SCOLAIRES>'),
              lien('9', '2', '<RESP_LEGAL>1</RESP_LEGAL><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>10</CODE_PARENTE>'),
              lien('9', '3', '<RESP_LEGAL>0</RESP_LEGAL><NIVEAU_RESPONSABILITE>2</NIVEAU_RESPONSABILITE><CODE_PARENTE>39</CODE_PARENTE>'),
            ],
          ),
        ),
      );
      expect(rank('9', '2')).toMatchObject({ respLegal: 1, level: 1, legal: true, legalRank: 1 });
      expect(rank('9', '1')).toMatchObject({ respLegal: 2, level: 1, legal: true, legalRank: 2 });
      expect(rank('9', '3')).toMatchObject({ legal: false });
    });

    it('a row with neither RESP_LEGAL nor NIVEAU_RESPONSABILITE is kept, not legal, with a warning', () => {
      const { rank, f } = read(bee('BEE_RESPONSABLES', responsables([P('1', 'MARTIN', 'Luc', 'M.')], [lien('9', '1', '<CODE_PARENTE>20</CODE_PARENTE>')])));
      expect(rank('9', '1')).toMatchObject({ legal: false, relationCode: '20' });
      expect(codes(f)).toEqual(['siecle.link-without-level']);
      expect(f.warnings[0]!.message).toMatch(/ELEVE_ID 9.*MARTIN Luc \(PERSONNE_ID 1\)/);
    });

    it('more than two legal guardians warn; the third has no number', () => {
      const { rank, f } = read(
        bee(
          'BEE_RESPONSABLES',
          responsables(
            [P('1', 'A', 'a'), P('2', 'B', 'b'), P('3', 'C', 'c')],
            ['1', '2', '3'].map((p) => lien('9', p, '<NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>90</CODE_PARENTE>')),
          ),
        ),
      );
      expect([rank('9', '1')!.legalRank, rank('9', '2')!.legalRank, rank('9', '3')!.legalRank]).toEqual([1, 2, undefined]);
      expect(rank('9', '3')!.legal).toBe(true);
      expect(codes(f)).toEqual(['siecle.too-many-legal']);
      expect(f.warnings[0]!.message).toMatch(/ELEVE_ID 9 a 3 responsables légaux/);
    });

    it('two RESP_LEGAL 1 for one pupil: the first keeps no. 1, the other is reported', () => {
      const { rank, f } = read(
        bee('BEE_RESPONSABLES', responsables([P('1', 'A', 'a'), P('2', 'B', 'b')], [lien('9', '1', '<RESP_LEGAL>1</RESP_LEGAL>'), lien('9', '2', '<RESP_LEGAL>1</RESP_LEGAL>')])),
      );
      expect(rank('9', '1')!.legalRank).toBe(1);
      expect(rank('9', '2')).toMatchObject({ legal: true });
      expect(rank('9', '2')!.legalRank).toBeUndefined();
      expect(codes(f)).toEqual(['siecle.duplicate-legal-rank']);
    });
  });

  describe('anomalies', () => {
    it('a link to an unknown PERSONNE_ID warns and is kept', () => {
      const { links, f } = read(bee('BEE_RESPONSABLES', responsables([P('1', 'A', 'a')], [lien('9', '404', '<RESP_LEGAL>1</RESP_LEGAL>')])));
      expect(links).toHaveLength(1);
      expect(links[0]).toMatchObject({ personneId: '404', legal: true, legalRank: 1 });
      expect(codes(f)).toEqual(['siecle.link-unknown-person']);
      expect(f.warnings[0]!.message).toMatch(/ELEVE_ID 9.*PERSONNE_ID 404/);
    });

    it('a PERSONNE without links is kept; one without PERSONNE_ID or duplicated warns', () => {
      const { guardians, f } = read(
        bee('BEE_RESPONSABLES', responsables([P('1', 'SEUL', 'a'), personne(null, '<NOM>SANSID</NOM><PRENOM>Zoé</PRENOM>'), P('1', 'DOUBLON', 'b')], [])),
      );
      expect(guardians.map((g) => g.name.family)).toEqual(['SEUL']);
      expect(codes(f)).toEqual(['siecle.missing-personne-id', 'siecle.duplicate-personne-id']);
      expect(f.warnings[0]!.message).toMatch(/SANSID Zoé/);
    });

    it('a link without ELEVE_ID is skipped with a warning', () => {
      const { links, f } = read(
        bee('BEE_RESPONSABLES', responsables([P('1', 'A', 'a')], ['<RESPONSABLE_ELEVE><PERSONNE_ID>1</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE>'])),
      );
      expect(links).toEqual([]);
      expect(codes(f)).toEqual(['siecle.incomplete-link']);
    });
  });

  describe('addresses', () => {
    it('COMMUNE_ETRANGERE is split into postcode and town; a long first word is all town', () => {
      const { guardians } = read(
        bee(
          'BEE_RESPONSABLES',
          responsables(
            [personne('1', '<NOM>A</NOM><ADRESSE_ID>10</ADRESSE_ID>'), personne('2', '<NOM>B</NOM><ADRESSE_ID>11</ADRESSE_ID>')],
            [],
            [
              '<ADRESSE ADRESSE_ID="10"><LIGNE1_ADRESSE>RUE NEUVE 5</LIGNE1_ADRESSE><COMMUNE_ETRANGERE>1000 BRUXELLES</COMMUNE_ETRANGERE><LL_PAYS>BELGIQUE</LL_PAYS></ADRESSE>',
              '<ADRESSE ADRESSE_ID="11"><COMMUNE_ETRANGERE>LUXEMBOURGVILLE CENTRE</COMMUNE_ETRANGERE></ADRESSE>',
            ],
          ),
        ),
      );
      expect(guardians[0]!.address).toEqual({ lines: ['RUE NEUVE 5'], postcode: '1000', city: 'BRUXELLES', country: 'BELGIQUE' });
      expect(guardians[1]!.address).toEqual({ lines: [], city: 'LUXEMBOURGVILLE CENTRE' });
    });

    it('ResponsablesSansAdresses: ADRESSE_ID kept, no address, no warning', () => {
      const f = readBee('ResponsablesSansAdresses.xml', bee('BEE_RESPONSABLES', responsables([personne('1', '<NOM>A</NOM><ADRESSE_ID>10</ADRESSE_ID>')], [])));
      expect(f.data.guardians![0]).toMatchObject({ addressId: '10' });
      expect(f.data.guardians![0]!.address).toBeUndefined();
      expect(f.warnings).toEqual([]);
    });

    it('an ADRESSE_ID missing from ADRESSES warns', () => {
      const { guardians, f } = read(bee('BEE_RESPONSABLES', responsables([personne('1', '<NOM>A</NOM><ADRESSE_ID>10</ADRESSE_ID>')], [], ['<ADRESSE ADRESSE_ID="11"><CODE_POSTAL>33000</CODE_POSTAL></ADRESSE>'])));
      expect(guardians[0]!.address).toBeUndefined();
      expect(codes(f)).toEqual(['siecle.unknown-address']);
    });
  });

  it('reads the responsables of 2,500 pupils completely (speed is measured by npm run bench)', () => {
    const personnes: string[] = [];
    const liens: string[] = [];
    const adresses: string[] = [];
    for (let i = 0; i < 5000; i++) {
      personnes.push(
        personne(String(i), `<NOM_DE_FAMILLE>NOM${i >> 1}</NOM_DE_FAMILLE><NOM_USAGE></NOM_USAGE><PRENOM>Prénom${i}</PRENOM><LC_CIVILITE>${i % 2 ? 'M.' : 'MME'}</LC_CIVILITE><LL_CIVILITE>${i % 2 ? 'Monsieur' : 'Madame'}</LL_CIVILITE><TEL_PERSONNEL>0556${String(i).padStart(6, '0')}</TEL_PERSONNEL><TEL_PORTABLE>06${String(i).padStart(8, '0')}</TEL_PORTABLE><MEL>p${i}@example.org</MEL><ACCEPTE_SMS>1</ACCEPTE_SMS><ADRESSE_ID>${i >> 1}</ADRESSE_ID><CODE_PROFESSION>33</CODE_PROFESSION><COMMUNICATION_ADRESSE>O</COMMUNICATION_ADRESSE>`),
      );
      liens.push(lien(String(100000 + (i >> 1)), String(i), `<RESP_LEGAL>${1 + (i % 2)}</RESP_LEGAL><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE><CODE_PARENTE>${i % 2 ? 20 : 10}</CODE_PARENTE><PAIE_FRAIS_SCOLAIRES>${i % 2}</PAIE_FRAIS_SCOLAIRES><PERS_CONTACT>1</PERS_CONTACT>`));
      if (i % 2 === 0) adresses.push(`<ADRESSE ADRESSE_ID="${i >> 1}"><LIGNE1_ADRESSE>${i} RUE DES LILAS</LIGNE1_ADRESSE><CODE_POSTAL>33600</CODE_POSTAL><LIBELLE_POSTAL>PESSAC</LIBELLE_POSTAL><CODE_DEPARTEMENT>033</CODE_DEPARTEMENT><LL_PAYS>FRANCE</LL_PAYS></ADRESSE>`);
    }
    const bytes = latin9(bee('BEE_RESPONSABLES', responsables(personnes, liens, adresses)));
    const f = readOne(FILE, bytes);
    expect(f.error).toBeNull();
    expect(f.data.guardians).toHaveLength(5000);
    expect(f.data.guardianLinks!.filter((l) => l.legalRank === 1)).toHaveLength(2500);
    expect(f.warnings).toEqual([]);
  });
});
