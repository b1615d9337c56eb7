/**
 * The evidence between two records of different sources, as weights (for sorting and rivalry)
 * and as French lines for the admin. Three kinds of facts:
 * - agreements beyond the name (INE, birth date, class, children in common): what `certain`
 *   needs;
 * - hard contradictions (another INE, another birth date, no child in common, a name that is
 *   not the same): the pair is not a candidate at all;
 * - soft ones (another class, a birth date one digit off, a typo in the name, teacher vs
 *   staff): the pair stays a candidate, and a rival, but is at most `probable`.
 *
 * Weights, in rough log-odds (Fellegi–Sunter spirit): name 0–6 (3 per part: exact 3, variant
 * 2.5, partial 1.5, typo 1), INE +10, birth date +5 (one digit off +1), class +3 (another −2),
 * children +4 (+1 per further child, up to +2; −3 when only as a contact, not a legal
 * guardian), profile mismatch −1, the ENT already carries
 * this PRONOTE ID +0.5 (a weak hint: it may be wrong). Teacher on both sides counts as agreement
 * beyond the name (PRONOTE's teacher list has no birth date), with no weight.
 */
import { compareNames, gradeAtLeast, type NameComparison } from './names.js';
import { frDate, SOURCE_LABEL, type ChildDesc, type Rec } from './records.js';

export const WEIGHTS = {
  ine: 10,
  joinKey: 12,
  birth: 5,
  birthClose: 1,
  division: 3,
  divisionOther: -2,
  child: 4,
  childMore: 1,
  profileOther: -1,
  contactOnly: -3,
  hint: 0.5,
} as const;

export interface PairEvidence {
  score: number;
  /**
   * The score without what cannot tell two people apart (a further child in common, the ENT's
   * hint): a weaker rival blocks `certain` unless it is this much behind (see resolve.ts).
   */
  rank: number;
  /** A contradiction that rules the pair out. */
  hard: boolean;
  /** A doubt that keeps the pair a candidate but caps it at `probable`. */
  soft: boolean;
  /** An identifier agrees (INE, join key). */
  identifier: boolean;
  /** Good enough for `certain` if no rival: identifier, or a clean name + agreement beyond the name. */
  certainGrade: boolean;
  name: NameComparison;
  /** French: summary line first, then details. */
  evidence: string[];
  /** Indices of the right record's children found on the left (guardians). */
  childrenY?: number[];
  /** Guardians: the children in common are only a contact's (neither legal guardian nor « en charge »). */
  contactOnly?: boolean;
  /** Both records give a class and they differ (a rival « elsewhere »). */
  otherClass: boolean;
  /**
   * An exact identity: the same name exactly and, beyond it, the same class (pupils) or children
   * in common (guardians), no doubt at all. With a join key, it outranks a near-name rival
   * elsewhere (resolve.ts).
   */
  exactIdentity: boolean;
}

/**
 * Children of `b` that are also children of `a`: same SIECLE id, or same name (when ids are
 * missing). `legal`: at least one of them is a responsible guardian's child (legal or « en
 * charge ») on both sides (unknown counts as responsible).
 */
export function childrenInCommon(a: ChildDesc[], b: ChildDesc[]): { ys: number[]; legal: boolean } {
  const ys: number[] = [];
  let legal = false;
  for (let j = 0; j < b.length; j++) {
    const cb = b[j]!;
    let hit: ChildDesc | undefined;
    for (let i = 0; i < a.length && !hit; i++) if (sameChild(a[i]!, cb)) hit = a[i];
    if (!hit) continue;
    ys.push(j);
    if (hit.responsible !== false && cb.responsible !== false) legal = true;
  }
  return { ys, legal };
}

function sameChild(ca: ChildDesc, cb: ChildDesc): boolean {
  if (ca.ids.length && cb.ids.length) {
    for (let i = 0; i < ca.ids.length; i++) if (cb.ids.includes(ca.ids[i]!)) return true;
    return false;
  }
  const n = compareNames(ca.name, cb.name);
  return gradeAtLeast(n.grade, 'partial') && (!ca.division || !cb.division || ca.division === cb.division);
}

