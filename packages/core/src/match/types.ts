/**
 * The reconciliation contract: what `reconcile(dataset)` returns. The app, the extension and
 * the CLI consume exactly these shapes (the CLI's `check --json` prints them).
 */
import type { Source } from '../model/types.js';

/** How sure a link is. Only `certain` (or an admin-confirmed `probable`) may ever be autofilled. */
export type Decision = 'certain' | 'probable' | 'ambiguous';

export type SubjectKind = 'pupil' | 'guardian' | 'staff' | 'group' | 'account' | 'row';

/** What a finding or a link is about: a record of one source. */
export interface SubjectRef {
  source: Source;
  kind: SubjectKind;
  /** SIECLE pupil ELEVE_ID, guardian PERSONNE_ID, STS INDIVIDU@ID, group/division code, ENT login, PRONOTE ID. */
  id: string;
  /** Display label (« DUPONT Léa (2NDE3) »), for the admin; not part of the identity. */
  label?: string;
}

/** A link between two records of different sources, with its evidence in the admin's words. */
export interface Link {
  from: SubjectRef;
  to: SubjectRef;
  decision: Decision;
  /** 0..1, the weight of evidence (for sorting; never a decision by itself). */
  score: number;
  /** « même nom, même date de naissance, même classe »… */
  evidence: string[];
  /** For an ambiguous link: the rival candidates. */
  candidates?: SubjectRef[];
  /** The admin confirmed this probable link (or picked it among ambiguous options). */
  confirmedByAdmin?: boolean;
}

/**
 * Why an assignment has its PRONOTE ID, or none:
 * - `linked`: a PRONOTE row was found (see `decision`);
 * - `ambiguous`: several rows could be the one (see `candidates`);
 * - `chosen`: the admin picked the ID (`AdminDecisions.chosen`);
 * - `no-pronote-row`: the person is known (SIECLE/STS) but has no PRONOTE row;
 * - `no-pronote-list`: no PRONOTE list of this profile was imported;
 * - `no-owner`: no SIECLE/STS record and no PRONOTE row fits the account;
 * - `ambiguous-owner`: several SIECLE/STS records could own the account.
 */
export type AssignmentStatus = 'linked' | 'ambiguous' | 'chosen' | 'no-pronote-row' | 'no-pronote-list' | 'no-owner' | 'ambiguous-owner';

/** The PRONOTE ID one ENT account should carry. */
export interface Assignment {
  entLogin: string;
  /** The expected ID; for `ambiguous`, the best candidate is NOT given here (see candidates). */
  pronoteId: string | null;
  decision: Decision;
  evidence: string[];
  /** The ID the ENT currently carries, when known. */
  currentPronoteId?: string;
  /** The person behind the account, for display. */
  person?: SubjectRef;
  /** The admin confirmed this probable link, or picked this candidate: usable for autofill. */
  confirmedByAdmin?: boolean;
  /** For `ambiguous`: every PRONOTE row that could be the one. */
  candidates?: { pronoteId: string; label: string; evidence: string[] }[];
  /** Why there is (or is not) an ID; see AssignmentStatus. Added by the matcher. */
  status?: AssignmentStatus;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable rule code, e.g. `siecle.pupil-incomplete`. */
  code: string;
  severity: Severity;
  /** French title of the rule. */
  title: string;
  subjects: SubjectRef[];
  /** What was found, in French, one line each. */
  evidence: string[];
  /** The procedure the admin follows in the portals (which menu, which button). */
  fix: string;
  /** Stable identity of this finding across re-imports (code + sorted subject ids). */
  key: string;
}

/** `siecle:pupil:12345`: the key of a record across maps. */
export function refKey(r: Pick<SubjectRef, 'source' | 'kind' | 'id'>): string {
  return `${r.source}:${r.kind}:${r.id}`;
}

/** What the admin decided, stored by the app apart from the snapshots; re-applied on every reconcile. */
export interface AdminDecisions {
  /** Keys (`linkKey`) of probable links the admin confirmed: usable for autofill. */
  confirmed?: string[];
  /** Keys of links the admin rejected: never proposed again. */
  rejected?: string[];
  /** For an ambiguous account: the PRONOTE ID the admin picked (ENT login → PRONOTE ID). */
  chosen?: Record<string, string>;
}

/** Stable key of a link: `refKey(from)→refKey(to)`. */
export function linkKey(l: Pick<Link, 'from' | 'to'>): string {
  return `${refKey(l.from)}→${refKey(l.to)}`;
}

/**
 * Key of the pair « this ENT account gets this PRONOTE ID », for AdminDecisions.confirmed /
 * rejected at the assignment level (the app's accept/refuse buttons on an assignment).
 */
export function assignmentKey(entLogin: string, pronoteId: string): string {
  return linkKey({ from: { source: 'ent', kind: 'account', id: entLogin }, to: { source: 'pronote', kind: 'row', id: pronoteId } });
}

/** The matcher's output, indexed for the checks and exporters. */
export interface MatchResult {
  links: Link[];
  assignments: Assignment[];
  /** ENT login → the link from that account to its SIECLE pupil/guardian or STS person (best one; may be ambiguous). */
  entOwner: Map<string, Link>;
  /** refKey of a SIECLE/STS person → the link from that person to its PRONOTE row. */
  pronoteOf: Map<string, Link>;
  /** refKey of a SIECLE/STS person → links from ENT accounts to it (several for duplicate accounts). */
  entOf: Map<string, Link[]>;
}
