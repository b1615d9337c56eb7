/**
 * String similarity for name comparison, written small: Damerau–Levenshtein (optimal string
 * alignment: insert, delete, substitute, swap two neighbours) bounded by a maximum, and
 * Jaro–Winkler (Splink's default name measure) for sorting.
 */

/** The rows of `damerauLevenshtein`, grown when a longer name comes. */
let rows = new Int32Array(3 * 32);

/**
 * Optimal-string-alignment distance between `a` and `b`, or `max + 1` as soon as it is known to
 * exceed `max` (names are short; the bound keeps a 100 000-person batch fast).
 */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  // Three rolling rows in one reused buffer: two back (for the swap), one back, current.
  const w = lb + 1;
  if (rows.length < 3 * w) rows = new Int32Array(6 * w);
  const d = rows;
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= lb; j++) {
    d[prev2 + j] = 0;
    d[prev + j] = j;
  }
  for (let i = 1; i <= la; i++) {
    d[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = d[prev + j - 1]! + (ca === cb ? 0 : 1);
      const del = d[prev + j]! + 1;
      if (del < v) v = del;
      const ins = d[cur + j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && d[prev2 + j - 2]! + 1 < v) v = d[prev2 + j - 2]! + 1;
      d[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return d[prev + lb]!;
}

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Uint8Array(la);
  const matchedB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
