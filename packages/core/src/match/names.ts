/**
 * Comparing French names as the admin would: case, accents, œ/oe, hyphens or spaces,
 * apostrophes (N'Diaye / NDIAYE / N DIAYE), particles (de, du, d', le, van…), compound and
 * several given names in any order, NOM_USAGE vs NOM_DE_FAMILLE, one-letter typos. The result
 * is graded evidence (exact / variant / typo / different) with French notes; it never decides a
 * link on its own (the matcher needs agreement beyond the name for that).
 */
import { normalizeName } from '../model/names.js';
import type { PersonName } from '../model/types.js';
import { phoneticFr } from './phonetic.js';
import { damerauLevenshtein } from './similarity.js';

/** The four grades the admin sees. */
export type NameLevel = 'exact' | 'variant' | 'typo' | 'different';

/** The matcher's finer grade: `partial` is a variant that drops part of a compound name. */
export type NameGrade = 'exact' | 'variant' | 'partial' | 'typo' | 'different';

const GRADE_RANK: Record<NameGrade, number> = { exact: 4, variant: 3, partial: 2, typo: 1, different: 0 };
/** Evidence weight of each grade, per name part (family, given). */
export const GRADE_SCORE: Record<NameGrade, number> = { exact: 3, variant: 2.5, partial: 1.5, typo: 1, different: 0 };

export function gradeAtLeast(g: NameGrade, min: NameGrade): boolean {
  return GRADE_RANK[g] >= GRADE_RANK[min];
}

function worse(a: NameGrade, b: NameGrade): NameGrade {
  return GRADE_RANK[a] <= GRADE_RANK[b] ? a : b;
}

export function levelOf(g: NameGrade): NameLevel {
  return g === 'partial' ? 'variant' : g;
}

/** Particles that may be written, glued or left out: « de La Fontaine », « LAFONTAINE », « FONTAINE ». */
export const PARTICLES = new Set(['DE', 'DU', 'DES', 'D', 'LE', 'LA', 'LES', 'L', 'VAN', 'VON', 'DER', 'DEN', 'DI', 'DA', 'DEL', 'DELLA', 'DOS', 'DAS']);

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** One name field, prepared once for every comparison. */
export interface NamePart {
  /** As written, trimmed, single spaces. */
  raw: string;
  /** Lower case, accents kept: equality here is an exact match. */
  folded: string;
  /** Lower case without accents or ligatures, punctuation kept. */
  plain: string;
  /** `normalizeName`: A–Z/0–9 words. */
  norm: string;
  tokens: string[];
  /** Tokens glued: `N DIAYE` → `NDIAYE`. */
  compact: string;
  /** Tokens without particles (when something is left). */
  coreTokens: string[];
  core: string;
  /** French phonetic key of `core` (blocking, and « proche à l'oreille »). */
  phon: string;
  /** `raw` in upper case, as a family name is shown. */
  upper: string;
  /** Memoised comparisons with other parts (as a family name, as a given name). */
  asFamily: Map<NamePart, PartResult> | undefined;
  asGiven: Map<NamePart, PartResult> | undefined;
  /** As a family name: the prepared names with this given name and nothing else (shared, read only). */
  withGiven: Map<NamePart, PreparedName> | undefined;
}

export interface PreparedName {
  /** NOM_DE_FAMILLE then NOM_USAGE (when different), non-empty ones. */
  families: NamePart[];
  /** Index in `families` of the usage name, -1 when none. */
  usageIndex: number;
  given: NamePart;
  others: NamePart[];
  /** Every given-name token, main and others. */
  givenTokens: string[];
  /** `MARTIN Hélène`, for evidence. */
  display: string;
}

/**
 * Prepared parts are shared by spelling: a school has a few thousand distinct names for tens of
 * thousands of records, so each is prepared (and compared, see `compareFamilyPart`) once.
 * The cache is bounded: it is dropped when it grows past CACHE_MAX entries.
 */
const CACHE_MAX = 500_000;
const partCache = new Map<string, NamePart>();

/** Drops the memoised names (and with them the memoised comparisons): the end of a match. */
export function clearNameCache(): void {
  partCache.clear();
}

export function preparePart(s: string | undefined): NamePart {
  const key = s ?? '';
  let p = partCache.get(key);
  if (!p) {
    if (partCache.size >= CACHE_MAX) partCache.clear();
    p = computePart(key);
    partCache.set(key, p);
  }
  return p;
}

