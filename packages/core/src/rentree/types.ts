/**
 * Where a school stands in the rentrée chronology of seed 003 (STS-web bascule → nomenclatures →
 * structure → SIECLE → pupils → services and group links → AAF → ENT accounts → PRONOTE IDs),
 * as the imported files show it. Plain data: it crosses into the app by structured clone.
 */
import type { FileKind } from '../model/types.js';
import type { Severity } from '../match/types.js';

/** `fait`: the files show it done; `a-faire`: something to do or to wait for; `bloque`: a finding stops the chain; `inconnu`: no file tells. */
export type StepStatus = 'fait' | 'a-faire' | 'bloque' | 'inconnu';

export const STEP_STATUS_FR: Record<StepStatus, string> = {
  fait: 'fait',
  'a-faire': 'à faire',
  bloque: 'bloqué',
  inconnu: 'inconnu',
};

export type StepId =
  | 'bascule'
  | 'nomenclatures'
  | 'structure-sts'
  | 'structure-siecle'
  | 'eleves'
  | 'services-groupes'
  | 'aaf'
  | 'comptes-ent'
  | 'identifiants-pronote';

/** The findings of one rule that keep a step from being done. */
export interface StepBlocker {
  code: string;
  title: string;
  /** The gravest severity among them. */
  severity: Severity;
  count: number;
}

export interface RentreeStep {
  id: StepId;
  /** 1-based position in the chronology. */
  rank: number;
  /** French title of the step. */
  title: string;
  /** The portal where the step is done (« STS-web », « SIECLE Base élèves »…). */
  portal: string;
  status: StepStatus;
  /** The one sentence to read if only one is read (the printed summary's « En bref »). */
  headline: string;
  /** Why this status, in French, with the figures read in the files. */
  evidence: string[];
  /** What to do, in which portal (the seeds' procedures, short), in French. */
  todo: string[];
  /** Findings that block (or hold back) this step, by rule. */
  blockers: StepBlocker[];
}

/** What can be wrong with a file's dates. */
export type FileDateProblem = 'last-year' | 'older' | 'no-date';

export interface FileDateNote {
  path: string;
  kind: FileKind;
  /** French label of the kind. */
  label: string;
  schoolYear?: number;
  /** As the file gives it (never the import date). */
  exportDate?: string;
  /** One French sentence: the file's year and export date, or « date d'export inconnue ». */
  text: string;
  problems: FileDateProblem[];
}

export interface RentreeStatus {
  /** ISO date the status was computed for. */
  today: string;
  /** The school year running on `today` (it starts on 1 September): 2026 = 2026-2027. */
  currentSchoolYear: number;
  /** The school year of the SIECLE and STS-web files. */
  dataSchoolYear?: number;
  /** True when the files are of a school year before the current one. */
  lastYearData: boolean;
  /** French sentences on the files' years and dates the admin must know about (empty when all is right). */
  dateWarnings: string[];
  files: FileDateNote[];
  steps: RentreeStep[];
  counts: Record<StepStatus, number>;
}
