/**
 * The whole reconciliation of one school: match, then run every check. Runs in a worker in the
 * app and in Node from the CLI; `raccord check --json` prints this shape (as plain JSON).
 */
import type { SchoolDataset } from './model/dataset.js';
import type { FileKind } from './model/types.js';
import { countFile } from './model/counts.js';
import { match } from './match/index.js';
import { runChecks } from './checks/index.js';
import { timed } from './util/stages.js';
import type { AdminDecisions, Assignment, Finding, Link, MatchResult } from './match/types.js';

export interface ReconcileSource {
  path: string;
  kind: FileKind;
  records: number;
  exportDate?: string;
  error?: string;
}

export interface ReconcileResult {
  school: { uai: string; schoolYear?: number; name?: string };
  sources: ReconcileSource[];
  assignments: Assignment[];
  findings: Finding[];
  links: Link[];
}

export interface ReconcileOptions {
  decisions?: AdminDecisions;
  /** ISO date for delay rules; default: today. */
  today?: string;
}

export function recordCount(c: ReturnType<typeof countFile>): number {
  return c.pupils + c.guardians + c.staff + c.pronoteRows + c.entAccounts || c.divisions + c.groups;
}

export function reconcileDetailed(ds: SchoolDataset, opts: ReconcileOptions = {}): { result: ReconcileResult; match: MatchResult } {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const m = timed('match', () => match(ds, opts.decisions));
  const findings = timed('checks', () => runChecks({ dataset: ds, match: m, today }));
  const result: ReconcileResult = {
    school: { uai: ds.school.uai, schoolYear: ds.school.schoolYear, name: ds.school.name },
    sources: ds.files.map((f) => ({
      path: f.path,
      kind: f.kind,
      records: f.error ? 0 : recordCount(countFile(f)),
      ...(f.exportDate ? { exportDate: f.exportDate } : {}),
      ...(f.error ? { error: f.error.message } : {}),
    })),
    assignments: m.assignments,
    findings,
    links: m.links,
  };
  return { result, match: m };
}

export function reconcile(ds: SchoolDataset, opts: ReconcileOptions = {}): ReconcileResult {
  return reconcileDetailed(ds, opts).result;
}
