/** The work list's filters and progress, apart from the page so that they are tested alone. */
import type { EntProfile } from '@raccord/core';
import { normalizeName } from '@raccord/core/model/names.ts';
import { workMarkKey, type WorkMarkRow } from '../../db/schema.ts';
import type { WorkItem } from '../../engine/types.ts';

export interface WorkFilter {
  query: string;
  profile: EntProfile | '';
  division: string;
  action: WorkItem['action'] | '';
  state: 'all' | 'todo' | 'done';
}

export const NO_FILTER: WorkFilter = { query: '', profile: '', division: '', action: '', state: 'all' };

export function isDone(item: WorkItem, marks: ReadonlyMap<string, WorkMarkRow> | undefined): boolean {
  return !!marks?.has(workMarkKey(item.login, item.expectedPronoteId));
}

/** A guardian's row names every class of their children (« 3A, 4B »). */
export function divisionsOf(item: Pick<WorkItem, 'division'>): string[] {
  return item.division ? item.division.split(', ') : [];
}

export function allDivisions(items: readonly WorkItem[]): string[] {
  return [...new Set(items.flatMap(divisionsOf))].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
}

export function filterWork(items: readonly WorkItem[], f: WorkFilter, marks: ReadonlyMap<string, WorkMarkRow> | undefined): WorkItem[] {
  const q = normalizeName(f.query);
  return items.filter(
    (i) =>
      (!f.profile || i.profile === f.profile) &&
      (!f.division || divisionsOf(i).includes(f.division)) &&
      (!f.action || i.action === f.action) &&
      (f.state === 'all' || (f.state === 'done') === isDone(i, marks)) &&
      (!q || normalizeName(`${i.family} ${i.given} ${i.login} ${i.expectedPronoteId} ${i.currentPronoteId}`).includes(q)),
  );
}

/** How many of the items are marked done (a mark for an account no longer listed does not count). */
export function doneCount(items: readonly WorkItem[], marks: ReadonlyMap<string, WorkMarkRow> | undefined): number {
  return items.filter((i) => isDone(i, marks)).length;
}
