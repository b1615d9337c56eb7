import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/formats/read.js';
import { latin9, utf8 } from '../helpers/bytes.js';

/** A base64 blob standing for ciphertext: Raccord must never look inside it. */
const BLOB = 'q1w2e3r4t5y6u7i8o9p0AZERTYUIOPqsdfghjklmWXCVBN+/'.repeat(2000);

function envelope(partners: string[], extra = ''): string {
  const cles = partners.map((p) => `<PARTENAIRE NOM="${p}">${BLOB.slice(0, 344)}</PARTENAIRE>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<EXPORT_INDEX_EDUCATION>
  <VERSION>1.0</VERSION>
  <LOGICIEL>EDT</LOGICIEL>
  <CLES>${cles}</CLES>
  <CONTENU CompresseAvantChiffrement="true">${BLOB}</CONTENU>
  <VERIFICATION>${BLOB.slice(0, 44)}</VERIFICATION>
  <DATEHEURE>2025-09-03T17:42:05</DATEHEURE>
  ${extra}
</EXPORT_INDEX_EDUCATION>
`;
}

describe('Index Éducation encrypted envelope (EXPORT_INDEX_EDUCATION)', () => {
  it('recognises the envelope, reads the clear fields and explains what to use instead', () => {
    const xml = envelope(['KOSMOS', 'ENTCORE'], '<UAI>0750001a</UAI><NOMETABLISSEMENT>Collège Jules Ferry</NOMETABLISSEMENT><CODEPOSTALVILLE>75001 PARIS</CODEPOSTALVILLE>');
    const [f, ...rest] = readFile('EDT_To_KOSMOS_0750001A.xml', utf8(xml));
    expect(rest).toEqual([]);
    expect(f!.error).toBeNull();
    expect(f!.kind).toBe('index-education-encrypted');
    expect(f!.uai).toBe('0750001A');
    expect(f!.exportDate).toBe('2025-09-03T17:42:05');
    expect(f!.data).toEqual({
      envelope: {
        version: '1.0',
        software: 'EDT',
        dateTime: '2025-09-03T17:42:05',
        uai: '0750001A',
        schoolName: 'Collège Jules Ferry',
        partners: ['KOSMOS', 'ENTCORE'],
      },
    });
    expect(f!.warnings).toHaveLength(1);
    const w = f!.warnings[0]!;
    expect(w.code).toBe('encrypted');
    expect(w.message).toContain('EDT_To_KOSMOS_0750001A.xml');
    expect(w.message).toContain('chiffré');
    expect(w.message).toContain('« KOSMOS » et « ENTCORE »');
    expect(w.message).toContain('ne cherchera pas à le déchiffrer');
    expect(w.message).toContain('Importer les identifiants Pronote');
    expect(w.message).toContain('Identifiant PRONOTE');
    expect(w.message).toContain('03/09/2025 à 17:42');
    // Nothing of the ciphertext leaks into the result.
    expect(JSON.stringify(f)).not.toContain(BLOB.slice(0, 40));
  });

  it('works with one partner, no UAI, and ISO-8859-15 bytes', () => {
    const xml = envelope(['SKOLENGO']).replace('UTF-8', 'ISO-8859-15').replace('<LOGICIEL>EDT', '<LOGICIEL>PRONOTE');
    const f = readFile('IdPN_To_KOSMOS.xml', latin9(xml))[0]!;
    expect(f.error).toBeNull();
    expect(f.kind).toBe('index-education-encrypted');
    expect(f.uai).toBeUndefined();
    expect(f.data.envelope?.partners).toEqual(['SKOLENGO']);
    expect(f.data.envelope?.software).toBe('PRONOTE');
    expect(f.warnings.map((w) => w.code)).toEqual(['encrypted']);
    expect(f.warnings[0]!.message).toContain('le partenaire ENT « SKOLENGO »');
    expect(f.warnings[0]!.message).toContain('produit par PRONOTE');
  });

  it('still explains when no partner name is readable', () => {
    const f = readFile('x.xml', utf8(envelope([])))[0]!;
    expect(f.error).toBeNull();
    expect(f.data.envelope?.partners).toEqual([]);
    expect(f.warnings[0]!.message).toContain("aucun nom de partenaire n'est lisible");
  });

  it('reports a truncated envelope', () => {
    const xml = envelope(['KOSMOS']);
    const f = readFile('EDT_To_KOSMOS.xml', utf8(xml.slice(0, xml.indexOf('</CONTENU>'))))[0]!;
    expect(f.error?.code).toBe('truncated');
  });
});
