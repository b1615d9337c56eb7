import { readFileSync } from 'node:fs';
import { assembleDataset, type SchoolDataset } from '../model/dataset.js';
import type { AdminDecisions, Finding, Severity } from '../match/types.js';
import { reconcileDetailed, type ReconcileResult } from '../reconcile.js';
import type { MatchResult } from '../match/types.js';
import type { ParsedFile } from '../model/types.js';
import { buildPlan } from '../export/plan.js';
import { countEntChanges, type EntChangeCount } from '../export/worklist.js';
import { timed } from '../util/stages.js';
import { CliError, assertListsNameFiles, collectInputs, listAdvice, readInputs, readOptions, type CliIO, type ParsedArgs } from './main.js';

/** Reads, assembles and reconciles the inputs of a `check` or `export` command. */
export function loadAndReconcile(paths: string[], args: ParsedArgs): { dataset: SchoolDataset; result: ReconcileResult; match: MatchResult } {
  if (!paths.length) throw new CliError('Indiquez les fichiers ou le dossier des exports de l’établissement.');
  const inputs = collectInputs(paths);
  const opts = readOptions(args.flags);
  const files = readInputs(inputs, opts);
  assertListsNameFiles(files, opts.lists);
  const year = args.flags.annee ?? args.flags.year;
  const dataset = timed('assemble', () => assembleDataset(files, {
    uai: typeof args.flags.uai === 'string' ? args.flags.uai : undefined,
    schoolYear: typeof year === 'string' ? Number(year) : undefined,
    personInChargeAccounts: personInChargeOption(args.flags['comptes-en-charge']),
  }));
  let decisions: AdminDecisions | undefined;
  if (typeof args.flags.decisions === 'string') {
    try {
      decisions = JSON.parse(readFileSync(args.flags.decisions, 'utf8')) as AdminDecisions;
    } catch {
      throw new CliError(`Le fichier de décisions « ${args.flags.decisions} » n'est pas un JSON lisible.`);
    }
  }
  const { result, match } = reconcileDetailed(dataset, { decisions, today: typeof args.flags.today === 'string' ? args.flags.today : undefined });
  return { dataset, result, match };
}

/** `--comptes-en-charge oui|non`: does the ENT make accounts for « personnes en charge »? Unset: inferred. */
export function personInChargeOption(value: string | true | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (v === 'oui') return true;
  if (v === 'non') return false;
  throw new CliError(
    "--comptes-en-charge attend « oui » (l'ENT crée les comptes des personnes en charge) ou « non » (il ne les crée pas, réglage par défaut de l'AAF).",
  );
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Erreurs (bloquant)', warning: 'À vérifier', info: 'Pour information' };

export function runCheck(args: ParsedArgs, io: CliIO): number {
  const { result, dataset, match } = loadAndReconcile(args.positional, args);
  if (args.flags.json) {
    // `links` (every record-to-record link, half the size) only on request: the app uses them in memory.
    const { links: _links, ...documented } = result;
    timed('write', () => io.out(JSON.stringify(args.flags.liens ? result : documented, null, 2)));
  } else {
    timed('write', () => io.out(summary(result, dataset.files, countEntChanges(buildPlan(dataset, match)))));
    for (const f of dataset.files) {
      const advice = listAdvice(f, dataset.files);
      if (advice) io.out(`\n« ${f.path} » : ${advice}`);
    }
  }
  return result.sources.some((s) => s.error) ? 1 : 0;
}

/** Why a read file was left out of the dataset (the same export twice, an older one of its kind). */
const LEFT_OUT: Record<string, string> = {
  'file.duplicate': 'même contenu qu\'un autre fichier, compté une fois',
  'file.superseded': 'remplacé par un export plus récent du même type',
};

/** `changes`: the plan's « À faire » count (certain and admin-confirmed links), the app's figure too. */
export function summary(r: ReconcileResult, files: ParsedFile[] = [], changes?: EntChangeCount): string {
  const lines: string[] = [];
  lines.push(`Établissement ${r.school.uai || '(UAI inconnu)'}${r.school.schoolYear !== undefined ? `, année ${r.school.schoolYear}-${r.school.schoolYear + 1}` : ''}`);
  lines.push('', 'Fichiers :');
  const leftOut = new Map(files.map((f) => [f.path, f.warnings.map((w) => LEFT_OUT[w.code]).find(Boolean)]));
  for (const s of r.sources) {
    const why = leftOut.get(s.path);
    lines.push(`  ${s.error ? '✖' : '✓'} ${s.path} — ${s.kind}, ${s.records} enregistrements${why && !s.error ? ` (${why})` : ''}${s.error ? ` — REFUSÉ : ${s.error}` : ''}`);
  }
  const byDecision = { certain: 0, probable: 0, ambiguous: 0 };
  for (const a of r.assignments) byDecision[a.decision]++;
  const toFill = changes?.total ?? r.assignments.filter((a) => a.decision === 'certain' && a.pronoteId && a.pronoteId !== a.currentPronoteId).length;
  lines.push('', `Identifiants PRONOTE : ${r.assignments.length} comptes ENT — ${byDecision.certain} sûrs, ${byDecision.probable} probables (à confirmer), ${byDecision.ambiguous} ambigus (à trancher) ; ${toFill} à renseigner ou corriger dans l'ENT.`);
  for (const sev of ['error', 'warning', 'info'] as Severity[]) {
    const fs = r.findings.filter((f) => f.severity === sev);
    if (!fs.length) continue;
    lines.push('', `${SEVERITY_LABEL[sev]} : ${fs.length}`);
    const byCode = new Map<string, Finding[]>();
    for (const f of fs) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
    for (const [code, list] of byCode) {
      lines.push(`  ● ${list[0]!.title} (${code}) : ${list.length}`);
      for (const f of list.slice(0, 5)) lines.push(`      – ${f.evidence[0] ?? f.subjects.map((s) => s.label ?? s.id).join(', ')}`);
      if (list.length > 5) lines.push(`      … et ${list.length - 5} autres (--json ou l'application pour tout voir)`);
      lines.push(`      → ${list[0]!.fix.split('\n')[0]}`);
    }
  }
  const readSome = r.sources.some((s) => !s.error);
  if (!readSome) lines.push('', 'Aucun fichier n\'a pu être lu : rien n\'a été vérifié. Corrigez les fichiers refusés ci-dessus, puis relancez.');
  else if (!r.findings.length) lines.push('', 'Aucun problème trouvé.');
  return lines.join('\n');
}
