/**
 * The native-inflate ZIP path (util/zip.ts, used by the CLI) against fflate's unzipSync: the same
 * entries and bytes where it reads, and a give-up (fflate reads, errors included) everywhere else.
 */
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFile } from '../src/formats/read.js';
import { nativeInflateRaw } from '../src/cli/main.js';
import { generateSchool } from '../src/sample/index.js';
import { fastUnzip, type InflateRaw } from '../src/util/zip.js';

const all = () => true;
const text = (s: string) => new TextEncoder().encode(s);

const mixed = () =>
  zipSync({
    'ElevesSansAdresses.xml': [text('<?xml version="1.0"?><BEE_ELEVES>'.padEnd(5000, ' ') + '</BEE_ELEVES>'), { level: 6 }],
    'stocke.csv': [text('Nom;Prénom\r\nMARTIN;Zoé\r\n'), { level: 0 }],
    'dossier/': new Uint8Array(0),
    '__MACOSX/._a.xml': new Uint8Array([1, 2]),
    'vide.txt': new Uint8Array(0),
    'interne.zip': zipSync({ 'b.xml': text('<a/>') }),
  });

/** One central-directory field rewritten (offset from the entry's signature). */
function patchDirectory(zip: Uint8Array, entry: number, offset: number, value: number, width: 2 | 4): Uint8Array {
  const z = zip.slice();
  let seen = -1;
  for (let i = 0; i + 4 <= z.length; i++) {
    if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 0x01 && z[i + 3] === 0x02 && ++seen === entry) {
      for (let k = 0; k < width; k++) z[i + offset + k] = (value >>> (8 * k)) & 0xff;
      return z;
    }
  }
  throw new Error('entrée introuvable');
}

describe('fastUnzip with node:zlib', () => {
  it('returns what unzipSync returns on a zip of stored, deflated, empty and nested entries', () => {
    const zip = mixed();
    const fast = fastUnzip(zip, nativeInflateRaw, all);
    expect(fast).toBeDefined();
    expect(fast).toEqual(unzipSync(zip));
    expect(Object.keys(fast!).sort()).toEqual(Object.keys(unzipSync(zip)).sort());
  });

  it('asks the filter about every entry, in directory order, and keeps only what it wants', () => {
    const zip = mixed();
    const seenFast: string[] = [];
    const seenFflate: string[] = [];
    const fast = fastUnzip(zip, nativeInflateRaw, (f) => (seenFast.push(`${f.name}:${f.originalSize}:${f.compression}`), f.name.endsWith('.xml')));
    const slow = unzipSync(zip, { filter: (f) => (seenFflate.push(`${f.name}:${f.originalSize}:${f.compression}`), f.name.endsWith('.xml')) });
    expect(seenFast).toEqual(seenFflate);
    expect(fast).toEqual(slow);
  });

  it("reads the sample school's archive as unzipSync does", () => {
    const zip = generateSchool({ pupils: 300 }).files.find((f) => f.name.endsWith('.zip'))!.bytes;
    expect(fastUnzip(zip, nativeInflateRaw, all)).toEqual(unzipSync(zip));
  });

  it('gives up on what it does not read: damaged, non-ASCII names, lying sizes, an unknown method, a failing inflate', () => {
    const zip = zipSync({ 'a.xml': text('<a>'.padEnd(3000, 'x') + '</a>') });
    expect(fastUnzip(zip.slice(0, 40), nativeInflateRaw, all)).toBeUndefined();
    expect(fastUnzip(zipSync({ 'élèves.xml': text('<a/>') }), nativeInflateRaw, all)).toBeUndefined();
    // Announced smaller than it inflates (a bomb's trick), or larger: native inflate does not decide.
    expect(fastUnzip(patchDirectory(zip, 0, 24, 100, 4), nativeInflateRaw, all)).toBeUndefined();
    expect(fastUnzip(patchDirectory(zip, 0, 24, 5000, 4), nativeInflateRaw, all)).toBeUndefined();
    expect(fastUnzip(patchDirectory(zip, 0, 10, 14, 2), nativeInflateRaw, all)).toBeUndefined();
    expect(fastUnzip(patchDirectory(zip, 0, 8, 1, 2), nativeInflateRaw, all)).toBeUndefined();
    const failing: InflateRaw = () => {
      throw new Error('zlib');
    };
    expect(fastUnzip(zip, failing, all)).toBeUndefined();
    expect(fastUnzip(zip, nativeInflateRaw, all)).toEqual(unzipSync(zip));
  });
});

describe('readFile with a native inflate', () => {
  const cases: [string, Uint8Array][] = [
    ['mélange.zip', mixed()],
    ['abime.zip', zipSync({ 'a.xml': text('<a/>') }).slice(0, 40)],
    ['taille-fausse.zip', patchDirectory(zipSync({ 'a.xml': text('<a>'.padEnd(3000, 'x') + '</a>') }), 0, 24, 100, 4)],
    ['vide.zip', zipSync({ '.DS_Store': new Uint8Array([1]) })],
    ...generateSchool({ pupils: 300 }).files.filter((f) => f.name.endsWith('.zip')).map((f): [string, Uint8Array] => [f.name, f.bytes]),
  ];
  for (const [name, bytes] of cases) {
    it(`gives the same ParsedFiles as fflate alone: ${name}`, () => {
      expect(readFile(name, bytes, { inflateRaw: nativeInflateRaw })).toEqual(readFile(name, bytes));
    });
  }

  it('says which entry is above the size limit once, whichever path read the archive', () => {
    const bomb = zipSync({ 'bombe.xml': new Uint8Array(10_000).fill(0x20), 'b.xml': text('<a/>') }, { level: 9 });
    const out = readFile('bombe.zip', bomb, { maxBytes: 5_000, inflateRaw: nativeInflateRaw });
    expect(out.filter((f) => f.error?.code === 'too-large').map((f) => f.path)).toEqual(['bombe.zip/bombe.xml']);
    expect(out).toEqual(readFile('bombe.zip', bomb, { maxBytes: 5_000 }));
  });
});
