import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { nonExportKind } from '../../src/formats/not-an-export.js';
import { generateSchool } from '../../src/sample/index.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('nonExportKind: ce qui n’est pas un export', () => {
  it('tells a PDF, an office document, a picture and a meeting note', () => {
    expect(nonExportKind(text('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'))).toBe('pdf');
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(nonExportKind(docx)).toBe('office');
    const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') });
    expect(nonExportKind(odt)).toBe('office');
    expect(nonExportKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBe('image');
    expect(nonExportKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image');
    const note =
      "Compte rendu de la réunion de rentrée du 3 septembre\n\nPrésents : la direction, la vie scolaire, le référent numérique.\nLes comptes ENT des nouveaux élèves seront créés après la remontée SIECLE.\n";
    expect(nonExportKind(text(note))).toBe('prose');
    expect(nonExportKind(text('Il faut vérifier les identifiants, puis relancer l’import dans l’ENT, avant vendredi.\n'))).toBe('prose');
  });

  it('never calls an export, a zip of exports or a table a non-export', () => {
    const school = generateSchool({ pupils: 20, seed: 5 });
    for (const f of school.files) expect(nonExportKind(f.bytes), f.name).toBeUndefined();
    expect(nonExportKind(zipSync({ 'ElevesSansAdresses.xml': strToU8('<BEE_ELEVES/>') }))).toBeUndefined();
    expect(nonExportKind(text('Nom\tPrénom\tIdentifiant PRONOTE\r\nBLANC\tPaul\tS1\r\n'))).toBeUndefined();
    expect(nonExportKind(text('"Type";"Nom";"Prénom";"Login"\r\n"Élève";"BLANC";"Paul";"paul.blanc"\r\n'))).toBeUndefined();
  });
});
