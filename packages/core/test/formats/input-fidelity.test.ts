/**
 * The real-file oddities of issue 11 (item 5), each on a file of that shape: a SIECLE export with
 * no ANNEE_SCOLAIRE, UTF-16 text with a stray BOM or none, an XML declaring an unknown encoding,
 * an sts_emp whose name disagrees with its content, a malformed UAJ, the same export given twice.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/formats/read.js';
import { assembleDataset } from '../../src/model/dataset.js';
import { utf16Layout } from '../../src/util/encoding.js';
import { main } from '../../src/cli/main.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { concat, latin9, utf16le, utf8 } from '../helpers/bytes.js';
import { bee, codes, parametres, readOne, warningsOf } from './siecle-helpers.js';

const ELEVES = `<ELEVES><ELEVE ELEVE_ID="1"><ID_NATIONAL>070123456AB</ID_NATIONAL><NOM_DE_FAMILLE>DUPONT</NOM_DE_FAMILLE><PRENOM>Léa</PRENOM><DATE_NAISS>03/07/2012</DATE_NAISS></ELEVE>
<ELEVE ELEVE_ID="2"><ID_NATIONAL>070123457AB</ID_NATIONAL><NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE><PRENOM>Noé</PRENOM><DATE_NAISS>04/07/2012</DATE_NAISS></ELEVE></ELEVES>
<STRUCTURES><STRUCTURES_ELEVE ELEVE_ID="1"><STRUCTURE><CODE_STRUCTURE>5A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>
<STRUCTURES_ELEVE ELEVE_ID="2"><STRUCTURE><CODE_STRUCTURE>5B</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE></STRUCTURES>`;

const NO_YEAR = parametres({ uai: '0330001X' }).replace(/<ANNEE_SCOLAIRE>.*<\/ANNEE_SCOLAIRE>/, '');

function sts(uai: string, year: string): string {
  return `<?xml version="1.0" encoding="ISO-8859-15"?>
<STS_EDT><PARAMETRES><UAJ CODE="${uai}"/><ANNEE_SCOLAIRE ANNEE="${year}"/><HORODATAGE>12/09/${year} 08:30:12</HORODATAGE></PARAMETRES>
<DONNEES><INDIVIDUS><INDIVIDU ID="1" TYPE="epp"><NOM_USAGE>PROF1</NOM_USAGE><NOM_PATRONYMIQUE>PROF1</NOM_PATRONYMIQUE><PRENOM>Prenom</PRENOM><FONCTION>ENS</FONCTION></INDIVIDU></INDIVIDUS></DONNEES></STS_EDT>`;
}

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

describe('a SIECLE export without ANNEE_SCOLAIRE (Pix fixture shape)', () => {
  const bytes = latin9(bee('BEE_ELEVES', ELEVES, { params: NO_YEAR }));

  it('is refused without a year, saying the school IS known and how to give the year', () => {
    const f = readOne('ElevesSansAdresses.xml', bytes);
    expect(f.kind).toBe('siecle-eleves');
    expect(f.error?.message).toContain("Raccord ne peut pas savoir de quelle année scolaire il vient (l'établissement, lui, est indiqué : UAJ 0330001X)");
    expect(f.error?.message).not.toContain('de quel établissement');
    expect(f.error?.hint).toContain('--annee');
  });

  it('is read with the year the admin gave, with a warning', () => {
    const f = readOne('ElevesSansAdresses.xml', bytes, { schoolYear: 2016 });
    expect(f.error).toBeNull();
    expect(f.schoolYear).toBe(2016);
    expect(f.data.pupils).toHaveLength(2);
    expect(warningsOf(f, 'siecle.year-from-admin')[0]!.message).toContain("l'année 2016-2017, l'année indiquée");
  });

  it('is read by `check --annee`, and a file that says another year is still refused', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'raccord-annee-'));
    try {
      const noYear = path.join(dir, 'ElevesSansAdresses.xml');
      writeFileSync(noYear, bytes);
      const refused = run(['check', noYear]);
      expect(refused.code).toBe(1);
      const ok = run(['check', noYear, '--annee', '2016']);
      expect(ok.code).toBe(0);
      expect(ok.out).toContain('année 2016-2017');
      expect(ok.out).toContain('siecle-eleves, 2 enregistrements');
      const other = path.join(dir, 'Structures.xml');
      writeFileSync(other, latin9(bee('BEE_STRUCTURES', '', { params: parametres({ uai: '0330001X', year: '2015' }) })));
      const mixed = run(['check', noYear, other, '--annee', '2016']);
      expect(mixed.out).toMatch(/Structures\.xml — siecle-structures, 0 enregistrements — REFUSÉ : .*2015-2016/);
      expect(run(['check', noYear, '--annee', 'deux']).err).toContain('--annee attend');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('UTF-16 text with a stray BOM, or none (Scribe Test_Eleve_MAC_BOM.csv shape)', () => {
  const CSV = 'numero;nom;prenom;sexe;date;classe;niveau;login;password\r\n1;Eleve1;Prénom;M;01012000;c31;3eme;c31e1;eole\r\n2;Eleve2;Zoé;F;01012000;c32;3eme;c32e2;eole\r\n';
  const be = (s: string) => {
    const le = utf16le(s, false);
    const out = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) (out[i] = le[i + 1]!), (out[i + 1] = le[i]!);
    return out;
  };
  const shapes: [string, Uint8Array, string][] = [
    ['stray FE BB BF then the UTF-16LE BOM', concat(new Uint8Array([0xfe, 0xbb, 0xbf]), utf16le(CSV)), 'UTF-16LE'],
    ['UTF-16LE without BOM', utf16le(CSV, false), 'UTF-16LE'],
    ['UTF-16BE without BOM', be(CSV), 'UTF-16BE'],
    ['UTF-16BE with BOM', concat(new Uint8Array([0xfe, 0xff]), be(CSV)), 'UTF-16BE'],
  ];
  it.each(shapes)('%s: read as %s, accents intact', (_label, bytes, encoding) => {
    const f = readOne('eleves.csv', bytes);
    expect(f.error).toBeNull();
    expect(f.encoding).toBe(encoding);
    expect(f.kind).toBe('ent-accounts');
    expect(f.data.entAccounts!.map((a) => a.name.given)).toEqual(['Prénom', 'Zoé']);
  });

  it('does not take a binary file or a Windows-1252 text for UTF-16', () => {
    const binary = new Uint8Array(600).map((_, i) => (i % 7 === 0 ? 0 : (i * 37) % 256));
    expect(utf16Layout(binary)).toBeUndefined();
    expect(utf16Layout(latin9('Nom;Prénom;Classe\r\nDUPONT;Léa;5A\r\n'))).toBeUndefined();
    expect(readOne('x.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).error?.message).toContain("n'est pas un fichier texte");
  });

  it('reads a UTF-16 XML without BOM', () => {
    const xml = bee('BEE_ELEVES', ELEVES, { decl: '<?xml version="1.0" encoding="UTF-16"?>\n' });
    const f = readOne('ElevesSansAdresses.xml', utf16le(xml, false));
    expect(f.error).toBeNull();
    expect(f.data.pupils).toHaveLength(2);
  });
});

describe('an XML declaring an unknown encoding (Pix x-macthai fixture shape)', () => {
  it('keeps the kind its root tag shows and says, in French, which encoding it cannot read', () => {
    const decl = '<?xml version="1.0" encoding="x-macthai"?>\n';
    const f = readOne('eleves.xml', utf8(bee('BEE_ELEVES', ELEVES, { decl })));
    expect(f.kind).toBe('siecle-eleves');
    expect(f.error?.code).toBe('encoding-mismatch');
    expect(f.error?.message).toContain('« x-macthai »');
    expect(f.error?.message).toContain('export SIECLE – élèves (élément racine BEE_ELEVES)');
    const s = readOne('sts.xml', utf8(sts('0210066H', '2009').replace('ISO-8859-15', 'x-unknown')));
    expect(s.kind).toBe('sts-emp');
    // An unknown root stays unknown.
    expect(readOne('x.xml', utf8(`${decl}<AUTRE/>`)).kind).toBe('unknown');
  });
});

describe('sts_emp whose name disagrees with its content (EOLE sts_emp_0210050R_2009.xml shape)', () => {
  it('warns about the UAI and the year of the name, and trusts the content', () => {
    const f = readOne('dossier/sts_emp_0210050R_2008.xml', latin9(sts('0210066H', '2009')));
    expect(f.error).toBeNull();
    expect(f.uai).toBe('0210066H');
    expect(f.schoolYear).toBe(2009);
    expect(warningsOf(f, 'sts.file-name-uai')[0]!.message).toContain("l'UAI 0210050R, mais son contenu est celui de l'établissement 0210066H");
    expect(warningsOf(f, 'sts.file-name-year')[0]!.message).toContain("l'année 2008, mais son contenu est de l'année scolaire 2009-2010");
  });

  it('says nothing when the name agrees, or is not an sts_emp name', () => {
    expect(codes(readOne('sts_emp_0210066H_2009.xml', latin9(sts('0210066H', '2009'))))).toEqual([]);
    expect(codes(readOne('export.xml', latin9(sts('0210066H', '2009'))))).toEqual([]);
  });
});

describe('a malformed UAJ (Pix « 123ABC » shape)', () => {
  it('warns for SIECLE and STS-web, but reads the file', () => {
    const f = readOne('ElevesSansAdresses.xml', latin9(bee('BEE_ELEVES', ELEVES, { params: parametres({ uai: '123ABC' }) })));
    expect(f.error).toBeNull();
    expect(warningsOf(f, 'uai-malformed')[0]!.message).toContain("« 123ABC » (PARAMETRES/UAJ), qui n'a pas la forme d'un UAI (7 chiffres et une lettre");
    expect(codes(readOne('sts.xml', latin9(sts('12345', '2025'))))).toContain('uai-malformed');
    expect(codes(readOne('ElevesSansAdresses.xml', latin9(bee('BEE_ELEVES', ELEVES))))).not.toContain('uai-malformed');
  });
});

describe('the same export given twice', () => {
  const xml = latin9(bee('BEE_ELEVES', ELEVES));

  it('an XML and the ZIP that holds it: one kept, a warning says so, the pupils counted once', () => {
    const zip = zipSync({ 'ElevesSansAdresses.xml': xml });
    const files = [...readFile('ElevesSansAdresses.xml', xml), ...readFile('ExportXML_ElevesSansAdresses.zip', zip)];
    const ds = assembleDataset(files);
    expect(ds.pupils).toHaveLength(2);
    expect(files[1]!.warnings.find((w) => w.code === 'file.duplicate')!.message).toContain("a le même contenu que « ElevesSansAdresses.xml » : il n'est lu qu'une fois");
  });

  it('two identical files under two names: the same', () => {
    const files = [...readFile('a/ElevesSansAdresses.xml', xml), ...readFile('b/ElevesSansAdresses (1).xml', xml)];
    expect(assembleDataset(files).pupils).toHaveLength(2);
    expect(codes(files[1]!)).toContain('file.duplicate');
  });
});
