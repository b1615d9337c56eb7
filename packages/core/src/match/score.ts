/**
 * Scoring the matcher's assignments against a ground truth (the sample school's
 * `truth.assignments`, or any hand-labelled set): precision of `certain`, recall over accounts
 * that have exactly one true PRONOTE row, and the traps. Used by the quality test and the
 * benchmark. Structural types only, so any truth with these fields can be scored.
 */
import type { Assignment, Decision } from './types.js';

/** What the truth says of one ENT account. */
export interface TruthAssignmentLike {
  /** The PRONOTE ID the account should carry; null = leave empty. */
  pronoteId: string | null;
  /** Why the account is hard, when it is (the sample's trap codes). */
  trap?: string;
}

/**
 * Traps where a `certain` is a failure even when the ID happens to be right: the files cannot
 * tell the people apart (the same name and birth date: only the class differs). Any `certain`
 * on a trap account whose truth is null (homonyms nothing separates, the newcomer one letter
 * away from another pupil…) is a failure too.
 */
export const NEVER_CERTAIN_TRAPS: readonly string[] = ['homonym-indistinguishable', 'same-name-same-birthdate'];

export interface ScoreError {
  login: string;
  got: string | null;
  expected: string | null;
  decision: Decision;
  trap?: string;
}

export interface TrapScore {
  accounts: number;
  certain: number;
  certainWrong: number;
  probable: number;
  ambiguous: number;
  /** Accounts whose proposal (certain or probable) is the truth, or null when the truth is null. */
  right: number;
}

export interface Score {
  accounts: number;
  /** Truth accounts the matcher gave no assignment. */
  missing: number;
  decisions: Record<Decision, number>;
  certain: { total: number; correct: number; precision: number };
  /** `probable` with an ID: how often the admin would confirm the right one. */
  probable: { withId: number; correct: number; precision: number };
  /** Accounts with exactly one true PRONOTE row, outside NEVER_CERTAIN_TRAPS. */
  recall: { eligible: number; certainCorrect: number; recall: number };
  /** Same, counting every account with a true row. */
  recallAll: { eligible: number; certainCorrect: number; recall: number };
  /** `certain` on a trap account whose truth is null, or on a never-certain trap (must be 0). */
  certainOnTraps: number;
  traps: Record<string, TrapScore>;
  /** Every wrong `certain` (must be none), then wrong probables (first 50). */
  certainErrors: ScoreError[];
  probableErrors: ScoreError[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function scoreAssignments(assignments: Assignment[], truth: Record<string, TruthAssignmentLike>): Score {
  const byLogin = new Map(assignments.map((a) => [a.entLogin, a]));
  const s: Score = {
    accounts: 0,
    missing: 0,
    decisions: { certain: 0, probable: 0, ambiguous: 0 },
    certain: { total: 0, correct: 0, precision: 1 },
    probable: { withId: 0, correct: 0, precision: 1 },
    recall: { eligible: 0, certainCorrect: 0, recall: 1 },
    recallAll: { eligible: 0, certainCorrect: 0, recall: 1 },
    certainOnTraps: 0,
    traps: {},
    certainErrors: [],
    probableErrors: [],
  };
  for (const [login, t] of Object.entries(truth)) {
    s.accounts++;
    const a = byLogin.get(login);
    if (!a) {
      s.missing++;
      continue;
    }
    s.decisions[a.decision]++;
    const got = a.decision === 'ambiguous' ? null : a.pronoteId;
    const correct = got === t.pronoteId;
    const err: ScoreError = { login, got, expected: t.pronoteId, decision: a.decision, ...(t.trap ? { trap: t.trap } : {}) };
    const neverCertain = !!t.trap && (t.pronoteId === null || NEVER_CERTAIN_TRAPS.includes(t.trap));
    if (a.decision === 'certain') {
      s.certain.total++;
      if (correct) s.certain.correct++;
      else s.certainErrors.push(err);
      if (neverCertain) s.certainOnTraps++;
    } else if (a.decision === 'probable' && got !== null) {
      s.probable.withId++;
      if (correct) s.probable.correct++;
      else if (s.probableErrors.length < 50) s.probableErrors.push(err);
    }
    if (t.pronoteId !== null) {
      const hit = a.decision === 'certain' && correct ? 1 : 0;
      s.recallAll.eligible++;
      s.recallAll.certainCorrect += hit;
      if (!neverCertain) {
        s.recall.eligible++;
        s.recall.certainCorrect += hit;
      }
    }
    if (t.trap) {
      const ts = (s.traps[t.trap] ??= { accounts: 0, certain: 0, certainWrong: 0, probable: 0, ambiguous: 0, right: 0 });
      ts.accounts++;
      ts[a.decision]++;
      if (a.decision === 'certain' && !correct) ts.certainWrong++;
      if (correct) ts.right++;
    }
  }
  s.certain.precision = ratio(s.certain.correct, s.certain.total);
  s.probable.precision = ratio(s.probable.correct, s.probable.withId);
  s.recall.recall = ratio(s.recall.certainCorrect, s.recall.eligible);
  s.recallAll.recall = ratio(s.recallAll.certainCorrect, s.recallAll.eligible);
  return s;
}

/** The score as a few French lines (benchmark output, test failure messages). */
export function formatScore(s: Score): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  const lines = [
    `comptes : ${s.accounts} (sans affectation : ${s.missing}) — sûrs ${s.decisions.certain}, probables ${s.decisions.probable}, ambigus ${s.decisions.ambiguous}`,
    `précision des « sûrs » : ${pct(s.certain.precision)} (${s.certain.correct}/${s.certain.total})`,
    `rappel des « sûrs » : ${pct(s.recall.recall)} (${s.recall.certainCorrect}/${s.recall.eligible}) ; tous comptes à identifiant : ${pct(s.recallAll.recall)}`,
    `précision des « probables » : ${pct(s.probable.precision)} (${s.probable.correct}/${s.probable.withId})`,
    `« sûrs » sur des pièges : ${s.certainOnTraps}`,
    ...Object.entries(s.traps).map(
      ([k, t]) => `  piège ${k} : ${t.accounts} comptes, sûrs ${t.certain} (faux ${t.certainWrong}), probables ${t.probable}, ambigus ${t.ambiguous}, justes ${t.right}`,
    ),
    ...s.certainErrors.slice(0, 20).map((e) => `  SÛR FAUX ${e.login} : ${e.got} au lieu de ${e.expected}${e.trap ? ` (${e.trap})` : ''}`),
  ];
  return lines.join('\n');
}
