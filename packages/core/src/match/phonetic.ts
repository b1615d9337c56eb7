/**
 * A small French phonetic key, in the spirit of Soundex 2 / Phonex (talisman `phonetics/french`):
 * good enough to put `DUPONT` and `DUPOND`, `GAUTHIER` and `GOTIER`, `PHILIPPE` and `FILIPE` in
 * the same block. Used for blocking only; it never decides a link by itself.
 */

/** [pattern, replacement, a letter the pattern needs: absent, the rule is skipped without a regex run]. */
const RULES: [RegExp, string, string][] = [
  [/SCH/g, 'S', 'H'],
  [/CH/g, 'S', 'H'],
  [/SH/g, 'S', 'H'],
  [/PH/g, 'F', 'H'],
  [/TH/g, 'T', 'H'],
  [/GU(?=[EIY])/g, 'K', 'G'],
  [/QU/g, 'K', 'Q'],
  [/Q/g, 'K', 'Q'],
  [/CK/g, 'K', 'C'],
  [/C(?=[EIY])/g, 'S', 'C'],
  [/C/g, 'K', 'C'],
  [/G(?=[EIY])/g, 'J', 'G'],
  [/GN/g, 'N', 'G'],
  [/G/g, 'K', 'G'],
  [/EAU/g, 'O', 'U'],
  [/AU/g, 'O', 'U'],
  [/OU/g, 'U', 'U'],
  [/[AE]I/g, 'E', 'I'],
  [/Y/g, 'I', 'Y'],
  [/W/g, 'V', 'W'],
  [/Z/g, 'S', 'Z'],
  [/X/g, 'KS', 'X'],
  [/H/g, '', 'H'],
];

/** `DUPONT` → `DPN`; input: any string, only A–Z letters are kept. */
export function phoneticFr(input: string): string {
  let w = input.toUpperCase().replace(/[^A-Z]/g, '');
  if (!w) return '';
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i]!;
    if (w.includes(rule[2])) w = w.replace(rule[0], rule[1]);
  }
  // Silent endings: -S, -T, -D, -X, -E (repeated: "DUPONTS" → "DUPON").
  while (w.length > 2 && /[STDXE]$/.test(w)) w = w.slice(0, -1);
  const first = w[0]!;
  const rest = w.slice(1).replace(/[AEIOU]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1').slice(0, 6);
}
