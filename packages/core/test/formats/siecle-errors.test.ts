import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { latin9, utf8 } from '../helpers/bytes.js';
import { bee, LATIN9_DECL, parametres, readOne, UTF8_DECL } from './siecle-helpers.js';

const FILE = 'ElevesSansAdresses.xml';
const DONNEES = '<ELEVES><ELEVE ELEVE_ID="1"><NOM>LŒUILLET</NOM><PRENOM>Zoé</PRENOM></ELEVE></ELEVES><STRUCTURES><STRUCTURE_ELEVE/></STRUCTURES>';

describe('SIECLE files refused through readFile', () => {
  it('a truncated file → truncated', () => {
    const full = bee('BEE_ELEVES', DONNEES);
    const f = readOne(FILE, latin9(full.slice(0, full.indexOf('</ELEVES>'))));
    expect(f.error).toMatchObject({ code: 'truncated', file: FILE });
    expect(f.error!.message).toMatch(/incomplet/);
    expect(f.data).toEqual({});
  });

  it('a DOCTYPE → doctype-refused', () => {
    const xml = `${LATIN9_DECL}<!DOCTYPE BEE_ELEVES [<!ENTITY x "y">]>\n${bee('BEE_ELEVES', DONNEES, { decl: '' })}`;
    expect(readOne(FILE, latin9(xml)).error).toMatchObject({ code: 'doctype-refused' });
  });

  it('UTF-8 declared but ISO-8859-15 bytes → encoding-mismatch', () => {
    const f = readOne(FILE, latin9(bee('BEE_ELEVES', DONNEES, { decl: UTF8_DECL })));
    expect(f.error).toMatchObject({ code: 'encoding-mismatch' });
  });

  it('not XML → refused with a French message', () => {
    const f = readOne(FILE, utf8('ceci n\u2019est pas un export\u0000\u0001'));
    expect(f.error).not.toBeNull();
    expect(f.error!.message).toMatch(/ElevesSansAdresses\.xml/);
  });

  it.each([
    ['no PARAMETRES', '', /PARAMETRES/],
    ['no UAJ', parametres({ uai: undefined }).replace(/<UAJ>.*<\/UAJ>/, ''), /PARAMETRES\/UAJ/],
    ['an empty UAJ', parametres({ uai: '' }), /PARAMETRES\/UAJ/],
    ['no ANNEE_SCOLAIRE', parametres().replace(/<ANNEE_SCOLAIRE>.*<\/ANNEE_SCOLAIRE>/, ''), /ANNEE_SCOLAIRE/],
    ['an unreadable ANNEE_SCOLAIRE', parametres({ year: 'deux mille' }), /« deux mille »/],
  ])('%s → unknown-layout naming the file and what to do', (_label, params, re) => {
    for (const root of ['BEE_ELEVES', 'BEE_RESPONSABLES', 'BEE_NOMENCLATURES', 'BEE_STRUCTURES', 'BEE_COMMUN']) {
      const f = readOne(FILE, latin9(bee(root, '', { params })));
      expect(f.error).toMatchObject({ code: 'unknown-layout', file: FILE });
      expect(f.error!.message).toMatch(re);
      expect(f.error!.message).toContain(`« ${FILE} »`);
      expect(f.error!.hint).toMatch(/exportez le fichier à nouveau depuis SIECLE/i);
    }
  });

  it('a ZIP holding the export is read like the XML', () => {
    const zip = zipSync({ 'ElevesSansAdresses.xml': latin9(bee('BEE_ELEVES', DONNEES)) });
    const f = readOne('ExportXML_ElevesSansAdresses.zip', zip);
    expect(f.error).toBeNull();
    expect(f.path).toBe('ExportXML_ElevesSansAdresses.zip/ElevesSansAdresses.xml');
    expect(f.data.pupils![0]!.name.family).toBe('LŒUILLET');
  });
});
