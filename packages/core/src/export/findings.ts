/** The findings as a CSV for the admin: one row per finding, errors first (as runChecks sorts them). */
import { refKey, type Finding } from '../match/types.js';
import { SEVERITY_FR } from '../checks/index.js';
import { recordsToCsv, type CsvColumn } from './csv.js';

const COLUMNS: CsvColumn<Finding>[] = [
  { header: 'Code', value: (f) => f.code },
  { header: 'Gravité', value: (f) => SEVERITY_FR[f.severity] },
  { header: 'Problème', value: (f) => f.title },
  { header: 'Concerne', value: (f) => f.subjects.map((s) => s.label ?? s.id).join(' | ') },
  { header: 'Identifiants', value: (f) => f.subjects.map(refKey).join(' | ') },
  // Line breaks inside a quoted cell: Excel shows one constat per line.
  { header: 'Constats', value: (f) => f.evidence.join('\n') },
  { header: 'Correction', value: (f) => f.fix },
  { header: 'Clé', value: (f) => f.key },
];

export function findingsToCsv(findings: readonly Finding[]): string {
  return recordsToCsv(COLUMNS, findings);
}
