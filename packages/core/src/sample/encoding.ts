// Byte-exact text encoders written by hand (no TextEncoder for legacy charsets, no Node Buffer):
// ISO-8859-15 (SIECLE/STS XML), Windows-1252 (PRONOTE/ENT CSV), UTF-8 (± BOM), UTF-16 LE with BOM.
// Plus base64 and SHA-256 for the Index Education envelope.

export type TextEncoding = 'iso-8859-15' | 'windows-1252' | 'utf-8' | 'utf-8-bom' | 'utf-16le-bom';

// ISO-8859-15 replaces eight Latin-1 code points: [byte, Unicode code point].
const ISO_8859_15: readonly (readonly [number, number])[] = [
  [0xa4, 0x20ac], [0xa6, 0x0160], [0xa8, 0x0161], [0xb4, 0x017d], [0xb8, 0x017e], [0xbc, 0x0152], [0xbd, 0x0153], [0xbe, 0x0178],
];

// Windows-1252 fills 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D stay undefined).
const WINDOWS_1252: readonly (readonly [number, number])[] = [
  [0x80, 0x20ac], [0x82, 0x201a], [0x83, 0x0192], [0x84, 0x201e], [0x85, 0x2026], [0x86, 0x2020], [0x87, 0x2021],
  [0x88, 0x02c6], [0x89, 0x2030], [0x8a, 0x0160], [0x8b, 0x2039], [0x8c, 0x0152], [0x8e, 0x017d], [0x91, 0x2018],
  [0x92, 0x2019], [0x93, 0x201c], [0x94, 0x201d], [0x95, 0x2022], [0x96, 0x2013], [0x97, 0x2014], [0x98, 0x02dc],
  [0x99, 0x2122], [0x9a, 0x0161], [0x9b, 0x203a], [0x9c, 0x0153], [0x9e, 0x017e], [0x9f, 0x0178],
];

const tables = new Map<TextEncoding, Int16Array>();

/** Unicode code unit → byte, or -1 when the charset has no such character. */
function singleByteTable(encoding: 'iso-8859-15' | 'windows-1252'): Int16Array {
  let t = tables.get(encoding);
  if (t) return t;
  t = new Int16Array(0x10000).fill(-1);
  for (let c = 0; c < 0x80; c++) t[c] = c;
  for (let c = 0xa0; c < 0x100; c++) t[c] = c;
  if (encoding === 'iso-8859-15') {
    for (const [byte] of ISO_8859_15) t[byte] = -1;
    for (const [byte, cp] of ISO_8859_15) t[cp] = byte;
  } else {
    for (const [byte, cp] of WINDOWS_1252) t[cp] = byte;
  }
  tables.set(encoding, t);
  return t;
}

export class UnencodableError extends Error {}

/** A growable byte buffer that encodes every string written to it. */
export class ByteSink {
  private buf: Uint8Array;
  private len = 0;
  private readonly table: Int16Array | null;

  constructor(readonly encoding: TextEncoding, capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, capacity));
    this.table = encoding === 'iso-8859-15' || encoding === 'windows-1252' ? singleByteTable(encoding) : null;
    if (encoding === 'utf-8-bom') this.raw([0xef, 0xbb, 0xbf]);
    if (encoding === 'utf-16le-bom') this.raw([0xff, 0xfe]);
  }

  private reserve(extra: number): void {
    const need = this.len + extra;
    if (need <= this.buf.length) return;
    let cap = Math.ceil(this.buf.length * 1.5);
    while (cap < need) cap = Math.ceil(cap * 1.5);
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  raw(bytes: ArrayLike<number>): this {
    this.reserve(bytes.length);
    for (let i = 0; i < bytes.length; i++) this.buf[this.len++] = bytes[i] as number;
    return this;
  }

  write(s: string): this {
    const n = s.length;
    if (this.table) {
      this.reserve(n);
      const t = this.table;
      const b = this.buf;
      let k = this.len;
      for (let i = 0; i < n; i++) {
        const byte = t[s.charCodeAt(i)] as number;
        if (byte < 0) throw new UnencodableError(`${this.encoding} cannot encode ${JSON.stringify(s.charAt(i))} in ${JSON.stringify(s.slice(Math.max(0, i - 20), i + 20))}`);
        b[k++] = byte;
      }
      this.len = k;
    } else if (this.encoding === 'utf-16le-bom') {
      this.reserve(2 * n);
      const b = this.buf;
      let k = this.len;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        b[k++] = c & 0xff;
        b[k++] = c >>> 8;
      }
      this.len = k;
    } else {
      this.reserve(3 * n);
      const b = this.buf;
      let k = this.len;
      for (let i = 0; i < n; i++) {
        let c = s.charCodeAt(i);
        if (c < 0x80) {
          b[k++] = c;
          continue;
        }
        if (c < 0x800) {
          b[k++] = 0xc0 | (c >>> 6);
          b[k++] = 0x80 | (c & 0x3f);
          continue;
        }
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++; // 4 bytes for 2 code units: within the 3-per-unit reservation
            b[k++] = 0xf0 | (c >>> 18);
            b[k++] = 0x80 | ((c >>> 12) & 0x3f);
            b[k++] = 0x80 | ((c >>> 6) & 0x3f);
            b[k++] = 0x80 | (c & 0x3f);
            continue;
          }
        }
        b[k++] = 0xe0 | (c >>> 12);
        b[k++] = 0x80 | ((c >>> 6) & 0x3f);
        b[k++] = 0x80 | (c & 0x3f);
      }
      this.len = k;
    }
    return this;
  }

  get length(): number {
    return this.len;
  }

  /** The bytes written: a view when the buffer is nearly full, else a trimmed copy. */
  bytes(): Uint8Array {
    return this.buf.length - this.len <= this.buf.length >> 4 ? this.buf.subarray(0, this.len) : this.buf.slice(0, this.len);
  }
}

export function encodeText(s: string, encoding: TextEncoding): Uint8Array {
  return new ByteSink(encoding, s.length * (encoding === 'utf-8' || encoding === 'utf-8-bom' ? 3 : 2) + 4).write(s).bytes();
}

/** True when every character of `s` exists in the charset. */
export function canEncode(s: string, encoding: 'iso-8859-15' | 'windows-1252'): boolean {
  const t = singleByteTable(encoding);
  for (let i = 0; i < s.length; i++) if ((t[s.charCodeAt(i)] as number) < 0) return false;
  return true;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0;
    const c = i + 2 < bytes.length ? (bytes[i + 2] as number) : 0;
    const v = (a << 16) | (b << 8) | c;
    chunk += B64.charAt(v >>> 18) + B64.charAt((v >>> 12) & 63);
    chunk += i + 1 < bytes.length ? B64.charAt((v >>> 6) & 63) : '=';
    chunk += i + 2 < bytes.length ? B64.charAt(v & 63) : '=';
    if (chunk.length >= 4096) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

const K256 = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 (FIPS 180-4), synchronous and dependency-free. */
export function sha256(data: Uint8Array): Uint8Array {
  const bitLen = data.length * 8;
  const padded = new Uint8Array(((data.length + 9 + 63) >> 6) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLen / 4294967296));
  view.setUint32(padded.length - 4, bitLen >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + 4 * i);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15] as number;
      const y = w[i - 2] as number;
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K256[i] as number) + (w[i] as number)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const next = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] as number) + (next[i] as number)) >>> 0;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(4 * i, h[i] as number);
  return out;
}
