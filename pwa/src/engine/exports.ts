/**
 * Files the admin takes away, built in the worker from the current reconciliation. Every CSV
 * comes from core's writers (UTF-8 with BOM, `;`, CRLF, formula injection neutralised).
 */
import type { MatchResult, ReconcileResult, SchoolDataset } from '@raccord/core';
import { buildMailMerge, type MailMergeRow } from '@raccord/core/export/mailmerge.ts';
import { buildPlan, planToCsv } from '@raccord/core/export/plan.ts';
import { findingsToCsv } from '@raccord/core/export/findings.ts';
import { csvBytes } from '@raccord/core/export/csv.ts';
import { diffDatasets, diffToCsv } from '@raccord/core/export/diff.ts';
import { cproBundle, type NamedBytes } from '@raccord/core/export/cpro.ts';
import { isZip } from '@raccord/core';
import { unzipSync } from 'fflate';
import { fr } from '../i18n/fr.ts';
import type { ExportFile, ExportRequest, Letter, LettersBundle } from './types.ts';

export interface ExportContext {
  dataset: SchoolDataset;
  result: ReconcileResult;
  match: MatchResult;
  /** `YYYY-MM-DD`, in file names. */
  today: string;
}

/** `3A` → `3A`; `1ère S/2` → `1ere-S-2`: safe in a file name on Windows. */
export function fileSafe(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'tout'
  );
}

function csvFile(name: string, csv: string, notes: string[] = []): ExportFile {
  return { name, mime: 'text/csv;charset=utf-8', data: csvBytes(csv), notes };
}

/** The difference between the data as of an older import and now. */
export function diffExport(before: SchoolDataset, after: SchoolDataset, since: string, today: string): ExportFile {
  const d = diffDatasets(before, after);
  return csvFile(`differences-${after.school.uai || 'etablissement'}-depuis-${since.slice(0, 10)}-${today}.csv`, diffToCsv(d), [
    fr.export.diffSummary(d.arrivals.length, d.departures.length, d.classChanges.length, d.identifiers.length),
  ]);
}

/** The bytes of a stored file: the raw input itself, or its entry when it came in a zip. */
export function entryBytes(raw: { name: string; bytes: Uint8Array }, path: string): Uint8Array {
  if (path === raw.name || !isZip(raw.bytes) || !path.startsWith(`${raw.name}/`)) return raw.bytes;
  const inner = path.slice(raw.name.length + 1);
  const found = unzipSync(raw.bytes, { filter: (f) => f.name === inner })[inner];
  return found ?? raw.bytes;
}

/** SIECLE's two files for C PRO éducation, untouched, zipped together when one is over 4 Mo. */
export function cproExport(eleves: NamedBytes, responsables: NamedBytes): ExportFile {
  let bundle: ReturnType<typeof cproBundle>;
  try {
    bundle = cproBundle(eleves, responsables);
  } catch (e) {
    throw new Error(e instanceof Error ? `${e.message}${'hint' in e ? ` ${String((e as { hint: unknown }).hint)}` : ''}` : String(e));
  }
  const notes = [...bundle.instructions.split('\n'), ...bundle.warnings];
  const [first, second] = bundle.files;
  const mime = (n: string) => (n.endsWith('.zip') ? 'application/zip' : 'application/xml');
  const file: ExportFile = { name: first!.name, mime: mime(first!.name), data: first!.bytes, notes };
  if (second) file.extra = { name: second.name, mime: mime(second.name), data: second.bytes, notes: [], label: fr.export.cproSecond(second.name) };
  return file;
}

export function buildExport(ctx: ExportContext, req: ExportRequest): ExportFile {
  const uai = ctx.dataset.school.uai || 'etablissement';
  const scope = req.division ? fileSafe(req.division) : 'toutes-divisions';
  switch (req.kind) {
    case 'mailmerge-pupils':
    case 'mailmerge-guardians': {
      const profile = req.kind === 'mailmerge-pupils' ? 'pupils' : 'parents';
      const mm = buildMailMerge(ctx.dataset, ctx.match, { profile, ...(req.division ? { division: req.division } : {}) });
      const who = profile === 'pupils' ? 'eleves' : 'responsables';
      const file = csvFile(`publipostage-${who}-${uai}-${scope}-${ctx.today}.csv`, mm.csv, [
        fr.export.rows(mm.rows.length),
        ...(mm.excluded.length ? [fr.export.excluded(mm.excluded.length)] : []),
      ]);
      if (mm.excluded.length) file.extra = { ...csvFile(`comptes-exclus-${who}-${uai}-${scope}-${ctx.today}.csv`, mm.excludedCsv), label: fr.export.extra };
      return file;
    }
    case 'findings':
      return csvFile(`constats-${uai}-${ctx.today}.csv`, findingsToCsv(ctx.result.findings), [fr.export.rows(ctx.result.findings.length)]);
    case 'plan': {
      const rows = buildPlan(ctx.dataset, ctx.match);
      return csvFile(`plan-identifiants-pronote-${uai}-${ctx.today}.csv`, planToCsv(rows), [fr.export.rows(rows.length)]);
    }
    default:
      throw new Error(fr.export.unavailable);
  }
}

/** Every division with at least one pupil, sorted. */
export function divisionsOf(ds: SchoolDataset): string[] {
  const set = new Set<string>();
  for (const p of ds.pupils) if (p.division && !p.left) set.add(p.division);
  for (const a of ds.entAccounts) if (a.profile === 'pupil' && a.division) set.add(a.division);
  return [...set].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
}

function letterOf(r: MailMergeRow, audience: 'pupils' | 'guardians'): Letter {
  const secret = r.password || r.activationCode;
  const letter: Letter = {
    division: r.division,
    recipient: `${r.family.toUpperCase()} ${r.given}`.trim(),
    login: r.login,
    secretLabel: r.password ? fr.letters.password : fr.letters.activationCode,
  };
  if (secret) letter.secret = secret;
  if (audience === 'guardians' && (r.childFamily || r.childGiven)) letter.about = `${(r.childFamily ?? '').toUpperCase()} ${r.childGiven ?? ''}`.trim();
  return letter;
}

/** The credential letters of one division (or all), one per person, and who gets none and why. */
export function buildLetters(ctx: ExportContext, audience: 'pupils' | 'guardians', division: string | undefined): LettersBundle {
  const mm = buildMailMerge(ctx.dataset, ctx.match, { profile: audience === 'pupils' ? 'pupils' : 'parents', ...(division ? { division } : {}) });
  return {
    school: { uai: ctx.dataset.school.uai, ...(ctx.dataset.school.name ? { name: ctx.dataset.school.name } : {}) },
    audience,
    divisions: divisionsOf(ctx.dataset),
    letters: mm.rows.map((r) => letterOf(r, audience)),
    leftOut: mm.excluded.map((x) => ({ who: `${x.family.toUpperCase()} ${x.given}`.trim(), division: x.division, reason: x.reason })),
  };
}
