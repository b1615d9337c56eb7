/**
 * Blocking: records are compared only with the records that share a key, never all pairs.
 * Keys (a record gets all that apply; "prefix" = the first two letters, one for staff):
 * - `n` family name (glued, without particles, each part of a compound) + a given-name prefix;
 * - `s` the given name + a family-name prefix, looked up among `n` keys (family and given names
 *   swapped; a swap key never meets another swap key, or every « Marie Ma… » would meet every
 *   other);
 * - `p` French phonetic key of the family name + a given-name prefix (family-name typos);
 * - `b` birth date + a given-name initial, `B` birth date + a family initial (a family or given
 *   name changed or mistyped, even in its first letters);
 * - `d` class + first given name, `D` class + family name (a typo on the other part, within
 *   the class, when birth dates are missing);
 * - `c` a child's SIECLE id (guardians: a PRONOTE row found through its children, whatever
 *   the name).
 * Typo-level rivals (twins Léa / Léna) share a prefix or a birth date, so rivalry still sees them.
 * A block larger than `maxBlock` is skipped (the other keys still find the pair).
 */
import type { Rec } from './records.js';

/** Key kinds, in the low 3 bits of a key. */
const N = 0;
const S = 1;
const P = 2;
const BG = 3;
const BF = 4;
const DG = 5;
const DF = 6;
const C = 7;

/**
 * A key is a 30-bit hash of its two parts and its kind (no string is built: a school's index
 * holds a million keys). A collision only puts two unrelated records in one block, where the
 * evidence rules them out.
 */
function key(kind: number, a: string, b: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x7c, 0x01000193);
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), 0x01000193);
  return ((h >>> 5) << 3) | kind;
}

function addKey(keys: number[], k: number): void {
  for (let i = 0; i < keys.length; i++) if (keys[i] === k) return;
  keys.push(k);
}

/**
 * The keys of a record (recomputed on demand: keeping them for 300 000 records costs more than it saves).
 * Indexed loops, no closures: this runs for every record and every query, mostly before V8 optimises it.
 */
export function blockingKeys(r: Rec): number[] {
  const keys: number[] = [];
  const n = r.name;
  // Staff lists are small: one letter is enough to keep blocks small, and it finds more typos.
  const prefixLength = r.role === 'teacher' || r.role === 'staff' ? 1 : 2;
  const givenTokens = n.givenTokens;
  const givenPrefixes: string[] = [];
  for (let i = 0; i < givenTokens.length; i++) {
    const pt = givenTokens[i]!.slice(0, prefixLength);
    if (!givenPrefixes.includes(pt)) givenPrefixes.push(pt);
  }
  const families = n.families;
  for (let fi = 0; fi < families.length; fi++) {
    const f = families[fi]!;
    if (!f.compact) continue;
    for (let gi = 0; gi < givenPrefixes.length; gi++) {
      const g = givenPrefixes[gi]!;
      addKey(keys, key(N, f.compact, g));
      if (f.core !== f.compact) addKey(keys, key(N, f.core, g));
      if (f.coreTokens.length > 1) for (const t of f.coreTokens) if (t.length >= 3) addKey(keys, key(N, t, g));
      if (f.phon) addKey(keys, key(P, f.phon, g));
    }
    const fp = f.compact.slice(0, prefixLength);
    if (n.given.compact) addKey(keys, key(S, n.given.compact, fp));
    if (r.birth) addKey(keys, key(BF, r.birth, fp[0]!));
    if (r.division) addKey(keys, key(DF, r.division, f.compact));
  }
  // Given-name initials: repeats give the same key, which addKey drops.
  if (r.birth) for (let i = 0; i < givenTokens.length; i++) addKey(keys, key(BG, r.birth, givenTokens[i]![0]!));
  if (r.division && n.given.tokens[0]) addKey(keys, key(DG, r.division, n.given.tokens[0]));
  const children = r.children;
  if (children) {
    for (let ci = 0; ci < children.length; ci++) {
      const ids = children[ci]!.ids;
      for (let i = 0; i < ids.length; i++) addKey(keys, key(C, ids[i]!, ''));
    }
  }
  return keys;
}

export class BlockIndex {
  /** Key → its records: most blocks hold one record, kept as a bare index (no array per block). */
  private readonly blocks = new Map<number, number | number[]>();
  private readonly stamp: Int32Array;
  private round = 0;

  constructor(
    readonly recs: Rec[],
    private readonly maxBlock = 1500,
  ) {
    this.stamp = new Int32Array(recs.length);
    for (let i = 0; i < recs.length; i++) {
      const keys = blockingKeys(recs[i]!);
      for (let ki = 0; ki < keys.length; ki++) {
        const b = this.blocks.get(keys[ki]!);
        if (b === undefined) this.blocks.set(keys[ki]!, i);
        else if (typeof b === 'number') this.blocks.set(keys[ki]!, [b, i]);
        else b.push(i);
      }
    }
  }

  /** Indices of the records sharing at least one key with `r` (`n` keys also meet `s` keys). */
  candidates(r: Rec): number[] {
    this.round++;
    const out: number[] = [];
    const keys = blockingKeys(r);
    for (let ki = 0; ki < keys.length; ki++) {
      const k = keys[ki]!;
      const kind = k & 7;
      if (kind === S) this.collect((k & ~7) | N, out);
      else {
        this.collect(k, out);
        if (kind === N) this.collect((k & ~7) | S, out);
      }
    }
    return out;
  }

  private collect(k: number, out: number[]): void {
    const b = this.blocks.get(k);
    if (b === undefined) return;
    const stamp = this.stamp;
    const round = this.round;
    if (typeof b === 'number') {
      if (stamp[b] !== round) {
        stamp[b] = round;
        out.push(b);
      }
      return;
    }
    if (b.length > this.maxBlock) return;
    for (let j = 0; j < b.length; j++) {
      const i = b[j]!;
      if (stamp[i] === round) continue;
      stamp[i] = round;
      out.push(i);
    }
  }
}

const indexes = new WeakMap<Rec[], BlockIndex>();

/** One index per list of records, shared by the stages that search the same list. */
export function indexOf(recs: Rec[]): BlockIndex {
  let ix = indexes.get(recs);
  if (!ix) {
    ix = new BlockIndex(recs);
    indexes.set(recs, ix);
  }
  return ix;
}
