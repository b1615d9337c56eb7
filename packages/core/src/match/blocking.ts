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

const prefix2 = (t: string) => t.slice(0, 2);
const prefix1 = (t: string) => t.slice(0, 1);

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

/** The keys of a record (recomputed on demand: keeping them for 300 000 records costs more than it saves). */
export function blockingKeys(r: Rec): number[] {
  const keys: number[] = [];
  const add = (k: number) => addKey(keys, k);
  const n = r.name;
  // Staff lists are small: one letter is enough to keep blocks small, and it finds more typos.
  const prefix = r.role === 'teacher' || r.role === 'staff' ? prefix1 : prefix2;
  const givenPrefixes: string[] = [];
  const initials: string[] = [];
  for (const t of n.givenTokens) {
    const pt = prefix(t);
    if (!givenPrefixes.includes(pt)) givenPrefixes.push(pt);
    const i0 = t[0]!;
    if (!initials.includes(i0)) initials.push(i0);
  }
  for (const f of n.families) {
    if (!f.compact) continue;
    for (const g of givenPrefixes) {
      add(key(N, f.compact, g));
      if (f.core !== f.compact) add(key(N, f.core, g));
      if (f.coreTokens.length > 1) for (const t of f.coreTokens) if (t.length >= 3) add(key(N, t, g));
      if (f.phon) add(key(P, f.phon, g));
    }
    const fp = prefix(f.compact);
    if (n.given.compact) add(key(S, n.given.compact, fp));
    if (r.birth) add(key(BF, r.birth, fp[0]!));
    if (r.division) add(key(DF, r.division, f.compact));
  }
  if (r.birth) for (const i of initials) add(key(BG, r.birth, i));
  if (r.division && n.given.tokens[0]) add(key(DG, r.division, n.given.tokens[0]));
  for (const c of r.children ?? []) for (const id of c.ids) add(key(C, id, ''));
  return keys;
}

export class BlockIndex {
  private readonly blocks = new Map<number, number[]>();
  private readonly stamp: Int32Array;
  private round = 0;

  constructor(
    readonly recs: Rec[],
    private readonly maxBlock = 1500,
  ) {
    this.stamp = new Int32Array(recs.length);
    recs.forEach((r, i) => {
      for (const k of blockingKeys(r)) {
        const b = this.blocks.get(k);
        if (b) b.push(i);
        else this.blocks.set(k, [i]);
      }
    });
  }

  /** Indices of the records sharing at least one key with `r` (`n` keys also meet `s` keys). */
  candidates(r: Rec): number[] {
    this.round++;
    const out: number[] = [];
    for (const k of blockingKeys(r)) {
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
    if (!b || b.length > this.maxBlock) return;
    for (const i of b) {
      if (this.stamp[i] === this.round) continue;
      this.stamp[i] = this.round;
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