function computePart(s: string): NamePart {
  const raw = s.replace(/\s+/g, ' ').trim();
  const folded = raw.toLowerCase();
  const plain = folded.replace(/[œæß]/g, (c) => LIGATURES[c] ?? c).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const norm = normalizeName(raw);
  const tokens = norm ? norm.split(' ') : [];
  const coreTokens = tokens.filter((t) => !PARTICLES.has(t));
  const core = coreTokens.length ? coreTokens.join('') : tokens.join('');
  return {
    raw,
    folded,
    plain,
    norm,
    tokens,
    compact: tokens.join(''),
    coreTokens: coreTokens.length ? coreTokens : tokens,
    core,
    phon: phoneticFr(core),
    upper: raw.toUpperCase(),
    asFamily: undefined,
    asGiven: undefined,
    withGiven: undefined,
  };
}

/** Shared by every name without PRENOM2… (read only). */
const NO_OTHERS: NamePart[] = Object.freeze([]) as unknown as NamePart[];

/** The given-name tokens without repeats; the main name's own array when it has none (read only). */
function uniqueGivenTokens(given: NamePart, others: NamePart[]): string[] {
  const tokens = given.tokens;
  if (!others.length && (tokens.length < 2 || (tokens.length === 2 && tokens[0] !== tokens[1]))) return tokens;
  const out: string[] = [];
  for (const t of tokens) if (!out.includes(t)) out.push(t);
  for (const o of others) for (const t of o.tokens) if (!out.includes(t)) out.push(t);
  return out;
}

export function prepareName(n: PersonName): PreparedName {
  const fam = preparePart(n.family);
  const given = preparePart(n.given);
  // Most names have no usage name and no other given names: one prepared name per spelling,
  // shared by the person's records in every source (nothing writes to a prepared name).
  const plain = !n.usage && !n.otherGiven?.length;
  if (plain) {
    const shared = fam.withGiven?.get(given);
    if (shared) return shared;
  }
  const families: NamePart[] = [];
  let usageIndex = -1;
  if (fam.norm) families.push(fam);
  if (n.usage) {
    const usage = preparePart(n.usage);
    if (usage.norm && usage.norm !== fam.norm) {
      usageIndex = families.length;
      families.push(usage);
    }
  }
  const others = n.otherGiven?.length ? n.otherGiven.map(preparePart).filter((p) => p.norm) : NO_OTHERS;
  // `MARTIN Hélène`; either part may be empty (raw names carry no outer spaces).
  const shownFamily = families[usageIndex >= 0 ? usageIndex : 0]?.upper ?? '';
  const display = shownFamily && given.raw ? `${shownFamily} ${given.raw}` : shownFamily || given.raw;
  const prepared: PreparedName = { families, usageIndex, given, others, givenTokens: uniqueGivenTokens(given, others), display };
  if (plain) (fam.withGiven ??= new Map()).set(given, prepared);
  return prepared;
}

/** What one field comparison found. */
export interface PartResult {
  grade: NameGrade;
  /** French note for anything but an exact match. */
  note?: string;
}

type Field = 'nom' | 'prénom';

const pair = (a: NamePart, b: NamePart) => `(${a.raw} / ${b.raw})`;

const EXACT: PartResult = Object.freeze({ grade: 'exact' });

/** Same spelling but for case, accents, ligatures, hyphens, apostrophes or spaces. */
function spellingVariant(a: NamePart, b: NamePart, field: Field): PartResult | undefined {
  if (a.folded === b.folded) return EXACT;
  if (a.norm === b.norm || a.compact === b.compact) {
    const accentsOnly = a.plain === b.plain;
    return {
      grade: 'variant',
      note: accentsOnly
        ? `${field} écrit avec d'autres accents ${pair(a, b)}`
        : `${field} écrit avec un trait d'union, une apostrophe ou un espace de différence ${pair(a, b)}`,
    };
  }
  return undefined;
}

function isSubset(small: string[], big: string[]): boolean {
  return small.length > 0 && small.length < big.length && small.every((t) => big.includes(t));
}

function isPrefix(small: string[], big: string[]): boolean {
  return small.length > 0 && small.length < big.length && small.every((t, i) => big[i] === t);
}

/** One letter (two for long names) added, dropped, changed or swapped. */
function typoClose(a: string, b: string): boolean {
  const min = Math.min(a.length, b.length);
  if (min < 3) return false;
  const d = damerauLevenshtein(a, b, 2);
  return d <= 1 || (d <= 2 && min >= 8);
}

/**
 * Masculine / feminine forms of one name (Louis / Louise, Michel / Michèle, Jean / Jeanne,
 * Léo / Léa, Stéphane / Stéphanie, Frédéric / Frédérique): two people, never a typo (matchID
 * flags the same thing). Compares the endings after the common beginning.
 */
