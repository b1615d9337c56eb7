/**
 * Byte → text decoding. XML honours its declaration (ISO-8859-15 matters: `œ`); text files are
 * sniffed (UTF-16 with or without BOM, UTF-8 BOM, valid UTF-8, else Windows-1252), as SACoche and Pix do.
 * TextDecoder knows these labels in Node (full ICU) and in browsers.
 */
import { RaccordError } from './errors.js';

export interface Decoded {
  text: string;
  /** Canonical name shown to the admin: UTF-8, UTF-16LE, UTF-16BE, ISO-8859-15, ISO-8859-1, windows-1252. */
  encoding: string;
}

const CANONICAL: Record<string, string> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'iso-8859-15': 'ISO-8859-15',
  'iso8859-15': 'ISO-8859-15',
  'latin-9': 'ISO-8859-15',
  latin9: 'ISO-8859-15',
  'iso-8859-1': 'ISO-8859-1',
  'iso8859-1': 'ISO-8859-1',
  'latin-1': 'ISO-8859-1',
  latin1: 'ISO-8859-1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'utf-16': 'UTF-16LE',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

export function canonicalEncoding(label: string): string | undefined {
  return CANONICAL[label.trim().toLowerCase()];
}

/** Windows-1252's 0x80–0x9F (0xFFFD where undefined). */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

/**
 * Windows-1252 by table: Node 20's TextDecoder('windows-1252') turns 0x80–0x9F into C1 controls
 * (nodejs/node#56542), which would lose Excel's « Œ », « œ », « € » and curly quotes.
 * ISO-8859-1 is read the same way, as browsers do (WHATWG maps that label to windows-1252).
 */
