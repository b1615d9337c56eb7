import type { FileCounts, ParsedData, ParsedFile } from './types.js';

export function emptyData(): ParsedData {
  return {};
}

/** The counts `raccord inspect` prints; a count that does not apply to the kind is 0. */
export function countFile(f: ParsedFile): FileCounts {
  const d = f.data;
  const pupils = d.pupils ?? [];
  const current = new Set(pupils.filter((p) => !p.left).map((p) => p.eleveId));
  // Links to a PERSONNE_ID missing from the file are warned by the reader; they count nobody.
  const known = new Set((d.guardians ?? []).map((g) => g.personneId));
  const links = (d.guardianLinks ?? []).filter((l) => known.has(l.personneId));
  const guardiansCurrent = new Set(links.filter((l) => current.has(l.eleveId)).map((l) => l.personneId));
  const staff = d.staff ?? [];
  return {
    pupils: pupils.length,
    pupilsCurrent: current.size,
    guardians: d.guardians?.length ?? 0,
    // A responsables file alone cannot know who left: count guardians linked to any pupil then.
    guardiansCurrent: d.guardians ? (pupils.length ? guardiansCurrent.size : new Set(links.map((l) => l.personneId)).size) : 0,
    staff: staff.length,
    teachers: staff.filter((s) => s.teacher).length,
    divisions: (d.stsDivisions ?? d.siecleDivisions ?? []).length,
    groups: (d.stsGroups ?? d.siecleGroups ?? []).length,
    pronoteRows: d.pronoteRows?.length ?? 0,
    entAccounts: d.entAccounts?.length ?? 0,
    subjects: d.subjects?.length ?? 0,
    mefs: d.mefs?.length ?? 0,
  };
}
