/**
 * Every check rule, and `runChecks`: runs them, completes each finding (code, title, severity,
 * fix, stable key), merges findings with the same key, and sorts errors first.
 */
import type { Finding, Severity } from '../match/types.js';
import { refKey } from '../match/types.js';
import type { CheckContext, CheckRule } from './types.js';
import { pupilIncomplete } from './pupil-incomplete.js';
import { pupilDuplicate } from './pupil-duplicate.js';
import { guardianDuplicate } from './guardian-duplicate.js';
import { staleMembership } from './stale-membership.js';
import { unknownGroup } from './unknown-group.js';
import { invalidGroupName } from './invalid-group-name.js';
import { teacherWithoutService } from './teacher-without-service.js';
import { accountMissing } from './account-missing.js';
import { accountOrphan } from './account-orphan.js';
import { notInPronote } from './not-in-pronote.js';
import { sharedId } from './shared-id.js';
import { idConflict } from './id-conflict.js';
import { ambiguous } from './ambiguous.js';

export type { RawFinding } from './common.js';

/** In the order the chain runs: SIECLE, groups, STS-web, ENT, PRONOTE, matching. */
export const CHECKS: CheckRule[] = [
  pupilIncomplete,
  pupilDuplicate,
  guardianDuplicate,
  staleMembership,
  unknownGroup,
  invalidGroupName,
  teacherWithoutService,
  accountMissing,
  accountOrphan,
  notInPronote,
  sharedId,
  idConflict,
  ambiguous,
];

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_FR: Record<Severity, string> = { error: 'erreur', warning: 'avertissement', info: 'information' };

/** `code|source:kind:id|…` with the subjects sorted: the same problem keeps its key across imports. */
export function findingKey(code: string, subjects: Finding['subjects']): string {
  if (!subjects.length) return code;
  const keys = subjects.map(refKey);
  return `${code}|${(keys.length > 1 ? [...new Set(keys)].sort() : keys).join('|')}`;
}

/** Runs the rules (all of them by default) and returns the findings, errors first, then by rule and key. */
export function runChecks(ctx: CheckContext, rules: readonly CheckRule[] = CHECKS): Finding[] {
  const byKey = new Map<string, Finding>();
  const order = new Map(rules.map((r, i) => [r.code, i] as const));
  for (const rule of rules) {
    for (const raw of rule.run(ctx)) {
      const key = findingKey(rule.code, raw.subjects);
      const prev = byKey.get(key);
      if (prev) {
        for (const line of raw.evidence) if (!prev.evidence.includes(line)) prev.evidence.push(line);
        const sev = raw.severity ?? rule.severity;
        if (SEVERITY_ORDER[sev] < SEVERITY_ORDER[prev.severity]) prev.severity = sev;
        continue;
      }
      byKey.set(key, {
        code: rule.code,
        severity: raw.severity ?? rule.severity,
        title: rule.title,
        subjects: raw.subjects,
        evidence: [...raw.evidence],
        fix: raw.fix ?? rule.fix,
        key,
      });
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
