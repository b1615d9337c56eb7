/**
 * Name normalisation for display-independent comparison: case, accents, œ/æ ligatures,
 * hyphens, apostrophes and repeated spaces. Particles and given-name order are the matcher's
 * business (match/), which builds on this.
 */

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** `  Lœuillet-d'Almeida ` → `LOEUILLET D ALMEIDA`. */
const normCache = new Map<string, string>();
const NORM_CACHE_MAX = 200_000;

export function normalizeName(s: string | undefined | null): string {
  if (!s) return '';
  // Memoised: the same spellings come back for every record and every pair.
  let r = normCache.get(s);
  if (r === undefined) {
    if (normCache.size >= NORM_CACHE_MAX) normCache.clear();
    r = normalizeUncached(s);
    normCache.set(s, r);
  }
  return r;
}

function normalizeUncached(s: string): string {
  return s
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Column headers compared case-, accent- and punctuation-insensitively: `Né(e) le` → `nee le`. */
export function normalizeHeader(s: string): string {
  return normalizeName(s).toLowerCase();
}
