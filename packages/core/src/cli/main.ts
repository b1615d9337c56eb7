/**
 * `raccord`: the batch CLI. Node only (this folder is the one place of core that touches the
 * file system); everything it does goes through the same pure functions the app uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readFile, type ReadFileOptions } from '../formats/read.js';
import { countFile } from '../model/counts.js';
import type { FileCounts, ParsedFile } from '../model/types.js';
import { FILE_KIND_LABEL } from '../model/types.js';
import { frDate } from '../model/dates.js';
import type { ReadOptions } from '../formats/types.js';
import { runCheck } from './check.js';
import { runSample } from './sample.js';
import { runExport } from './export.js';

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
}

const USAGE = `Raccord — rapprocher SIECLE, STS-web, PRONOTE et l'ENT, sur votre poste.

Usage :
  raccord inspect <fichier|dossier|zip>... [--json]
      Pour chaque fichier : type détecté, encodage, UAI, année scolaire, effectifs, avertissements.
  raccord check <fichier|dossier|zip>... [--json] [--liens] [--uai 0310040A] [--annee 2025] [--today AAAA-MM-JJ]
      Rapproche tous les fichiers d'un établissement et liste les problèmes à corriger.
      --json : établissement, fichiers, identifiants et problèmes ; ajoutez --liens pour y inclure
      aussi tous les liens entre fiches (volumineux).
  raccord export <mailmerge|findings|plan|diff|cpro> <fichiers>... --out <fichier|dossier> [options]
      Écrit les fichiers de publipostage, le rapport, le plan d'affectation des identifiants PRONOTE…
  raccord sample --out <dossier> [--seed N] [--eleves N] [--propre] [--today AAAA-MM-JJ]
      Écrit l'établissement d'exemple (tous les exports) et sa vérité terrain (.truth.json).

Options communes : --max-mo N (taille maximale d'un fichier, 64 Mo par défaut).`;

export interface InputFile {
  path: string;
  bytes: Uint8Array;
}

/** Files given on the command line, folders walked recursively (dot-files skipped, sorted). */
export function collectInputs(args: string[]): InputFile[] {
  const out: InputFile[] = [];
  const walk = (p: string, display: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        walk(path.join(p, name), path.join(display, name));
      }
    } else if (st.isFile()) {
      out.push({ path: display, bytes: new Uint8Array(readFileSync(p)) });
    }
  };
  for (const a of args) {
    try {
      walk(a, a);
    } catch {
      throw new CliError(`Le fichier ou dossier « ${a} » est introuvable.`);
    }
  }
  return out;
}

