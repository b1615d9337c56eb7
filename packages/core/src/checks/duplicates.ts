/**
 * Grouping records that are the same person under two identifiers: a name key that forgives
 * accents, case, hyphens and spaces (« LE GALL » = « Legall »), then a corroborating fact that a
 * name alone cannot give (the rules say which). Clusters, not pairs: three copies make one finding.
 */
import { normalizeName } from '../model/names.js';
import type { PersonName } from '../model/types.js';

/** Accent-, case-, punctuation- and space-insensitive form of a name part. */
export function nameKey(s: string | undefined): string {
  return normalizeName(s).replace(/ /g, '');
}

/** Every family name a record may be known by (NOM_DE_FAMILLE, NOM_USAGE), as keys. */
export function familyKeys(n: PersonName): string[] {
  return [...new Set([nameKey(n.family), nameKey(n.usage)].filter(Boolean))];
}

/** Union–find over indices. */
export class Clusters {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  /** Groups of two or more, each sorted, in order of their first member. */
  groups(): number[][] {
    const by = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      const list = by.get(r);
      if (list) list.push(i);
      else by.set(r, [i]);
    }
    return [...by.values()].filter((g) => g.length > 1);
  }
}

/**
 * Pairs of records sharing a blocking key, tested by `same`; returns the clusters of indices.
 * `keysOf` gives each record its blocking keys (a record may have several, e.g. family and usage name).
 */
export function clusterBy<T>(records: readonly T[], keysOf: (r: T) => string[], same: (a: T, b: T) => boolean): number[][] {
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const k of keysOf(r)) {
      const list = blocks.get(k);
      if (list) list.push(i);
      else blocks.set(k, [i]);
    }
  });
  const clusters = new Clusters(records.length);
  for (const members of blocks.values()) {
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x]!;
        const b = members[y]!;
        if (a !== b && clusters.find(a) !== clusters.find(b) && same(records[a]!, records[b]!)) clusters.union(a, b);
      }
  }
  return clusters.groups();
}
