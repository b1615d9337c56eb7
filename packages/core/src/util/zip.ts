/**
 * A fast path for the ZIP archives the portals write, for a caller that has a native raw inflate
 * (the CLI passes node:zlib's; core imports no Node module). Measured on the sample school's
 * 220 ko archive of ElevesSansAdresses.xml: native inflate is several times faster than fflate's
 * JavaScript one.
 *
 * Like xml-fast.ts it is strict and never the judge: an archive outside the plain subset (ZIP64,
 * encryption, a method other than stored or deflate, non-ASCII or repeated names, a size that does
 * not add up, an inflate that fails or gives another length than the directory says) makes it give
 * up (undefined), and fflate's unzipSync reads the archive as before, errors included. On the
 * archives it reads it returns what unzipSync returns: the same entries, the same bytes.
 */

/** Raw deflate → bytes; may throw. `size`: the length the central directory announces. */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

export interface ZipEntryInfo {
  name: string;
  /** Compressed size. */
  size: number;
  originalSize: number;
  compression: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

interface Located extends ZipEntryInfo {
  dataStart: number;
}

/** The central directory as unzipSync walks it, or undefined outside the plain subset. */
function directory(bytes: Uint8Array): Located[] | undefined {
  // The end record, searched from the end as unzipSync does (a comment can follow it).
  let e = bytes.length - 22;
  for (; e >= 0 && u32(bytes, e) !== END_OF_DIRECTORY; e--) if (bytes.length - e > 65558) return undefined;
  if (e <= 0) return undefined;
  if (e >= 20 && u32(bytes, e - 20) === ZIP64_LOCATOR) return undefined;
  const count = u16(bytes, e + 8);
  let o = u32(bytes, e + 16);
  if (!count || count === 0xffff || o === 0xffffffff) return undefined;
  const out: Located[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== DIRECTORY_ENTRY) return undefined;
    const flags = u16(bytes, o + 8);
    const compression = u16(bytes, o + 10);
    const size = u32(bytes, o + 20);
    const originalSize = u32(bytes, o + 24);
    const nameLength = u16(bytes, o + 28);
    const next = o + 46 + nameLength + u16(bytes, o + 30) + u16(bytes, o + 32);
    const local = u32(bytes, o + 42);
    if (flags & 1 || (compression !== 0 && compression !== 8)) return undefined;
    if (size === 0xffffffff || originalSize === 0xffffffff || local === 0xffffffff || next > bytes.length) return undefined;
    let name = '';
    for (let k = o + 46; k < o + 46 + nameLength; k++) {
      const c = bytes[k]!;
      if (c < 0x20 || c > 0x7e) return undefined;
      name += String.fromCharCode(c);
    }
    if (names.has(name) || name === '__proto__') return undefined;
    names.add(name);
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL_HEADER) return undefined;
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + size > bytes.length) return undefined;
    if (compression === 0 && size !== originalSize) return undefined;
    out.push({ name, size, originalSize, compression, dataStart });
    o = next;
  }
  return out;
}

/**
 * The entries `want` keeps, name → bytes, inflated by `inflateRaw`; undefined when fflate must
 * read the archive (then `want` may have been called: the caller starts its bookkeeping again).
 */
export function fastUnzip(bytes: Uint8Array, inflateRaw: InflateRaw, want: (info: ZipEntryInfo) => boolean): Record<string, Uint8Array> | undefined {
  const entries = directory(bytes);
  if (!entries) return undefined;
  const files: Record<string, Uint8Array> = {};
  for (const { dataStart, ...info } of entries) {
    if (!want(info)) continue;
    const data = bytes.subarray(dataStart, dataStart + info.size);
    if (info.compression === 0) {
      files[info.name] = data.slice();
      continue;
    }
    let inflated: Uint8Array;
    try {
      inflated = inflateRaw(data, info.originalSize);
    } catch {
      return undefined;
    }
    if (inflated.length !== info.originalSize) return undefined;
    files[info.name] = inflated;
  }
  return files;
}
