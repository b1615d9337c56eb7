/**
 * The admin's work list in the ENT: the accounts whose PRONOTE ID must be pasted (empty in the
 * ENT) or replaced (another ID in the ENT), read from the plan's « À faire » column. The CLI's
 * count, the app's total and its list all come from here, so they can never disagree.
 */
import type { PlanAction, PlanRow } from './plan.js';

/** The plan actions that mean « change this account in the ENT ». */
export type EntChangeAction = Extract<PlanAction, 'fill' | 'replace'>;

export type EntChange = PlanRow & { action: EntChangeAction };

export function isEntChange(row: PlanRow): row is EntChange {
  return row.action === 'fill' || row.action === 'replace';
}

/** The plan rows to change in the ENT, in the plan's order. */
export function entChanges(rows: readonly PlanRow[]): EntChange[] {
  return rows.filter(isEntChange);
}

export interface EntChangeCount {
  /** « à coller » : the ENT has no PRONOTE ID. */
  fill: number;
  /** « à remplacer » : the ENT carries another ID. */
  replace: number;
  total: number;
}

export function countEntChanges(rows: readonly PlanRow[]): EntChangeCount {
  let fill = 0;
  let replace = 0;
  for (const r of rows) {
    if (r.action === 'fill') fill++;
    else if (r.action === 'replace') replace++;
  }
  return { fill, replace, total: fill + replace };
}
