/** Display helpers shared by the pages. */
import type { Finding, Severity } from '@raccord/core';
import { normalizeName } from '@raccord/core/model/names.ts';
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

/** « Mme DUPONT Marie-Hélène (responsable) – compte x » → « dupont marie helene »: who a label is about. */
function personOfLabel(label: string): string {
  return normalizeName(label.replace(/^(m\.|mme|mlle|mr|m)\s+/i, '').split(/ \(| – /)[0]!);
}

/**
 * What a finding is about, in one line: one mention per person. A finding names the same person
 * once per source (SIECLE, PRONOTE, ENT); a person that one source holds several times (two
 * accounts, two SIECLE records of the same name) is named once with the number: « (×2) ».
 */
export function subjectsLine(f: Pick<Finding, 'subjects'>): string {
  const byPerson = new Map<string, { label: string; bySource: Map<string, number> }>();
  for (const s of f.subjects) {
    const label = s.label ?? s.id;
    const who = s.kind === 'group' ? `groupe:${label}` : personOfLabel(label);
    let p = byPerson.get(who);
    if (!p) byPerson.set(who, (p = { label, bySource: new Map() }));
    p.bySource.set(s.source, (p.bySource.get(s.source) ?? 0) + 1);
  }
  return [...byPerson.values()]
    .map(({ label, bySource }) => {
      const times = Math.max(...bySource.values());
      return times > 1 ? `${label} (×${times})` : label;
    })
    .join(' · ');
}
