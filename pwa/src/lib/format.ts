/** Display helpers shared by the pages. */
import type { Finding, Severity } from '@raccord/core';
import { fr, severityOrder } from '../i18n/fr.ts';

/** Whole days from `fromIso` to `toIso` (dates or date-times). */
export function daysBetween(fromIso: string, toIso: string): number {
  const a = Date.parse(fromIso.slice(0, 10));
  const b = Date.parse(toIso.slice(0, 10));
  return Number.isNaN(a) || Number.isNaN(b) ? 0 : Math.round((b - a) / 86_400_000);
}

/** « du 12/09/2025, il y a 3 jours ». */
export function exportAge(exportDate: string | undefined, today: string): { date?: string; age?: string } {
  if (!exportDate) return {};
  return { date: fr.common.date(exportDate), age: fr.common.age(daysBetween(exportDate, today)) };
}

export interface RuleGroup {
  code: string;
  title: string;
  severity: Severity;
  findings: Finding[];
}

/** Findings grouped by rule, most severe first, then by count. */
export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const map = new Map<string, RuleGroup>();
  for (const f of findings) {
    let g = map.get(f.code);
    if (!g) map.set(f.code, (g = { code: f.code, title: f.title, severity: f.severity, findings: [] }));
    g.findings.push(f);
  }
  return [...map.values()].sort(
    (a, b) => severityOrder[a.severity] - severityOrder[b.severity] || b.findings.length - a.findings.length || a.title.localeCompare(b.title, 'fr'),
  );
}

/** What a finding is about, in one line (its subjects' labels). */
export function subjectsLine(f: Finding): string {
  return f.subjects.map((s) => s.label ?? s.id).join(' · ');
}
