/**
 * How much of an ENT or PRONOTE list belongs to a school: the share of its people whose name is
 * among the school's SIECLE/STS-web people. Another school's list, dropped on top of the stored
 * one, finds few of its names there. Pure.
 */
import type { EntProfile, ParsedFile } from '../model/types.js';
import { nameKeys, referenceNames, type NameSets } from './pronote-list-kind.js';

/** Below this share of names found, a list is held back as probably another school's. */
export const LIST_OVERLAP_MIN = 0.5;
/** Lists this short say too little to be held back. */
export const LIST_OVERLAP_MIN_ROWS = 5;

/**
 * `found` of the list's `total` people are named in `reference`; undefined when the reference
 * names no one. Only people whose profile the reference can tell are counted: a teachers list
 * says nothing against a reference of SIECLE pupils alone. `reference` may be the name sets
 * already built (`referenceNames`), for several lists against the same people.
 */
export function listOverlap(list: ParsedFile, reference: ParsedFile[] | NameSets): { found: number; total: number } | undefined {
  const sets = Array.isArray(reference) ? referenceNames(reference) : reference;
  const all = [sets.pupil, sets.guardian, sets.teacher, sets.staff];
  if (all.every((s) => !s.size)) return undefined;
  const staffKnown = sets.teacher.size + sets.staff.size > 0;
  const knowable: Record<EntProfile, boolean> = { pupil: sets.pupil.size > 0, guardian: sets.guardian.size > 0, teacher: staffKnown, staff: staffKnown, other: false };
  const people = [...(list.data.entAccounts ?? []), ...(list.data.pronoteRows ?? [])].filter((p) => knowable[p.profile]);
  let found = 0;
  for (const p of people) if (nameKeys(p.name).some((k) => all.some((s) => s.has(k)))) found += 1;
  return { found, total: people.length };
}

/** True when a list of enough people has fewer than half of them among the school's. */
export function looksForeign(overlap: { found: number; total: number } | undefined): boolean {
  return !!overlap && overlap.total >= LIST_OVERLAP_MIN_ROWS && overlap.found < overlap.total * LIST_OVERLAP_MIN;
}
