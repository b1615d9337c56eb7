/**
 * Probable links grouped by the evidence they share, so that the admin can confirm a group at
 * once after a preview. Two links share their evidence when their reasons say the same thing
 * once the names, classes and numbers in them are set aside (« enfants en commun : DUPONT Léa »
 * and « enfants en commun : MARTIN Hugo » are the same reason).
 */
import type { Assignment } from '@raccord/core';
import { assignmentCategory } from './assignments.ts';

/** Words that name a source or a field, not a person: kept in the reason. */
const KEEP = new Set(['SIECLE', 'ENT', 'PRONOTE', 'STS', 'STS-web', 'INE', 'MEF', 'UAI', 'ELEVE_ID', 'PERSONNE_ID']);

/** The reason of one evidence line, without the names, classes and numbers it cites. */
export function reasonOf(line: string): string {
  return line
    .replace(/\([^)]*\)/g, '…')
    .split(/\s+/)
    .map((w, i) => {
      const bare = w.replace(/[.,;:()…]/g, '');
      if (KEEP.has(bare)) return w;
      // Names (« DUPONT », « Léa » after the first word), classes and numbers.
      if (/\d/.test(bare) || /^[A-ZÀ-Ý][A-ZÀ-Ý'-]+$/.test(bare) || (i > 0 && /^[A-ZÀ-Ý][a-zà-ÿ'-]+$/.test(bare))) return '…';
      return w;
    })
    .join(' ')
    .replace(/…(?:[\s,]+…)+/g, '…')
    // What the ENT already carries is a fact about one account, not a shared reason.
    .replace(/^l'ENT porte.*$/, '')
    .trim();
}

export interface EvidenceGroup {
  /** The shared reasons, as the admin reads them. */
  reasons: string[];
  members: Assignment[];
}

/** The probable links to confirm, grouped by shared reasons; only groups of two or more. */
export function groupProbables(assignments: readonly Assignment[]): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  for (const a of assignments) {
    if (assignmentCategory(a) !== 'probable') continue;
    const reasons = [...new Set(a.evidence.map(reasonOf).filter(Boolean))].sort();
    const key = reasons.join('\n');
    const g = groups.get(key);
    if (g) g.members.push(a);
    else groups.set(key, { reasons, members: [a] });
  }
  return [...groups.values()].filter((g) => g.members.length > 1).sort((x, y) => y.members.length - x.members.length);
}
