/**
 * Files that are no export at all (a PDF, a word-processor document, a picture, a meeting note):
 * told by their content, so that the app says « ce n'est pas un export » instead of offering to
 * map the columns of « %PDF-1.4 ». Pure: bytes in, a kind out.
 */
import { unzipSync } from 'fflate';
import { decodeText } from '../util/encoding.js';
import { isZip } from './read.js';

export type NonExportKind = 'pdf' | 'office' | 'image' | 'prose';

function startsWith(b: Uint8Array, ...sig: number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

/** Entry names of a zip (nothing is inflated); empty when the zip cannot be read. */
function zipNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return [];
  }
  return names;
}

/** A word-processor, spreadsheet or slides document (OOXML or OpenDocument). */
function isOfficeZip(bytes: Uint8Array): boolean {
  const names = zipNames(bytes);
  return names.includes('[Content_Types].xml') || names.includes('mimetype') || names.some((n) => /^(word|xl|ppt)\//.test(n));
}

/**
 * Text that reads as sentences, not as a table: its first line has no delimiter that cuts it
 * into two fields or more, or its fields are phrases (an export's header has short labels).
 */
function isProse(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim()).slice(0, 8);
  if (!lines.length) return false;
  const first = lines[0]!;
  const best = ['\t', ';', ','].map((d) => first.split(d)).sort((a, b) => b.length - a.length)[0]!;
  if (best.length < 2) return true;
  const words = best.map((f) => f.trim().split(/\s+/).filter(Boolean).length);
  const average = words.reduce((a, b) => a + b, 0) / words.length;
  // « Compte rendu du conseil, 3 septembre » cut at its comma still reads as words.
  return average > 3 || best.some((f) => f.trim().length > 60);
}

/**
 * What kind of non-export these bytes are, or undefined when they may be an export (XML, a
 * table, a zip of exports). Only the content is looked at, never the file name.
 */
export function nonExportKind(bytes: Uint8Array): NonExportKind | undefined {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'pdf'; // %PDF
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0) || startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'office'; // .doc/.xls, {\rtf
  if (isZip(bytes)) return isOfficeZip(bytes) ? 'office' : undefined;
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || // PNG
    startsWith(bytes, 0xff, 0xd8, 0xff) || // JPEG
    startsWith(bytes, 0x47, 0x49, 0x46, 0x38) || // GIF
    startsWith(bytes, 0x42, 0x4d) || // BMP
    (startsWith(bytes, 0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) // RIFF…WEBP
  ) {
    return 'image';
  }
  const { text } = decodeText(bytes.subarray(0, 64_000));
  if (text.includes('\u0000')) return undefined;
  const start = text.trimStart();
  if (!start || start.startsWith('<')) return undefined;
  return isProse(start) ? 'prose' : undefined;
}
