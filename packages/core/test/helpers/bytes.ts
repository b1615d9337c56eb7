/** Test helpers that produce real bytes in the encodings the portals use (not UTF-8 strings). */

const LATIN9_SPECIAL: Record<string, number> = { '€': 0xa4, Š: 0xa6, š: 0xa8, Ž: 0xb4, ž: 0xb8, Œ: 0xbc, œ: 0xbd, Ÿ: 0xbe };
const CP1252_SPECIAL: Record<string, number> = {
  '€': 0x80, '‚': 0x82, ƒ: 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, ˆ: 0x88, '‰': 0x89, Š: 0x8a, '‹': 0x8b, Œ: 0x8c,
  Ž: 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, š: 0x9a,
  '›': 0x9b, œ: 0x9c, ž: 0x9e, Ÿ: 0x9f,
};

function singleByte(s: string, special: Record<string, number>, name: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let i = 0;
  for (const ch of s) {
    const sp = special[ch];
    const code = ch.codePointAt(0)!;
    if (sp !== undefined) out[i++] = sp;
    else if (code < 0x100 && !Object.values(special).includes(code)) out[i++] = code;
    else throw new Error(`« ${ch} » n'existe pas en ${name}`);
  }
  return out.subarray(0, i);
}

export const latin9 = (s: string) => singleByte(s, LATIN9_SPECIAL, 'ISO-8859-15');
export const cp1252 = (s: string) => singleByte(s, CP1252_SPECIAL, 'Windows-1252');
export const utf8 = (s: string) => new TextEncoder().encode(s);
export const utf8Bom = (s: string) => concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(s));

export function utf16le(s: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let o = 0;
  if (bom) { out[0] = 0xff; out[1] = 0xfe; o = 2; }
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); out[o++] = c & 0xff; out[o++] = c >> 8; }
  return out;
}

export function utf16be(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xfe; out[1] = 0xff;
  let o = 2;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); out[o++] = c >> 8; out[o++] = c & 0xff; }
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