const GENDER_ENDINGS: [string, string][] = [
  ['', 'E'],
  ['', 'A'],
  ['', 'LE'],
  ['', 'NE'],
  ['', 'TE'],
  ['', 'TTE'],
  ['E', 'IE'],
  ['C', 'QUE'],
  ['O', 'A'],
  ['O', 'E'],
  ['E', 'A'],
];

export function genderPair(x: string, y: string): boolean {
  if (x === y) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i < 2) return false;
  const ex = x.slice(i);
  const ey = y.slice(i);
  return GENDER_ENDINGS.some(([m, f]) => (ex === m && ey === f) || (ex === f && ey === m));
}

/** Family names: spelling, particles, compound names, typos (memoised per pair of spellings). */
export function compareFamilyPart(a: NamePart, b: NamePart): PartResult {
  // One spelling on both sides (most pairs that matter): exact, without a memo lookup.
  if (a === b && a.norm) return EXACT;
  const m = (a.asFamily ??= new Map());
  let r = m.get(b);
  if (!r) {
    r = compareFamilyUncached(a, b);
    m.set(b, r);
  }
  return r;
}

function compareFamilyUncached(a: NamePart, b: NamePart): PartResult {
  if (!a.norm || !b.norm) return { grade: 'different' };
  const v = spellingVariant(a, b, 'nom');
  if (v) return v;
  if (a.core === b.core) return { grade: 'variant', note: `nom avec ou sans particule ${pair(a, b)}` };
  const aShorter = a.coreTokens.length <= b.coreTokens.length;
  const s = aShorter ? a : b;
  const l = aShorter ? b : a;
  if (isSubset(s.coreTokens, l.coreTokens) && s.core.length >= 3) {
    return { grade: 'partial', note: `nom composé écrit en partie ${pair(a, b)}` };
  }
  // Without particles, the core is the compact name: one distance is enough.
  const sameCores = a.core === a.compact && b.core === b.compact;
  if (typoClose(a.compact, b.compact) || (!sameCores && typoClose(a.core, b.core))) return { grade: 'typo', note: `nom proche ${pair(a, b)}` };
  const min = Math.min(a.core.length, b.core.length);
  if (min >= 5 && a.phon === b.phon && damerauLevenshtein(a.core, b.core, 3) <= 3) {
    return { grade: 'typo', note: `nom proche à l'oreille ${pair(a, b)}` };
  }
  return { grade: 'different' };
}

function sameSorted(x: string[], y: string[]): boolean {
  if (x.length !== y.length || x.length < 2) return false;
  const a = [...x].sort();
  const b = [...y].sort();
  return a.every((t, i) => t === b[i]);
}

/** Given names: spelling, order, compound, other given names, typos, masculine/feminine. */
export function compareGivenNames(a: PreparedName, b: PreparedName): PartResult {
  // One spelling on both sides: exact, whatever the other given names.
  if (a.given === b.given && a.given.norm) return EXACT;
  // Without PRENOM2…, the result depends on the two given names only: memoised.
  if (a.others.length || b.others.length) return compareGivenUncached(a, b);
  const m = (a.given.asGiven ??= new Map());
  let r = m.get(b.given);
  if (!r) {
    r = compareGivenUncached(a, b);
    m.set(b.given, r);
  }
  return r;
}

/** Every token of `x` is among `all`. */
function inOthers(x: NamePart, all: string[]): boolean {
  return x.tokens.length > 0 && x.tokens.every((t) => all.includes(t));
}

function compareGivenUncached(a: PreparedName, b: PreparedName): PartResult {
  const ga = a.given;
  const gb = b.given;
  if (!ga.norm || !gb.norm) return { grade: 'different' };
  const v = spellingVariant(ga, gb, 'prénom');
  if (v) return v;
  if (genderPair(ga.compact, gb.compact)) {
    return { grade: 'different', note: `prénoms différents, masculin et féminin ${pair(ga, gb)}` };
  }
  if (sameSorted(ga.tokens, gb.tokens) || sameSorted(a.givenTokens, b.givenTokens)) {
    return { grade: 'variant', note: `prénoms dans un autre ordre ${pair(ga, gb)}` };
  }
  if (isPrefix(ga.tokens, gb.tokens) || isPrefix(gb.tokens, ga.tokens)) {
    return { grade: 'partial', note: `prénom composé écrit en partie ${pair(ga, gb)}` };
  }
  if (isSubset(ga.tokens, gb.tokens) || isSubset(gb.tokens, ga.tokens)) {
    return { grade: 'typo', note: `prénom composé, une autre partie ${pair(ga, gb)}` };
  }
  if ((b.others.length || a.others.length) && (inOthers(gb, a.givenTokens) || inOthers(ga, b.givenTokens))) {
    return { grade: 'typo', note: `prénom usuel pris parmi les autres prénoms ${pair(ga, gb)}` };
  }
  if (typoClose(ga.compact, gb.compact)) return { grade: 'typo', note: `prénom proche ${pair(ga, gb)}` };
  return { grade: 'different' };
}

