/**
 * How much of an ENT or PRONOTE list belongs to a school: the share of its people whose name is
 * among the school's SIECLE/STS-web people. Another school's list, dropped on top of the stored
 * one, finds few of its names there. Pure.
 */
import type { ParsedFile } from '../model/types.js';
import { nameKeys, referenceNames } from './pronote-list-kind.js';

/** Below this share of names found, a list is held back as probably another school's. */
export const LIST_OVERLAP_MIN = 0.5;
/** Lists this short say too little to be held back. */
export const LIST_OVERLAP_MIN_ROWS = 5;

/** `found` of the list's `total` people are named in `reference`; undefined when the reference names no one. */
export function listOverlap(list: ParsedFile, reference: ParsedFile[]): { found: number; total: number } | undefined {
  const sets = referenceNames(reference);
  const known = [sets.pupil, sets.guardian, sets.teacher, sets.staff];
  if (known.every((s) => !s.size)) return undefined;
  const names = [...(list.data.entAccounts ?? []).map((a) => a.name), ...(list.data.pronoteRows ?? []).map((r) => r.name)];
  let found = 0;
  for (const n of names) if (nameKeys(n).some((k) => known.some((s) => s.has(k)))) found += 1;
  return { found, total: names.length };
}

/** True when a list of enough people has fewer than half of them among the school's. */
export function looksForeign(overlap: { found: number; total: number } | undefined): boolean {
  return !!overlap && overlap.total >= LIST_OVERLAP_MIN_ROWS && overlap.found < overlap.total * LIST_OVERLAP_MIN;
}
