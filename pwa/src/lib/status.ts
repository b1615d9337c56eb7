/** Where a finding stands for the admin, from the stored decisions. */
import type { Finding } from '@raccord/core';
import type { DecisionRow } from '../db/schema.ts';
import { decisionKey } from '../db/store.ts';

export type FindingStatus = 'todo' | 'handled' | 'ignored' | 'back';

export type FindingDecision = Extract<DecisionRow, { type: 'finding' }>;

export function findingDecision(f: Pick<Finding, 'key'>, decisions: Map<string, DecisionRow> | undefined): FindingDecision | undefined {
  const d = decisions?.get(decisionKey.finding(f.key));
  return d?.type === 'finding' ? d : undefined;
}

/**
 * `back`: the admin marked it handled, a newer import came, and it is still there — so it says
 * so instead of staying hidden.
 */
export function findingStatus(f: Pick<Finding, 'key'>, decisions: Map<string, DecisionRow> | undefined, lastImportId: number | undefined): FindingStatus {
  const d = findingDecision(f, decisions);
  if (!d) return 'todo';
  if (d.verdict === 'handled' && lastImportId !== undefined && lastImportId > d.importId) return 'back';
  return d.verdict;
}

/** Needs the admin's attention: to do, or came back after being handled. */
export function isOpen(s: FindingStatus): boolean {
  return s === 'todo' || s === 'back';
}
