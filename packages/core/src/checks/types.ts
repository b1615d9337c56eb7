/** The contract of a check rule: one rule, one file, registered in checks/index.ts. */
import type { SchoolDataset } from '../model/dataset.js';
import type { Finding, MatchResult, Severity } from '../match/types.js';

export interface CheckContext {
  dataset: SchoolDataset;
  match: MatchResult;
  /** ISO date used for delays (« arrivé il y a 2 jours : l'AAF met 48 à 72 h »). */
  today: string;
}

/** What a rule returns: runChecks adds code, title and key; severity and fix default to the rule's. */
export type RawFinding = Omit<Finding, 'code' | 'title' | 'severity' | 'fix' | 'key'> & {
  /** A finding may be milder or graver than its rule (a recent arrival is `info`). */
  severity?: Severity;
  /** A finding may carry its own procedure (per profile). */
  fix?: string;
};

export interface CheckRule {
  /** Stable code, e.g. `siecle.pupil-incomplete`. */
  code: string;
  /** French title. */
  title: string;
  severity: Severity;
  /** French, one paragraph: what the rule finds and why it matters (shown in the app and the README). */
  description: string;
  /** The procedure from the seeds: which portal, which menu, which button. */
  fix: string;
  run(ctx: CheckContext): RawFinding[];
}
