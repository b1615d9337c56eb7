/** Builders for SIECLE BEE test files, read through the real `readFile` path. */
import { expect } from 'vitest';
import { readFile } from '../../src/formats/read.js';
import type { ReadOptions } from '../../src/formats/types.js';
import type { ParsedFile } from '../../src/model/types.js';
import { latin9, utf8 } from '../helpers/bytes.js';

export const LATIN9_DECL = '<?xml version="1.0" encoding="ISO-8859-15"?>\n';
export const UTF8_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface Params {
  uai?: string;
  year?: string;
  exportDate?: string;
  timestamp?: string;
}

export function parametres(p: Params = {}): string {
  const tag = (name: string, v: string | undefined) => (v === undefined ? '' : `<${name}>${v}</${name}>`);
  return `<PARAMETRES>${tag('UAJ', p.uai ?? '0330001A')}${tag('ANNEE_SCOLAIRE', p.year ?? '2025')}${tag('DATE_EXPORT', p.exportDate ?? '15/01/2026')}${tag('HORODATAGE', p.timestamp ?? '15/01/2026 08:09:38')}</PARAMETRES>`;
}

/** A whole BEE document as text, ISO-8859-15 declaration by default. */
export function bee(root: string, donnees: string, o: { params?: string; decl?: string; version?: string } = {}): string {
  return `${o.decl ?? LATIN9_DECL}<${root} VERSION="${o.version ?? '3.0'}">\n${o.params ?? parametres()}\n<DONNEES>\n${donnees}\n</DONNEES>\n</${root}>\n`;
}

/** Reads bytes through readFile and returns the single ParsedFile. */
export function readOne(path: string, bytes: Uint8Array, options?: ReadOptions): ParsedFile {
  const files = readFile(path, bytes, options);
  expect(files).toHaveLength(1);
  return files[0]!;
}

/** Reads a BEE document encoded as real ISO-8859-15 bytes (or UTF-8 when declared so); must succeed. */
export function readBee(path: string, xml: string, options?: ReadOptions): ParsedFile {
  const bytes = /encoding="UTF-8"/i.test(xml.slice(0, 100)) ? utf8(xml) : latin9(xml);
  const f = readOne(path, bytes, options);
  expect(f.error).toBeNull();
  return f;
}

export function codes(f: ParsedFile): string[] {
  return f.warnings.map((w) => w.code);
}

export function warningsOf(f: ParsedFile, code: string) {
  return f.warnings.filter((w) => w.code === code);
}
