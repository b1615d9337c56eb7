/**
 * Name normalisation for display-independent comparison: case, accents, œ/æ ligatures,
 * hyphens, apostrophes and repeated spaces. Particles and given-name order are the matcher's
 * business (match/), which builds on this.
 */

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** `  Lœuillet-d'Almeida ` → `LOEUILLET D ALMEIDA`. */
export function normalizeName(s: string | undefined | null): string {
  if (!s) return '';
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
