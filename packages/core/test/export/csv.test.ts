import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvBytes, csvCell, neutralizeFormula, recordsToCsv, toCsv } from '../../src/export/csv.js';

describe('csv: bytes and layout', () => {
  it('writes UTF-8 with a BOM (EF BB BF), `;` between cells and CRLF after every row', () => {
    const bytes = csvBytes(toCsv([['Nom', 'Prénom'], ['DUPONT', 'Léa']]));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    expect(text).toBe('Nom;Prénom\r\nDUPONT;Léa\r\n');
    // é is two UTF-8 bytes, not Latin-1.
    expect(bytes.includes(0xe9)).toBe(false);
    expect([...bytes]).toContain(0xc3);
  });

  it('has no stray LF: every line end is CRLF', () => {
    const text = toCsv([['a'], ['b'], ['c']]);
    expect(text.match(/\n/g)).toHaveLength(3);
    expect(text.match(/\r\n/g)).toHaveLength(3);
  });

  it('writes just the BOM for no rows, and nothing at all without BOM', () => {
    expect(toCsv([])).toBe('\uFEFF');
    expect(toCsv([], { bom: false })).toBe('');
  });

  it('honours another delimiter and line end when asked', () => {
    expect(toCsv([['a', 'b,c']], { delimiter: ',', eol: '\n', bom: false })).toBe('a,"b,c"\n');
  });

  it('writes a header row from columns', () => {
    const csv = recordsToCsv([{ header: 'Login', value: (r: { l: string }) => r.l }], [{ l: 'x' }, { l: 'y' }], { bom: false });
    expect(csv).toBe('Login\r\nx\r\ny\r\n');
  });
});

describe('csv: quoting', () => {
  it.each([
    ['a;b', '"a;b"'],
    ['dit "bonjour"', '"dit ""bonjour"""'],
    ['ligne1\nligne2', '"ligne1\nligne2"'],
    ['ligne1\r\nligne2', '"ligne1\r\nligne2"'],
    ['simple', 'simple'],
    ["D'ALMEIDA", "D'ALMEIDA"],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes null and undefined as empty, numbers as numbers, booleans in French', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(2.5)).toBe('2.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('oui');
    expect(csvCell(false)).toBe('non');
  });

  it('round-trips through a real CSV parser, cell for cell', () => {
    const rows = [
      ['Nom', 'Constats'],
      ['DUPONT; Léa', 'un "mot"\r\nsur deux lignes'],
      ['=1+1', '  @SUM(A1)'],
    ];
    const parsed = Papa.parse<string[]>(toCsv(rows, { bom: false }), { delimiter: ';', newline: '\r\n' }).data.filter((r) => r.length > 1);
    expect(parsed).toEqual([
      ['Nom', 'Constats'],
      ['DUPONT; Léa', 'un "mot"\r\nsur deux lignes'],
      ["'=1+1", "'  @SUM(A1)"],
    ]);
  });
});

describe('csv: formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x","clic")', `"'=HYPERLINK(""http://x"",""clic"")"`],
    ['+33 6 01 02 03 04', "'+33 6 01 02 03 04"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['  =1+1', "'  =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
    ['=cmd|\' /C calc\'!A0', `'=cmd|' /C calc'!A0`],
  ])('neutralises %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each(['DUPONT', 'Jean-Pierre', 'a=b', 'x+y', "l'@", '3A', 'WEPYH43KJ2FZT9AS', ' espace'])('leaves %j alone', (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });

  it('neutralises inside a full CSV too, and a quoted neutralised cell stays one cell', () => {
    expect(toCsv([['=1;2']], { bom: false })).toBe(`"'=1;2"\r\n`);
  });
});