export class CliError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) flags[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--') && VALUE_FLAGS.has(k)) flags[k] = argv[++i]!;
      else flags[k] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

const VALUE_FLAGS = new Set(['out', 'uai', 'annee', 'year', 'today', 'seed', 'eleves', 'pupils', 'max-mo', 'profil', 'classe', 'avant', 'before', 'decisions']);

export function readOptions(flags: ParsedArgs['flags']): ReadOptions {
  const opts: ReadOptions = {};
  if (typeof flags['max-mo'] === 'string') opts.maxBytes = Number(flags['max-mo']) * 1024 * 1024;
  if (typeof flags.today === 'string') opts.today = flags.today;
  return opts;
}

/**
 * Parses every input; returns the ParsedFile list (zip entries expanded), in input order. The same
 * bytes given twice (a zip entry and its loose copy) are parsed once; each copy keeps its own path.
 */
export function readInputs(inputs: InputFile[], opts: ReadOptions): ParsedFile[] {
  const o: ReadFileOptions = { ...opts, reuse: new Map() };
  return inputs.flatMap((f) => readFile(f.path, f.bytes, o));
}

/** Counts with cross-file knowledge: a guardian is current when linked to a current pupil of the other files. */
export function countsWithContext(files: ParsedFile[]): Map<ParsedFile, FileCounts> {
  const current = new Set<string>();
  let knowPupils = false;
  for (const f of files) {
    for (const p of f.data.pupils ?? []) {
      knowPupils = true;
      if (!p.left) current.add(p.eleveId);
    }
  }
  const out = new Map<ParsedFile, FileCounts>();
  for (const f of files) {
    const c = countFile(f);
    if (f.data.guardianLinks && knowPupils && !f.data.pupils) {
      c.guardiansCurrent = new Set(f.data.guardianLinks.filter((l) => current.has(l.eleveId)).map((l) => l.personneId)).size;
    }
    out.set(f, c);
  }
  return out;
}

function inspect(args: ParsedArgs, io: CliIO): number {
  if (!args.positional.length) throw new CliError('Indiquez au moins un fichier ou un dossier à inspecter.');
  const files = readInputs(collectInputs(args.positional), readOptions(args.flags));
  const counts = countsWithContext(files);
  if (args.flags.json) {
    const json = {
      files: files.map((f) => ({
        path: f.path,
        kind: f.kind,
        encoding: f.encoding ?? null,
        uai: f.uai ?? null,
        schoolYear: f.schoolYear ?? null,
        counts: counts.get(f)!,
        warnings: f.warnings.map((w) => ({ code: w.code, message: w.message })),
        error: f.error ? { code: f.error.code, message: f.error.message, hint: f.error.hint } : null,
      })),
    };
    io.out(JSON.stringify(json, null, 2));
  } else {
    for (const f of files) io.out(describeFile(f, counts.get(f)!));
  }
  return files.some((f) => f.error) ? 1 : 0;
}

const COUNT_LABELS: [keyof FileCounts, string][] = [
  ['pupils', 'élèves'],
  ['pupilsCurrent', 'élèves présents'],
  ['guardians', 'responsables'],
  ['guardiansCurrent', "responsables d'élèves présents"],
  ['staff', 'personnels'],
  ['teachers', 'enseignants'],
  ['divisions', 'divisions'],
  ['groups', 'groupes'],
  ['pronoteRows', 'lignes PRONOTE'],
  ['entAccounts', 'comptes ENT'],
];

export function describeFile(f: ParsedFile, c: FileCounts): string {
  const lines = [`■ ${f.path}`];
  lines.push(`  Type : ${FILE_KIND_LABEL[f.kind]}${f.layout ? ` (${f.layout})` : ''}${f.encoding ? ` — encodage ${f.encoding}` : ''}`);
  if (f.uai || f.schoolYear !== undefined || f.exportDate) {
    const parts = [];
    if (f.uai) parts.push(`UAI ${f.uai}`);
    if (f.schoolYear !== undefined) parts.push(`année ${f.schoolYear}-${f.schoolYear + 1}`);
    if (f.exportDate) parts.push(`export du ${frDate(f.exportDate)}`);
    lines.push(`  ${parts.join(' — ')}`);
  }
  const shown = COUNT_LABELS.filter(([k]) => c[k] > 0).map(([k, label]) => `${c[k]} ${label}`);
  if (shown.length) lines.push(`  Effectifs : ${shown.join(', ')}`);
  for (const w of f.warnings.slice(0, 20)) lines.push(`  ⚠ ${w.message}`);
  if (f.warnings.length > 20) lines.push(`  ⚠ … et ${f.warnings.length - 20} autres avertissements (--json pour tout voir).`);
  if (f.error) lines.push(`  ✖ ${f.error.message}`, `    → ${f.error.hint}`);
  return lines.join('\n');
}

export function main(argv: string[], io: CliIO): number {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  try {
    switch (command) {
      case 'inspect':
        return inspect(args, io);
      case 'check':
        return runCheck(args, io);
      case 'export':
        return runExport(args, io);
      case 'sample':
        return runSample(args, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command ? 0 : 2;
      default:
        io.err(`Commande inconnue : « ${command} ».\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`Erreur : ${e.message}`);
      return 2;
    }
    throw e;
  }
}

// Run when executed (bundled as dist/raccord.mjs), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/raccord(\.mjs)?$/.test(entry) || entry.endsWith('cli/main.ts')) {
  const code = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  });
  process.exitCode = code;
}
