import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildMailMerge, type MailMergeProfile } from '../export/mailmerge.js';
import { csvBytes } from '../export/csv.js';
import { findingsToCsv } from '../export/findings.js';
import { buildPlan, buildReversePlan, planToCsv, planToJson, reversePlanToCsv } from '../export/plan.js';
import { diffDatasets, diffToCsv } from '../export/diff.js';
import { cproBundle } from '../export/cpro.js';
import { assembleDataset } from '../model/dataset.js';
import { isRaccordError } from '../util/errors.js';
import { loadAndReconcile } from './check.js';
import { CliError, collectInputs, readInputs, readOptions, type CliIO, type ParsedArgs } from './main.js';

const WHAT = 'mailmerge, findings, plan, diff ou cpro';

function outPath(args: ParsedArgs): string {
  if (typeof args.flags.out !== 'string') throw new CliError('Indiquez où écrire avec --out <fichier ou dossier>.');
  return args.flags.out;
}

function write(file: string, data: string | Uint8Array, io: CliIO): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof data === 'string' ? csvBytes(data) : data);
  io.out(`écrit : ${file}`);
}

/** A class code as a file-name part: « 1ERE G2 » → « 1ERE_G2 ». */
const safe = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9-]+/g, '_') || 'sans_classe';

/** `raccord export <what> <inputs>... --out …`: the files of packages/core/src/export, written to disk. */
export function runExport(args: ParsedArgs, io: CliIO): number {
  const [what, ...inputs] = args.positional;
  switch (what) {
    case 'mailmerge': {
      const out = outPath(args);
      const { dataset, match } = loadAndReconcile(inputs, args);
      const profil = String(args.flags.profil ?? 'eleves');
      const profile: MailMergeProfile = /parent|responsable/i.test(profil) ? 'parents' : 'pupils';
      const label = profile === 'pupils' ? 'eleves' : 'parents';
      const division = typeof args.flags.classe === 'string' ? args.flags.classe : undefined;
      const merge = buildMailMerge(dataset, match, { profile, division });
      const divisions = [...new Set(merge.rows.map((r) => r.division))].sort();
      for (const d of divisions) {
        const m = buildMailMerge(dataset, match, { profile, division: d });
        write(path.join(out, `publipostage-${label}-${safe(d)}.csv`), m.csv, io);
      }
      if (merge.excluded.length) write(path.join(out, `publipostage-${label}-exclus.csv`), merge.excludedCsv, io);
      io.out(`${merge.rows.length} lignes dans ${divisions.length} classes ; ${merge.excluded.length} comptes écartés (mot de passe modifié {SHA}, voir le fichier « exclus »).`);
      return 0;
    }
    case 'findings': {
      const { result } = loadAndReconcile(inputs, args);
      write(outPath(args), findingsToCsv(result.findings), io);
      return 0;
    }
    case 'plan': {
      const out = outPath(args);
      const { dataset, match } = loadAndReconcile(inputs, args);
      if (args.flags.inverse) write(out, reversePlanToCsv(buildReversePlan(dataset, match)), io);
      else {
        const rows = buildPlan(dataset, match);
        write(out, out.endsWith('.json') ? new TextEncoder().encode(planToJson(dataset, rows)) : planToCsv(rows), io);
      }
      return 0;
    }
    case 'diff': {
      const before = args.flags.avant ?? args.flags.before;
      if (typeof before !== 'string') throw new CliError("Indiquez l'ancien instantané avec --avant <dossier ou fichiers>, et le nouveau en arguments.");
      const opts = readOptions(args.flags);
      const dsBefore = assembleDataset(readInputs(collectInputs([before]), opts));
      const dsAfter = assembleDataset(readInputs(collectInputs(inputs), opts));
      const d = diffDatasets(dsBefore, dsAfter);
      write(outPath(args), diffToCsv(d), io);
      return 0;
    }
    case 'cpro': {
      const out = outPath(args);
      const [eleves, responsables] = collectInputs(inputs);
      if (!eleves || !responsables) throw new CliError('Donnez ElevesSansAdresses (XML ou ZIP) puis ResponsablesAvecAdresses (XML ou ZIP).');
      try {
        const bundle = cproBundle({ name: path.basename(eleves.path), bytes: eleves.bytes }, { name: path.basename(responsables.path), bytes: responsables.bytes });
        for (const f of bundle.files) write(path.join(out, f.name), f.bytes, io);
        for (const w of bundle.warnings) io.out(`⚠ ${w}`);
        io.out(bundle.instructions);
      } catch (e) {
        if (isRaccordError(e)) {
          io.err(`✖ ${e.message}\n  → ${e.hint}`);
          return 1;
        }
        throw e;
      }
      return 0;
    }
    default:
      throw new CliError(`Précisez quoi exporter : ${WHAT}.`);
  }
}