function birthClose(a: string, b: string): boolean {
  if (a.slice(0, 4) !== b.slice(0, 4)) return false;
  // Day and month swapped.
  const pa = a.split('-');
  const pb = b.split('-');
  if (pa[1] === pb[2] && pa[2] === pb[1]) return true;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

const NO_NAME: NameComparison = { level: 'different', grade: 'different', family: 'different', given: 'different', score: 0, notes: [] };

/** A ruled-out pair: its details are never shown, so none are built (most pairs a block meets). */
const RULED_OUT: PairEvidence = Object.freeze({
  score: 0,
  rank: 0,
  hard: true,
  soft: false,
  identifier: false,
  certainGrade: false,
  name: NO_NAME,
  evidence: [],
  childrenY: undefined,
  contactOnly: false,
  otherClass: false,
  exactIdentity: false,
});
const ruledOut = (): PairEvidence => RULED_OUT;

/** `hinted`: the right record's PRONOTE ID is one the ENT already carries for the left person. */
export function comparePair(x: Rec, y: Rec, hinted = false): PairEvidence {
  // Cheap contradictions first.
  const ineSame = x.ine && y.ine ? x.ine.toUpperCase() === y.ine.toUpperCase() : undefined;
  if (ineSame === false) return ruledOut();
  const birthSame = x.birth && y.birth ? x.birth === y.birth : undefined;
  if (birthSame === false && !birthClose(x.birth!, y.birth!)) return ruledOut();
  // Guardians: children in common (SIECLE ids, mostly) cost less to compare than names.
  let childrenY: number[] | undefined;
  let contactOnly = false;
  if (x.children?.length && y.children?.length) {
    const common = childrenInCommon(x.children, y.children);
    if (!common.ys.length) return ruledOut();
    childrenY = common.ys;
    contactOnly = !common.legal;
  }
  const name = compareNames(x.name, y.name);
  const nameDiffers = name.grade === 'different';
  // Only an identifier keeps a pair whose names differ (a name change): never certain.
  if (nameDiffers && !ineSame) return ruledOut();
  if (birthSame === false && !gradeAtLeast(name.grade, 'variant')) return ruledOut();
  const divSame = x.division && y.division ? x.division === y.division : undefined;
  // A one-letter name difference in another class is another person.
  if (divSame === false && !gradeAtLeast(name.grade, 'partial')) return ruledOut();

  const sx = SOURCE_LABEL[x.ref.source];
  const sy = SOURCE_LABEL[y.ref.source];
  // Evidence lines: « même nom, même date de naissance, même classe » (filled in last), the
  // children in common, then one line per detail (the name's notes first).
  const evidence: string[] = [''];
  let summary = nameSummary(name);
  if (childrenY) {
    let labels = y.children![childrenY[0]!]!.label;
    for (let k = 1; k < childrenY.length; k++) labels += `, ${y.children![childrenY[k]!]!.label}`;
    evidence.push(`enfants en commun : ${labels}`);
  }
  for (let i = 0; i < name.notes.length; i++) evidence.push(name.notes[i]!);
  let score = name.score;
  let soft = name.grade === 'typo' || nameDiffers;
  let beyond = 0;
  if (ineSame) {
    beyond++;
    score += WEIGHTS.ine;
    summary += ', même INE';
  }
  if (birthSame) {
    beyond++;
    score += WEIGHTS.birth;
    summary += ', même date de naissance';
  } else if (birthSame === false) {
    soft = true;
    score += WEIGHTS.birthClose;
    evidence.push(`date de naissance proche : ${frDate(x.birth)} dans ${sx}, ${frDate(y.birth)} dans ${sy}`);
  }
  if (divSame) {
    beyond++;
    score += WEIGHTS.division;
    summary += ', même classe';
  } else if (divSame === false) {
    soft = true;
    score += WEIGHTS.divisionOther;
    evidence.push(`classe différente : ${x.divisionRaw} dans ${sx}, ${y.divisionRaw} dans ${sy}`);
  }
  let extra = 0;
  if (childrenY) {
    beyond++;
    extra += WEIGHTS.childMore * Math.min(childrenY.length - 1, 2);
    score += WEIGHTS.child;
    if (contactOnly) {
      soft = true;
      score += WEIGHTS.contactOnly;
      evidence.push('simple contact de ces enfants dans SIECLE, ni responsable légal ni personne en charge');
    }
  }
  if (x.role === 'teacher' && y.role === 'teacher' && gradeAtLeast(name.grade, 'variant')) {
    // Teachers are a small closed list on both sides: the profile is evidence (a rival homonym
    // still makes it ambiguous).
    beyond++;
    summary += ', même profil (professeur)';
  }
  if (x.role !== y.role) {
    soft = true;
    score += WEIGHTS.profileOther;
    evidence.push(`profil différent : ${ROLE_LABEL[x.role]} dans ${sx}, ${ROLE_LABEL[y.role]} dans ${sy}`);
  }
  if (nameDiffers) evidence.push(`même INE mais nom différent (${x.name.display} / ${y.name.display})`);
  if (hinted) {
    extra += WEIGHTS.hint;
    evidence.push("l'ENT porte déjà cet identifiant PRONOTE");
  }
  evidence[0] = summary;
  const identifier = !!ineSame;
  const certainGrade = (identifier && !nameDiffers) || (!soft && gradeAtLeast(name.grade, 'partial') && beyond > 0);
  const exactIdentity = !soft && name.grade === 'exact' && (divSame === true || (!!childrenY && !contactOnly));
  return {
    score: score + extra,
    rank: score,
    hard: false,
    soft,
    identifier,
    certainGrade,
    name,
    evidence,
    childrenY,
    contactOnly,
    otherClass: divSame === false,
    exactIdentity,
  };
}

/**
 * Two SIECLE records of one child (a hand-made duplicate): the same name (spelling aside), the
 * same birth date and a guardian in common. Twins differ by their given names; without a
 * guardian in common, two such records stay rivals (homonyms the data cannot separate).
 */
export function samePupil(a: Rec, b: Rec): boolean {
  if (a.ref.source !== 'siecle' || b.ref.source !== 'siecle' || a.role !== 'pupil' || b.role !== 'pupil') return false;
  if (!a.birth || a.birth !== b.birth || !gradeAtLeast(compareNames(a.name, b.name).grade, 'variant')) return false;
  return !!a.guardianIds?.some((g) => b.guardianIds?.includes(g));
}

export const ROLE_LABEL: Record<Rec['role'], string> = { pupil: 'élève', guardian: 'responsable', teacher: 'professeur', staff: 'personnel' };

export function nameSummary(name: NameComparison): string {
  switch (name.level) {
    case 'exact':
      return 'même nom';
    case 'variant':
      return 'même nom, écrit autrement';
    case 'typo':
      return 'nom proche';
    default:
      return 'nom différent';
  }
}
