/**
 * From the stored snapshots to the dataset the reconciliation reads.
 */
import { assembleDataset, type ParsedFile, type SchoolDataset } from '@raccord/core';
import type { SnapshotRow } from '../db/schema.ts';
import type { StoredSchool } from '../db/store.ts';

/**
 * PRONOTE and ENT lists may overlap (a full ENT export, then a newer pupils-only one): a record
 * met in a newer file wins over the same login or PRONOTE ID in an older one.
 */
export function dedupeLists(files: ParsedFile[]): ParsedFile[] {
  const logins = new Set<string>();
  const pronoteIds = new Set<string>();
  const out: ParsedFile[] = [];
  for (let i = files.length - 1; i >= 0; i--) {
    const f = files[i]!;
    const d = f.data;
    if (!d.entAccounts && !d.pronoteRows) {
      out.push(f);
      continue;
    }
    const data = { ...d };
    if (d.entAccounts) data.entAccounts = d.entAccounts.filter((a) => !logins.has(a.login));
    if (d.pronoteRows) data.pronoteRows = d.pronoteRows.filter((r) => !pronoteIds.has(r.pronoteId));
    for (const a of d.entAccounts ?? []) logins.add(a.login);
    for (const r of d.pronoteRows ?? []) pronoteIds.add(r.pronoteId);
    out.push({ ...f, data });
  }
  return out.reverse();
}

/** The dataset of the current snapshots (oldest first), for the stored school. */
export function datasetOf(snapshots: SnapshotRow[], school: StoredSchool | undefined, settings: { personInChargeAccounts?: boolean } = {}): SchoolDataset {
  const files = dedupeLists(snapshots.map((s) => ({ ...s.file, warnings: [...s.file.warnings] })));
  return assembleDataset(files, {
    ...(school ? { uai: school.uai, schoolYear: school.schoolYear } : {}),
    ...(settings.personInChargeAccounts !== undefined ? { personInChargeAccounts: settings.personInChargeAccounts } : {}),
  });
}
