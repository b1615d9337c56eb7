/**
 * From candidate pairs to decisions, looking at rivals on both sides.
 *
 * For a left record x (an ENT account, a SIECLE/STS person), its candidates are the right
 * records with no hard contradiction and not rejected by the admin. A right record y is
 * *claimed* by every x that has it as a candidate; two claimants of y *conflict* unless the
 * evidence separates them (guardians: each has its own children in common with y — the
 * duplicate-guardian case, where both accounts must get the same PRONOTE ID).
 *
 * - A candidate that a conflicting claimant fits clearly better (by ≥ TIE) is taken: not for x.
 * - Several candidates within TIE of the best: `ambiguous`, all listed, none chosen.
 * - The best is also claimed, within TIE, by another record: `ambiguous` (it may be theirs).
 * - Any other compatible candidate of x: at most `probable` (the same name and birth date in
 *   two classes…).
 * - A weaker claimant of the best, or a candidate taken by someone else, still caps at
 *   `probable` when that pair is doubtful (a typo: twins Léa / Léna; another class…) or behind
 *   only by non-decisive facts (`rank`); not when it is clearly someone else's (the name a list
 *   shows is another person's usage name, an INE…).
 * - Otherwise `certain` when the pair's evidence is certain-grade (identifier, or a clean name
 *   with agreement beyond the name), else `probable`.
 * A rejection by the admin caps the next proposal at `probable`; a confirmation turns a
 * probable (or an ambiguous option) into an admin-confirmed proposal.
 */
import type { Decision } from './types.js';
import type { PairEvidence } from './evidence.js';

/** Score gap under which two candidates are equally good. Exact vs typo (2) is not a tie. */
export const TIE = 1.5;

export interface Cand {
  y: number;
  ev: PairEvidence;
}

export interface Resolved {
  decision: Decision;
  /** The proposal; for `ambiguous`, the best option (not chosen). */
  best: Cand;
  /** `ambiguous`: every option, best first. Otherwise the other compatible candidates. */
  options: Cand[];
  /** French lines about rivals, rejections, confirmations. */
  notes: string[];
  confirmedByAdmin?: boolean;
}

export interface ResolveInput {
  cands: Cand[][];
  /**
   * Whether two claimants (left records xa, xb) of the same right record are not rivals: told
   * apart by their evidence, or two records of one person.
   */
  notRivals?: (xa: number, ca: Cand, xb: number, cb: Cand) => boolean;
  rejected?: (x: number, y: number) => boolean;
  confirmed?: (x: number, y: number) => boolean;
  /**
   * Left records an ENT account names by its join key: their exact identity (name + class)
   * outranks a near-name rival elsewhere (see `outranks`).
   */
  anchored?: (x: number) => boolean;
  labelX: (x: number) => string;
  labelY: (y: number) => string;
  /** « cette fiche PRONOTE », for the notes. */
  yWord: string;
}

export interface ResolveOutput {
  results: (Resolved | null)[];
  /** For x with no result: why (its nearest candidate is someone else's), French. */
  why: (string | null)[];
  /** The candidates each x had after hard contradictions and rejections (best first). */
  compatible: Cand[][];
}

interface Claim {
  x: number;
  c: Cand;
}

/** Guardians: each claimant has its own children in common with the row (a duplicate guardian). */
export const separatedByChildren = (a: Cand, b: Cand): boolean =>
  !!a.ev.childrenY?.length && !!b.ev.childrenY?.length && !a.ev.childrenY.some((j) => b.ev.childrenY!.includes(j));

const byScoreDescending = (a: Cand, b: Cand) => b.ev.score - a.ev.score;

/**
 * A join key plus an exact identity (the same name exactly, the same class, no doubt) outranks a
 * rival pair in another class whose name is only close (a cousin « Léa-Marie » in 1G2 for « Léa »
 * in 2NDE1): that rival blocks nothing. Rivals with the very same name (homonyms born the same day
 * in two classes) still do.
 */
export const outranks = (mine: Cand, rival: Cand): boolean =>
  mine.ev.exactIdentity && rival.ev.otherClass && rival.ev.name.grade !== 'exact';