export function decodeWindows1252(b: Uint8Array): string {
  // Native decoding, then the few C1 code points mapped back through the table.
  return new TextDecoder('windows-1252')
    .decode(b)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeSingleByte(canonical: string, b: Uint8Array): string {
  if (canonical === 'windows-1252' || canonical === 'ISO-8859-1') return decodeWindows1252(b);
  return new TextDecoder(canonical.toLowerCase()).decode(b);
}

export function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

export function utf16Bom(b: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/** Share of the first code units of `b` (from `start`) whose high or low byte is NUL. */
function nulPattern(b: Uint8Array, start: number): { even: number; odd: number } {
  const end = Math.min(b.length, start + 1024);
  let pairs = 0;
  let even = 0;
  let odd = 0;
  for (let i = start; i + 1 < end; i += 2) {
    pairs++;
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  return pairs ? { even: even / pairs, odd: odd / pairs } : { even: 0, odd: 0 };
}

/** French text in UTF-16 is mostly Latin: one byte of most code units is NUL, the other almost never. */
function nulSide(b: Uint8Array, start: number): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const { even, odd } = nulPattern(b, start);
  if (odd >= 0.3 && even <= 0.05) return 'UTF-16LE';
  if (even >= 0.3 && odd <= 0.05) return 'UTF-16BE';
  return undefined;
}

/**
 * UTF-16 with or without its BOM: a BOM at the start; a BOM after a few stray bytes (the remains
 * of a UTF-8 BOM, `FE BB BF FF FE`, seen in a real Scribe export) when the text after it is
 * UTF-16; else the NUL-byte pattern of Latin text. `start`: where the text begins.
 */
export function utf16Layout(b: Uint8Array): { encoding: 'UTF-16LE' | 'UTF-16BE'; start: number } | undefined {
  const bom = utf16Bom(b);
  if (bom) return { encoding: bom, start: 2 };
  for (let i = 1; i <= 4 && i + 1 < b.length; i++) {
    const at = b[i] === 0xff && b[i + 1] === 0xfe ? 'UTF-16LE' : b[i] === 0xfe && b[i + 1] === 0xff ? 'UTF-16BE' : undefined;
    if (at && nulSide(b, i + 2) === at) return { encoding: at, start: i + 2 };
  }
  if (b.length < 4) return undefined;
  const side = nulSide(b, 0);
  return side ? { encoding: side, start: 0 } : undefined;
}

function decodeUtf16(bytes: Uint8Array, u16: { encoding: 'UTF-16LE' | 'UTF-16BE'; start: number }): Decoded {
  return { text: new TextDecoder(u16.encoding.toLowerCase(), { ignoreBOM: true }).decode(bytes.subarray(u16.start)), encoding: u16.encoding };
}

/** Strict UTF-8 check; returns the text, or undefined when the bytes are not valid UTF-8. */
export function tryUtf8(b: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    return undefined;
  }
}

function hasNonAscii(b: Uint8Array, limit = b.length): boolean {
  for (let i = 0; i < limit; i++) if (b[i]! >= 0x80) return true;
  return false;
}

/** Decodes a text file (CSV, TSV, pasted text) by sniffing, never by a declaration. */
export function decodeText(bytes: Uint8Array): Decoded {
  const u16 = utf16Layout(bytes);
  if (u16) return decodeUtf16(bytes, u16);
  if (hasUtf8Bom(bytes)) {
    const t = tryUtf8(bytes.subarray(3));
    if (t !== undefined) return { text: t, encoding: 'UTF-8' };
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** Reads `encoding="…"` from an XML declaration in the first bytes (ASCII-compatible files). */
export function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const decl = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head.replace(/^\uFEFF|^ï»¿/, ''));
  return decl?.[1];
}

/**
 * Decodes an XML file: UTF-16 BOM, then the declared encoding, then UTF-8 if valid, else
 * ISO-8859-15 (formats.md §1.1). A declaration that contradicts the bytes is refused.
 */
export function decodeXml(bytes: Uint8Array, file: string): Decoded {
  const u16 = utf16Layout(bytes);
  if (u16) return decodeUtf16(bytes, u16);
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  const declared = declaredXmlEncoding(body);
  const canonical = declared ? canonicalEncoding(declared) : undefined;

  if (declared && !canonical) {
    throw new RaccordError({
      code: 'encoding-mismatch',
      file,
      position: 'ligne 1',
      message: `Le fichier « ${file} » déclare l'encodage « ${declared} », que Raccord ne sait pas lire.`,
      hint: "Exportez à nouveau le fichier depuis le portail (SIECLE ou STS-web) sans l'ouvrir ni l'enregistrer dans un autre logiciel.",
    });
  }

  if (canonical === 'UTF-8' || (!canonical && hasUtf8Bom(bytes))) {
    const t = tryUtf8(body);
    if (t === undefined) {
      throw new RaccordError({
        code: 'encoding-mismatch',
        file,
        message: `Le fichier « ${file} » annonce l'encodage UTF-8 mais contient des caractères dans un autre encodage (probablement ISO-8859-15) : les accents seraient mal lus.`,
        hint: "Le fichier a sans doute été modifié et ré-enregistré par un autre logiciel. Exportez-le à nouveau depuis le portail, sans l'ouvrir avant de l'importer.",
      });
    }
    return { text: t, encoding: 'UTF-8' };
  }

  if (canonical) {
    // A single-byte declaration over bytes that are really multi-byte UTF-8 would turn « é » into « Ã© ».
    if (hasNonAscii(body) && looksLikeUtf8Multibyte(body)) {
      throw new RaccordError({
        code: 'encoding-mismatch',
        file,
        message: `Le fichier « ${file} » annonce l'encodage ${canonical} mais son contenu est en UTF-8 : les accents seraient mal lus (« Ã© » au lieu de « é »).`,
        hint: "Le fichier a sans doute été converti par un autre logiciel. Exportez-le à nouveau depuis le portail, sans l'ouvrir avant de l'importer.",
      });
    }
    return { text: decodeSingleByte(canonical, body), encoding: canonical };
  }

  const utf8 = tryUtf8(body);
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8' };
  return { text: new TextDecoder('iso-8859-15').decode(body), encoding: 'ISO-8859-15' };
}

/** True when the non-ASCII bytes are all well-formed UTF-8 multi-byte sequences (and there is at least one). */
function looksLikeUtf8Multibyte(b: Uint8Array): boolean {
  return tryUtf8(b) !== undefined;
}
