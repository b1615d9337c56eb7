/**
 * Where each ENT account's PRONOTE ID stands, in the categories the overview counts and the
 * « Liens à décider » list filters on: the count and the list it opens use this one function.
 */
import type { Assignment } from '@raccord/core';

export type AssignmentCategory = 'certain' | 'confirmed' | 'probable' | 'ambiguous' | 'absent' | 'unlinked';

export const ASSIGNMENT_CATEGORIES: readonly AssignmentCategory[] = ['certain', 'confirmed', 'probable', 'ambiguous', 'absent', 'unlinked'];

export function assignmentCategory(a: Assignment): AssignmentCategory {
  if (a.pronoteId && a.confirmedByAdmin) return 'confirmed';
  if (a.pronoteId && a.decision === 'certain') return 'certain';
  // A probable link with an ID: the admin confirms or rejects it.
  if (a.pronoteId && a.decision === 'probable') return 'probable';
  if (a.decision === 'ambiguous' && a.candidates?.length) return 'ambiguous';
  // The person is known but has no PRONOTE row (or no list): nothing to confirm.
  if (a.status === 'no-pronote-row' || a.status === 'no-pronote-list') return 'absent';
  return 'unlinked';
}

/** A probable ID to confirm, or candidates to choose from. */
export function needsDecision(a: Assignment): boolean {
  const c = assignmentCategory(a);
  return c === 'probable' || c === 'ambiguous';
}

export function countByCategory(assignments: readonly Assignment[]): Record<AssignmentCategory, number> {
  const counts = Object.fromEntries(ASSIGNMENT_CATEGORIES.map((c) => [c, 0])) as Record<AssignmentCategory, number>;
  for (const a of assignments) counts[assignmentCategory(a)]++;
  return counts;
}
