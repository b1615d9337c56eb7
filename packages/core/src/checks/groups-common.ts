/** Group structure as the group rules read it: STS-web first (the authority), SIECLE Structures.xml else. */
import type { SchoolDataset } from '../model/dataset.js';
import type { SieclePupil, StsGroup, StsPerson } from '../model/types.js';
import { staffLabel } from './common.js';

export interface GroupInfo {
  code: string;
  /** Divisions the group is attached to (DIVISIONS_APPARTENANCE). */
  divisions: string[];
  /** Where `divisions` comes from. */
  source: 'sts' | 'siecle';
  sts?: StsGroup;
}

const cache = new WeakMap<SchoolDataset, Map<string, GroupInfo>>();

/** The groups whose attachment counts, by code: STS-web's when it has groups, else SIECLE's Structures.xml. */
export function knownGroups(ds: SchoolDataset): Map<string, GroupInfo> {
  const hit = cache.get(ds);
  if (hit) return hit;
  const m = new Map<string, GroupInfo>();
  if (ds.stsGroups.length) for (const g of ds.stsGroups) m.set(g.code, { code: g.code, divisions: g.divisions, source: 'sts', sts: g });
  else for (const g of ds.siecleGroups) m.set(g.code, { code: g.code, divisions: g.divisions, source: 'siecle' });
  cache.set(ds, m);
  return m;
}

/** The teachers of a group's services (STS-web), by name: « MARTIN Paul (030201) ». */
export function groupTeachers(g: StsGroup | undefined, staffById: Map<string, StsPerson>): string[] {
  if (!g) return [];
  const out = new Set<string>();
  for (const s of g.services)
    for (const id of s.teacherIds) {
      const t = staffById.get(id);
      out.add(`${t ? staffLabel(t) : `enseignant ${id}`} (matière ${s.subjectCode})`);
    }
  return [...out];
}

/** A pupil's groups without repeats, in order (the list itself when it has none: the usual case, no copy). */
export function distinctGroups(p: SieclePupil): readonly string[] {
  const groups = p.groups;
  for (let i = 1; i < groups.length; i++) if (groups.lastIndexOf(groups[i]!, i - 1) >= 0) return [...new Set(groups)];
  return groups;
}

/** STS-web group names: at most 8 characters, only letters, digits, spaces, `-` and `_`. */
export const VALID_GROUP_NAME = /^[A-Za-z0-9 _-]{1,8}$/;
