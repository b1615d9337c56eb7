/**
 * A small French phonetic key, in the spirit of Soundex 2 / Phonex (talisman `phonetics/french`):
 * good enough to put `DUPONT` and `DUPOND`, `GAUTHIER` and `GOTIER`, `PHILIPPE` and `FILIPE` in
 * the same block. Used for blocking only; it never decides a link by itself.
 */

const RULES: [RegExp, string][] = [
  [/SCH/g, 'S'],
  [/CH/g, 'S'],
  [/SH/g, 'S'],
  [/PH/g, 'F'],
  [/TH/g, 'T'],
  [/GU(?=[EIY])/g, 'K'],
  [/QU/g, 'K'],
  [/Q/g, 'K'],
  [/CK/g, 'K'],
  [/C(?=[EIY])/g, 'S'],
  [/C/g, 'K'],
  [/G(?=[EIY])/g, 'J'],
  [/GN/g, 'N'],
  [/G/g, 'K'],
  [/EAU/g, 'O'],
  [/AU/g, 'O'],
  [/OU/g, 'U'],
  [/[AE]I/g, 'E'],
  [/Y/g, 'I'],
  [/W/g, 'V'],
  [/Z/g, 'S'],
  [/X/g, 'KS'],
  [/H/g, ''],
];

/** `DUPONT` → `DPN`; input: any string, only A–Z letters are kept. */
export function phoneticFr(input: string): string {
  let w = input.toUpperCase().replace(/[^A-Z]/g, '');
  if (!w) return '';
  for (let i = 0; i < RULES.length; i++) w = w.replace(RULES[i]![0], RULES[i]![1]);
  // Silent endings: -S, -T, -D, -X, -E (repeated: "DUPONTS" → "DUPON").
  while (w.length > 2 && /[STDXE]$/.test(w)) w = w.slice(0, -1);
  const first = w[0]!;
  const rest = w.slice(1).replace(/[AEIOU]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1').slice(0, 6);
}
