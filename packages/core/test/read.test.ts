/** The reader's plumbing: encodings, zip handling, size limits, empty and hostile input. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fingerprint, readFile, isUsefulZipEntry } from '../src/formats/read.js';
import { decodeText, decodeXml } from '../src/util/encoding.js';
import { concat, cp1252, latin9, utf16le, utf8, utf8Bom } from './helpers/bytes.js';

const stsXml = (uai = '0310040A', year = 2025) => `<?xml version="1.0" encoding="ISO-8859-15"?>
<STS_EDT><PARAMETRES><UAJ CODE="${uai}"/><ANNEE_SCOLAIRE ANNEE="${year}"/></PARAMETRES>
<DONNEES><INDIVIDUS><INDIVIDU ID="1" TYPE="epp"><NOM_USAGE>LŒUILLET</NOM_USAGE><NOM_PATRONYMIQUE>LŒUILLET</NOM_PATRONYMIQUE><PRENOM>Zoé</PRENOM><FONCTION>ENS</FONCTION></INDIVIDU></INDIVIDUS>
<STRUCTURE><DIVISIONS/><GROUPES/></STRUCTURE></DONNEES></STS_EDT>
`;

describe('decodeXml', () => {
  it('honours an ISO-8859-15 declaration: Œ is byte 0xBC', () => {
    const bytes = latin9(stsXml());
    expect(bytes.includes(0xbc)).toBe(true);
    const d = decodeXml(bytes, 'f.xml');
    expect(d.encoding).toBe('ISO-8859-15');
    expect(d.text).toContain('LŒUILLET');
    expect(d.text).toContain('Zoé');
  });

  it('refuses UTF-8 declared over Latin bytes', () => {
    const bytes = latin9(stsXml().replace('ISO-8859-15', 'UTF-8'));
    expect(() => decodeXml(bytes, 'f.xml')).toThrowError(/UTF-8/);
  });

  it('refuses ISO-8859-15 declared over UTF-8 bytes (would read « Ã© »)', () => {
    expect(() => decodeXml(utf8(stsXml()), 'f.xml')).toThrowError(/Ã©/);
  });

  it('reads UTF-16 with a BOM and undeclared UTF-8', () => {
    expect(decodeXml(utf16le(stsXml().replace('ISO-8859-15', 'UTF-16')), 'f.xml').text).toContain('Zoé');
    expect(decodeXml(utf8(stsXml().replace(' encoding="ISO-8859-15"', '')), 'f.xml').encoding).toBe('UTF-8');
  });

  it('falls back to ISO-8859-15 for undeclared non-UTF-8 bytes', () => {
    const d = decodeXml(latin9(stsXml().replace(' encoding="ISO-8859-15"', '')), 'f.xml');
    expect(d.encoding).toBe('ISO-8859-15');
    expect(d.text).toContain('LŒUILLET');
  });
});

describe('decodeText', () => {
  it('sniffs UTF-8 BOM, UTF-16 LE BOM, plain UTF-8 and Windows-1252', () => {
    expect(decodeText(utf8Bom('Nom;Prénom')).encoding).toBe('UTF-8');
    expect(decodeText(utf8Bom('Nom;Prénom')).text).toBe('Nom;Prénom');
    expect(decodeText(utf16le('Nom\tPrénom')).text).toBe('Nom\tPrénom');
    expect(decodeText(utf8('Cœur')).text).toBe('Cœur');
    const w = decodeText(cp1252('Cœur;Noël'));
    expect(w.encoding).toBe('windows-1252');
    expect(w.text).toBe('Cœur;Noël');
  });
});

describe('readFile', () => {
  it('reads a zip: several files, skipping __MACOSX and dot entries, paths as archive/inner', () => {
    const zip = zipSync({
      'sts_emp_0310040A_2025.xml': latin9(stsXml()),
      'sous-dossier/copie.xml': latin9(stsXml()),
      '__MACOSX/._sts_emp_0310040A_2025.xml': new Uint8Array([0, 5, 22, 7]),
      '.DS_Store': new Uint8Array([1, 2, 3]),
    });
    const out = readFile('export.zip', zip);
    expect(out.map((f) => f.path)).toEqual(['export.zip/sous-dossier/copie.xml', 'export.zip/sts_emp_0310040A_2025.xml']);
    expect(out.every((f) => f.kind === 'sts-emp' && f.error === null)).toBe(true);
    expect(out[0]!.data.staff?.[0]?.name.family).toBe('LŒUILLET');
  });

  it('says which entries to skip', () => {
    expect(isUsefulZipEntry('a/b.xml')).toBe(true);
    expect(isUsefulZipEntry('__MACOSX/a.xml')).toBe(false);
    expect(isUsefulZipEntry('a/.hidden.xml')).toBe(false);
    expect(isUsefulZipEntry('dossier/')).toBe(false);
  });

  it('refuses an empty zip, a damaged zip and an empty file in French', () => {
    expect(readFile('vide.zip', zipSync({ '.DS_Store': new Uint8Array([1]) }))[0]!.error?.code).toBe('zip-empty');
    const damaged = zipSync({ 'a.xml': latin9(stsXml()) }).slice(0, 40);
    const d = readFile('abime.zip', damaged)[0]!;
    expect(d.error?.code).toBe('zip-invalid');
    expect(d.error?.message).toMatch(/endommagée/);
    const e = readFile('rien.xml', new Uint8Array())[0]!;
    expect(e.error?.code).toBe('empty-file');
    expect(e.error?.hint).toMatch(/exportez/);
  });

  it('refuses a file above the size limit, and a zip entry that inflates above it', () => {
    const big = readFile('gros.xml', latin9(stsXml()), { maxBytes: 100 })[0]!;
    expect(big.error?.code).toBe('too-large');
    expect(big.error?.message).toMatch(/limite/);
    const bomb = zipSync({ 'bombe.xml': new Uint8Array(10_000).fill(0x20) }, { level: 9 });
    const out = readFile('bombe.zip', bomb, { maxBytes: 5_000 });
    expect(out[0]!.error?.code).toBe('too-large');
    expect(out[0]!.path).toBe('bombe.zip/bombe.xml');
  });

  it('refuses DOCTYPE and entity declarations before expanding anything', () => {
    const billion = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><STS_EDT>&lol2;</STS_EDT>`;
    expect(readFile('x.xml', utf8(billion))[0]!.error?.code).toBe('doctype-refused');
    const external = `<?xml version="1.0"?><!-- c --><!DOCTYPE STS_EDT SYSTEM "file:///etc/passwd"><STS_EDT/>`;
    expect(readFile('y.xml', utf8(external))[0]!.error?.code).toBe('doctype-refused');
  });

  it('refuses a truncated XML file, naming the line', () => {
    const text = stsXml();
    const cut = readFile('coupe.xml', latin9(text.slice(0, text.length - 40)))[0]!;
    expect(cut.error?.code).toBe('truncated');
    expect(cut.error?.message).toMatch(/ligne \d+/);
  });

  it('refuses binary junk and an unknown XML root with what to do', () => {
    const junk = readFile('photo.csv', concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), utf8('abc')))[0]!;
    expect(junk.error?.code).toBe('unknown-layout');
    const other = readFile('autre.xml', utf8('<?xml version="1.0"?><FACTURE/>'))[0]!;
    expect(other.error?.code).toBe('unknown-layout');
    expect(other.error?.message).toContain('FACTURE');
  });

  it('gives the same content the same fingerprint (a zip entry and its XML)', () => {
    const xml = latin9(stsXml());
    const direct = readFile('a.xml', xml)[0]!;
    const zipped = readFile('a.zip', zipSync({ 'a.xml': xml }))[0]!;
    expect(direct.fingerprint).toBeTruthy();
    expect(zipped.fingerprint).toBe(direct.fingerprint);
  });
});

describe('XML structure', () => {
  it('refuses mismatched tags with the line, and accepts > inside attribute values and CDATA', () => {
    const bad = stsXml().replace('<PRENOM>Zoé</PRENOM>', '<PRENOM>Zoé</NOM>');
    const r = readFile('mal.xml', latin9(bad))[0]!;
    expect(r.error?.code).toBe('malformed-xml');
    expect(r.error?.message).toMatch(/ligne 3/);
    expect(r.error?.message).toMatch(/une balise fermante ne correspond pas à la balise ouverte/);
    const badName = readFile('mal2.xml', latin9(stsXml().replace('</PRENOM>', '</PRE NOM>')))[0]!;
    expect(badName.error?.code).toBe('malformed-xml');
    expect(badName.error?.message).toMatch(/caractère interdit dans le nom d'une balise/);
    expect(badName.error?.message).not.toMatch(/disallowed|closing tag/);
    const ok = stsXml().replace('<PRENOM>Zoé</PRENOM>', '<PRENOM><![CDATA[Zoé</X>]]></PRENOM><!-- <a> -->').replace('TYPE="epp"', 'TYPE="a>b"');
    expect(readFile('ok.xml', latin9(ok))[0]!.error).toBeNull();
  });
});

describe('fingerprint', () => {
  it('depends on the bytes only: not on where they sit in memory, and changes with any byte', () => {
    const bytes = new TextEncoder().encode('<STS_EDT>une ligne de test, assez longue</STS_EDT>\n');
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(fingerprint(shifted.subarray(3))).toBe(fingerprint(bytes));
    for (const at of [0, 5, bytes.length - 1]) {
      const changed = bytes.slice();
      changed[at] = changed[at]! ^ 1;
      expect(fingerprint(changed)).not.toBe(fingerprint(bytes));
    }
  });
});