export interface NameComparison {
  /** The grade the admin reads. */
  level: NameLevel;
  /** The finer grade (worst of family and given). */
  grade: NameGrade;
  family: NameGrade;
  given: NameGrade;
  /** Evidence weight, 0 (different) to 6 (exact). */
  score: number;
  /** French notes on every difference (« prénom proche (Léa / Léna) »). */
  notes: string[];
}

const NO_FAMILY_MATCH: PartResult = Object.freeze({ grade: 'different' });

/** Best family-name match across NOM_DE_FAMILLE / NOM_USAGE on both sides. */
function compareFamilies(a: PreparedName, b: PreparedName): PartResult {
  let best: PartResult = NO_FAMILY_MATCH;
  let bestI = -1;
  let bestJ = -1;
  for (let i = 0; i < a.families.length; i++) {
    for (let j = 0; j < b.families.length; j++) {
      const r = compareFamilyPart(a.families[i]!, b.families[j]!);
      if (GRADE_RANK[r.grade] > GRADE_RANK[best.grade]) {
        best = r;
        bestI = i;
        bestJ = j;
      }
    }
  }
  if (best.grade === 'different' || bestI < 0) return best;
  const usageA = bestI === a.usageIndex;
  const usageB = bestJ === b.usageIndex;
  // One side has a usage name, the other shows only one name, and it is the birth name: the lists
  // (PRONOTE, the ENT) show the usage name, so this is weaker — often another person's usage name.
  const onlyA = a.usageIndex >= 0 && b.usageIndex < 0;
  const onlyB = b.usageIndex >= 0 && a.usageIndex < 0;
  if ((onlyA || onlyB) && !usageA && !usageB && gradeAtLeast(best.grade, 'partial')) {
    const holder = onlyA ? a : b;
    const other = onlyA ? b : a;
    const note = `${other.families[0]!.upper} est le nom de naissance, le nom d'usage est ${holder.families[holder.usageIndex]!.upper}`;
    return { grade: 'partial', note: best.note ? `${best.note} ; ${note}` : note };
  }
  if (usageA !== usageB) {
    const withUsage = usageA ? a : b;
    const usage = withUsage.families[usageA ? bestI : bestJ]!.upper;
    const family = withUsage.families[0]!.upper;
    const note = `nom d'usage ${usage} d'un côté (nom de famille ${family})`;
    return { grade: best.grade, note: best.note ? `${best.note} ; ${note}` : note };
  }
  return best;
}

function comparison(family: NameGrade, given: NameGrade, notes: string[]): NameComparison {
  const grade = worse(family, given);
  const score = grade === 'different' ? 0 : GRADE_SCORE[family] + GRADE_SCORE[given];
  return { level: levelOf(grade), grade, family, given, score, notes };
}

const GRADES: NameGrade[] = ['exact', 'variant', 'partial', 'typo', 'different'];

/** The comparisons without notes, one per pair of grades, shared (frozen: most pairs of names). */
const WITHOUT_NOTES = new Map<NameGrade, Map<NameGrade, NameComparison>>(
  GRADES.map((f) => [f, new Map(GRADES.map((g) => [g, Object.freeze(comparison(f, g, Object.freeze([]) as unknown as string[]))]))]),
);

export function compareNames(a: PreparedName, b: PreparedName): NameComparison {
  const fam = compareFamilies(a, b);
  const giv = compareGivenNames(a, b);
  if (worse(fam.grade, giv.grade) === 'different' && a.families[0] && b.families[0]) {
    // Family and given names entered in each other's field (the second part compared only if the first agrees).
    if (
      gradeAtLeast(compareFamilyPart(a.given, b.families[0]).grade, 'variant') &&
      gradeAtLeast(compareFamilyPart(a.families[0], b.given).grade, 'variant')
    ) {
      return comparison('variant', 'variant', [`nom et prénom inversés (${a.display} / ${b.display})`]);
    }
  }
  if (!fam.note && !giv.note) return WITHOUT_NOTES.get(fam.grade)!.get(giv.grade)!;
  const notes: string[] = [];
  if (fam.note) notes.push(fam.note);
  if (giv.note) notes.push(giv.note);
  return comparison(fam.grade, giv.grade, notes);
}

/** Convenience for two raw names (tests, the app's search box). */
export function comparePersonNames(a: PersonName, b: PersonName): NameComparison {
  return compareNames(prepareName(a), prepareName(b));
}
