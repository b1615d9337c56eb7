/**
 * Delimited text (CSV, TSV, clipboard paste) → rows of trimmed cells, with the delimiter
 * sniffed as SACoche does (the most frequent of `;` `,` TAB in the first lines), parsed by
 * papaparse (quoted cells with line breaks exist).
 */
import Papa from 'papaparse';
import { normalizeHeader } from '../model/names.js';

export interface Table {
  delimiter: string;
  /** Every non-empty row, cells trimmed. rows[0] is usually the header. */
  rows: string[][];
  /** 1-based source line of each row (for provenance). */
  lines: number[];
}

const CANDIDATES = [';', '\t', ','] as const;

export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 20000).split(/\r?\n/, 20).join('\n');
  let best: string = ';';
  let bestCount = -1;
  for (const d of CANDIDATES) {
    const count = sample.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function parseTable(text: string): Table {
  const delimiter = sniffDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, quoteChar: '"' });
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  // papaparse does not give line numbers; count the line breaks inside each row's cells.
  for (const raw of result.data) {
    const cells: string[] = new Array(raw.length);
    let breaks = 0;
    let filled = false;
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i] ?? '';
      for (let at = c.indexOf('\n'); at >= 0; at = c.indexOf('\n', at + 1)) breaks++;
      const t = c.trim();
      cells[i] = t;
      if (t !== '') filled = true;
    }
    if (filled) {
      rows.push(cells);
      lines.push(line);
    }
    line += 1 + breaks;
  }
  return { delimiter, rows, lines };
}

/** A stable signature of a header row, for remembering the admin's column mapping. */
export function headerSignature(header: readonly string[]): string {
  return header.map(normalizeHeader).join('|');
}

/** Index of the first header matching one of the aliases (compared normalised), or -1. */
export function findColumn(normalizedHeader: readonly string[], aliases: readonly string[]): number {
  const wanted = aliases.map(normalizeHeader);
  for (const a of wanted) {
    const i = normalizedHeader.indexOf(a);
    if (i >= 0) return i;
  }
  return -1;
}