export function resolve(input: ResolveInput): ResolveOutput {
  const { cands, notRivals, rejected, confirmed, anchored, labelX, labelY, yWord } = input;
  const n = cands.length;
  const compatible: Cand[][] = new Array(n);
  const rejectedAny = new Uint8Array(n);
  let maxY = -1;
  for (let x = 0; x < n; x++) {
    const list: Cand[] = [];
    const own = cands[x] ?? [];
    for (let i = 0; i < own.length; i++) {
      const c = own[i]!;
      if (c.ev.hard) continue;
      if (rejected?.(x, c.y)) {
        rejectedAny[x] = 1;
        continue;
      }
      list.push(c);
    }
    if (list.length > 1) list.sort(byScoreDescending);
    compatible[x] = list;
    for (let i = 0; i < list.length; i++) if (list[i]!.y > maxY) maxY = list[i]!.y;
  }
  // Claimants of each right record: counted, then listed (by x) only where several claim it.
  const claimCount = new Int32Array(maxY + 1);
  for (let x = 0; x < n; x++) {
    const cs = compatible[x]!;
    for (let i = 0; i < cs.length; i++) claimCount[cs[i]!.y]!++;
  }
  const claims = new Map<number, Claim[]>();
  for (let x = 0; x < n; x++) {
    const cs = compatible[x]!;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (claimCount[c.y]! < 2) continue;
      const cl = claims.get(c.y);
      if (cl) cl.push({ x, c });
      else claims.set(c.y, [{ x, c }]);
    }
  }
  const results: (Resolved | null)[] = new Array(n).fill(null);
  const why: (string | null)[] = new Array(n).fill(null);
  const list = (cs: Cand[]) => cs.map((c) => labelY(c.y)).join(', ');

  /** The decision for x among rivals, or why it gets none (its nearest candidate is someone else's). */
  const weigh = (x: number, mine: Cand[]): Resolved | string => {
    const conflicts = (c: Cand) => (claims.get(c.y) ?? []).filter((o) => o.x !== x && !notRivals?.(x, c, o.x, o.c));
    const available: Cand[] = [];
    const taken: { c: Cand; by: Claim }[] = [];
    for (const c of mine) {
      const stronger = conflicts(c).find((o) => o.c.ev.score >= c.ev.score + TIE);
      if (stronger) taken.push({ c, by: stronger });
      else available.push(c);
    }
    if (!available.length) {
      const t = taken[0]!;
      return `${yWord} la plus proche (${labelY(t.c.y)}) correspond mieux à ${labelX(t.by.x)}`;
    }
    const best = available[0]!;
    const notes: string[] = [];
    let decision: Decision;
    let options: Cand[] = available.slice(1);
    const tied = available.filter((c) => c.ev.score > best.ev.score - TIE);
    const bestConflicts = conflicts(best);
    const closeClaimants = bestConflicts.filter((o) => o.c.ev.score > best.ev.score - TIE);
    // A weaker rival still blocks `certain` when its own pair is doubtful (a typo, another
    // class…) or when only non-decisive facts (a further child, the ENT's hint) put it behind.
    const blocks = (weaker: Cand, stronger: Cand) => weaker.ev.soft || stronger.ev.rank - weaker.ev.rank < TIE;
    const keyed = !!anchored?.(x);
    const outranked = (rival: Cand) => keyed && outranks(best, rival);
    const blockingTaken = taken.filter((t) => blocks(t.c, t.by.c) && !outranked(t.c));
    const blockingClaimants = bestConflicts.filter((o) => blocks(o.c, best) && !outranked(o.c));
    const others = keyed ? available.filter((c, i) => i > 0 && !outranks(best, c)) : available.slice(1);
    if (tied.length > 1) {
      decision = 'ambiguous';
      options = available;
      notes.push(`${available.length} candidats possibles : ${list(available)}`);
    } else if (closeClaimants.length) {
      decision = 'ambiguous';
      options = [best];
      notes.push(`${yWord} ${labelY(best.y)} pourrait aussi être celle de : ${closeClaimants.map((o) => labelX(o.x)).join(', ')}`);
    } else if (others.length || blockingTaken.length || blockingClaimants.length) {
      decision = 'probable';
      if (others.length) notes.push(`autre candidat possible, moins proche : ${list(others)}`);
      if (blockingTaken.length) notes.push(`candidat écarté car plus proche d'une autre personne : ${list(blockingTaken.map((t) => t.c))}`);
      if (blockingClaimants.length) {
        notes.push(`${yWord} ${labelY(best.y)} ressemble aussi à : ${blockingClaimants.map((o) => labelX(o.x)).join(', ')}`);
      }
    } else {
      decision = best.ev.certainGrade ? 'certain' : 'probable';
      if (decision === 'certain' && keyed && (available.length > 1 || taken.length || bestConflicts.length))
        notes.push("clé de jointure, même nom et même classe : l'emporte sur un nom seulement proche dans une autre classe");
    }
    return { decision, best, options, notes };
  };

  for (let x = 0; x < n; x++) {
    const mine = compatible[x]!;
    if (!mine.length) continue;
    // Most records are the only claimant of their only candidate: no rival on either side, so
    // `weigh` would find nothing but the pair's own grade (and build a dozen empty lists).
    const only = mine.length === 1 && claimCount[mine[0]!.y] === 1 ? mine[0]! : undefined;
    const r: Resolved | string = only ? { decision: only.ev.certainGrade ? 'certain' : 'probable', best: only, options: [], notes: [] } : weigh(x, mine);
    if (typeof r === 'string') {
      why[x] = r;
      continue;
    }
    const { best, options, notes } = r;
    if (rejectedAny[x] && r.decision === 'certain') {
      r.decision = 'probable';
      notes.push("proposition faite après le refus d'un autre rapprochement : à confirmer");
    }
    if (confirmed) {
      if (r.decision === 'probable' && confirmed(x, best.y)) r.confirmedByAdmin = true;
      else if (r.decision === 'ambiguous') {
        const pick = options.find((c) => confirmed(x, c.y));
        if (pick) {
          r.decision = 'probable';
          r.best = pick;
          r.options = options.filter((c) => c !== pick);
          r.confirmedByAdmin = true;
        }
      }
      if (r.confirmedByAdmin) notes.push("rapprochement confirmé par l'administrateur");
    }
    results[x] = r;
  }
  return { results, why, compatible };
}
