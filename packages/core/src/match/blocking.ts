/**
 * Blocking: records are compared only with the records that share a key, never all pairs.
 * Keys (a record gets all that apply):
 * - `n` family name (glued, without particles, each part of a compound) + a given-name initial;
 * - `n` the given name + a family initial (family and given names swapped);
 * - `b` birth date + an initial (a family or given name changed or mistyped);
 * - `p` French phonetic key of the family name + a given-name initial (typos, no birth date);
 * - `d` class + first given name (family name changed or mistyped, within the class);
 * - `c` a child's SIECLE id (guardians: PRONOTE row found through its children).
 * A block larger than `maxBlock` is skipped (the other keys still find the pair).
 */
import { phoneticFr } from './phonetic.js';
import type { Rec } from './records.js';

export function blockingKeys(r: Rec): string[] {
  const keys = new Set<string>();
  const n = r.name;
  const initials = new Set<string>();
  for (const t of n.givenTokens) if (t) initials.add(t[0]!);
  const famInitials = new Set<string>();
  const famKeys = new Set<string>();
  for (const f of n.families) {
    if (f.compact) famKeys.add(f.compact);
    if (f.core) famKeys.add(f.core);
    for (const t of f.coreTokens) if (t.length >= 3) famKeys.add(t);
    if (f.compact) famInitials.add(f.compact[0]!);
    const ph = phoneticFr(f.core);
    if (ph) for (const i of initials) keys.add(`p${ph}|${i}`);
  }
  for (const fk of famKeys) for (const i of initials) keys.add(`n${fk}|${i}`);
  if (n.given.compact) for (const i of famInitials) keys.add(`n${n.given.compact}|${i}`);
  if (r.birth) for (const i of [...initials, ...famInitials]) keys.add(`b${r.birth}|${i}`);
  if (r.division && n.given.tokens[0]) keys.add(`d${r.division}|${n.given.tokens[0]}`);
  for (const c of r.children ?? []) for (const id of c.ids) keys.add(`c${id}`);
  return [...keys];
}

export class BlockIndex {
  private readonly blocks = new Map<string, number[]>();
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

  /** Indices of the records sharing at least one key with `r`. */
  candidates(r: Rec): number[] {
    this.round++;
    const out: number[] = [];
    for (const k of blockingKeys(r)) {
      const b = this.blocks.get(k);
      if (!b || b.length > this.maxBlock) continue;
      for (const i of b) {
        if (this.stamp[i] === this.round) continue;
        this.stamp[i] = this.round;
        out.push(i);
      }
    }
    return out;
  }
}
