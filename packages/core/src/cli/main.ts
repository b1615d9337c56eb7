/**
 * `raccord`: the batch CLI. Node only (this folder is the one place of core that touches the
 * file system); everything it does goes through the same pure functions the app uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import path from 'node:path';
import { readFile, type ReadFileOptions } from '../formats/read.js';
import { countFile } from '../model/counts.js';
import { FILE_KIND_LABEL, PRONOTE_PROFILE_FR, type FileCounts, type ParsedFile, type PronoteListKind, type PronoteProfile } from '../model/types.js';
import { frDate } from '../model/dates.js';
import type { ReadOptions } from '../formats/types.js';
import { pronoteProfileOf } from '../formats/pronote-ids.js';
import { contentFigure, declarePronoteList, decidePronoteLists, likeliestProfile } from '../formats/pronote-list-kind.js';
import { runCheck } from './check.js';
import { runSample } from './sample.js';
import { runExport } from './export.js';
import { profileFromEnv } from './profile.js';
import { timed } from '../util/stages.js';

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
}

const USAGE = `Raccord — rapprocher SIECLE, STS-web, PRONOTE et l'ENT, sur votre poste.

Usage :
  raccord inspect <fichier|dossier|zip>... [--json] [--liste FICHIER=professeurs]
      Pour chaque fichier : type détecté, encodage, UAI, année scolaire, effectifs, avertissements.
  raccord check <fichier|dossier|zip>... [--json] [--liens] [--uai 0310040A] [--annee 2025] [--today AAAA-MM-JJ]
                 [--liste FICHIER=eleves|professeurs|personnels|responsables]
      Rapproche tous les fichiers d'un établissement et liste les problèmes à corriger.
      --json : établissement, fichiers, identifiants et problèmes ; ajoutez --liens pour y inclure
      aussi tous les liens entre fiches (volumineux).
      --comptes-en-charge oui|non : l'ENT crée-t-il les comptes des personnes en charge
      (NIVEAU_RESPONSABILITE 2) ? Par défaut, Raccord le déduit de l'export ENT.
  raccord export <mailmerge|findings|plan|diff|cpro> <fichiers>... --out <fichier|dossier> [options]
      Écrit les fichiers de publipostage, le rapport, le plan d'affectation des identifiants PRONOTE…
  raccord sample --out <dossier> [--seed N] [--eleves N] [--propre] [--today AAAA-MM-JJ]
      Écrit l'établissement d'exemple (tous les exports) et sa vérité terrain (.truth.json).

Options communes : --max-mo N (taille maximale d'un fichier, 64 Mo par défaut) ;
  --liste FICHIER=eleves|professeurs|personnels|responsables (répétable) : dit quelle liste PRONOTE
  est un fichier sans colonne « Profil », quand ni ses noms ni son nom de fichier ne le disent ;
  pour une liste dans un ZIP, FICHIER est son nom (liste.txt) ou archive/nom (exports.zip/liste.txt).`;

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
      timed('read', () => walk(a, a));
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
      // `--liste=a.txt=professeurs`: the value is everything after the first `=`.
      const eq = a.indexOf('=');
      const k = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const v = eq < 0 ? undefined : a.slice(eq + 1);
      let value: string | true = true;
      if (v !== undefined) value = v;
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--') && VALUE_FLAGS.has(k)) value = argv[++i]!;
      // A repeatable option keeps every value, one a line.
      const prev = flags[k];
      flags[k] = REPEATABLE_FLAGS.has(k) && typeof prev === 'string' && typeof value === 'string' ? `${prev}\n${value}` : value;
    } else positional.push(a);
  }
  return { positional, flags };
}

const REPEATABLE_FLAGS = new Set(['liste']);
const VALUE_FLAGS = new Set(['liste', 'out', 'uai', 'annee', 'year', 'today', 'seed', 'eleves', 'pupils', 'max-mo', 'profil', 'classe', 'avant', 'before', 'decisions', 'comptes-en-charge']);

/**
 * node:zlib's raw inflate, several times faster than fflate's JavaScript one. Never past the size
 * the archive announces (a larger output throws, and fflate reads the archive instead); a plain
 * Uint8Array, as the readers get from the disk (a Buffer's `slice` would share its memory).
 */
export function nativeInflateRaw(data: Uint8Array, size: number): Uint8Array {
  const out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** Read options plus the PRONOTE lists the admin named with `--liste FICHIER=professeurs`. */
export interface CliReadOptions extends ReadOptions {
  lists?: Map<string, PronoteProfile>;
}

/** The words `--liste` takes, as the CLI prints them back. */
export const LIST_WORDS: Record<PronoteProfile, string> = { pupil: 'eleves', teacher: 'professeurs', staff: 'personnels', guardian: 'responsables' };

/** `--liste "pronote.txt=professeurs"` (repeatable) → file → profile. */
export function listDeclarations(value: string | true | undefined): Map<string, PronoteProfile> {
  const out = new Map<string, PronoteProfile>();
  if (value === undefined) return out;
  const choices = Object.values(LIST_WORDS).join('|');
  if (value === true) throw new CliError(`--liste attend FICHIER=${choices}, par exemple --liste "pronote.txt=professeurs".`);
  for (const item of value.split('\n')) {
    const eq = item.lastIndexOf('=');
    const file = eq > 0 ? item.slice(0, eq).trim() : '';
    const profile = eq > 0 ? pronoteProfileOf(item.slice(eq + 1)) : undefined;
    if (!file || !profile) throw new CliError(`--liste « ${item} » : attendu FICHIER=${choices}, par exemple --liste "pronote.txt=professeurs".`);
    out.set(file, profile);
  }
  return out;
}

export function readOptions(flags: ParsedArgs['flags']): CliReadOptions {
  const opts: CliReadOptions = {};
  if (typeof flags['max-mo'] === 'string') opts.maxBytes = Number(flags['max-mo']) * 1024 * 1024;
  if (typeof flags.today === 'string') opts.today = flags.today;
  const year = flags.annee ?? flags.year;
  if (typeof year === 'string') {
    if (!/^\d{4}$/.test(year)) throw new CliError(`--annee attend l'année de début de l'année scolaire, par exemple --annee 2025 pour 2025-2026 (reçu « ${year} »).`);
    opts.schoolYear = Number(year);
  }
  const lists = listDeclarations(flags.liste);
  if (lists.size) opts.lists = lists;
  return opts;
}

/** A path with `/` between its parts (Windows' `\\` too), as `--liste` compares them. */
const slashed = (p: string) => p.replace(/\\/g, '/');

/**
 * Does `--liste NAME=…` name this file? NAME is its path as shown, or any tail of it cut at a `/`:
 * its bare file name (`liste.txt`), or, for an entry of a zip, `exports.zip/liste.txt`.
 */
export function namesFile(name: string, file: string): boolean {
  const n = slashed(name);
  const f = slashed(file);
  return f === n || f.endsWith(`/${n}`);
}

/** The declared profile of a file read (a zip entry included); the longest name that fits wins. */
function declaredProfile(file: string, lists: Map<string, PronoteProfile> | undefined): PronoteProfile | undefined {
  let best: [string, PronoteProfile] | undefined;
  for (const [name, profile] of lists ?? []) {
    if (namesFile(name, file) && (!best || name.length > best[0].length)) best = [name, profile];
  }
  return best?.[1];
}

/**
 * Parses every input; returns the ParsedFile list (zip entries expanded), in input order. The same
 * bytes given twice (a zip entry and its loose copy) are parsed once; each copy keeps its own path.
 * `--liste` reaches a zip's entries as it does loose files; last, the PRONOTE lists no column or
 * declaration told apart are told by their names.
 */
export function readInputs(inputs: InputFile[], opts: CliReadOptions): ParsedFile[] {
  const { lists, ...read } = opts;
  const o: ReadFileOptions = { ...read, reuse: new Map(), inflateRaw: nativeInflateRaw };
  const files = inputs.flatMap((input) => {
    // A loose file is declared before reading (a row whose profile cell is unknown takes the
    // declared one, as in the app); a zip's entries, once the archive is opened.
    const declared = declaredProfile(input.path, lists);
    const parsed = readFile(input.path, input.bytes, declared ? { ...o, reuse: undefined, tableHints: { ...o.tableHints, pronoteProfile: declared } } : o);
    return parsed.map((f) => {
      const entry = f.path !== input.path ? declaredProfile(f.path, lists) : undefined;
      return entry ? declarePronoteList(f, entry) : f;
    });
  });
  return timed('records', () => decidePronoteLists(files));
}

/** For a file inside the zip or folder that `name` names, `name/inner` (the form that reaches it). */
function insideOf(name: string, file: string): string | undefined {
  const parts = slashed(file).split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    if (namesFile(name, parts.slice(0, i + 1).join('/'))) return [slashed(name), ...parts.slice(i + 1)].join('/');
  }
  return undefined;
}

/**
 * A `--liste` that names no file read is a typo: said, rather than silently ignored. Naming a zip
 * (or a folder) is refused with the form that reaches the list inside.
 */
export function assertListsNameFiles(files: ParsedFile[], lists: Map<string, PronoteProfile> | undefined): void {
  for (const [name, profile] of lists ?? []) {
    if (files.some((f) => namesFile(name, f.path))) continue;
    const inside = [...files].sort((x, y) => Number(y.kind === 'pronote-ids') - Number(x.kind === 'pronote-ids'))
      .map((f) => insideOf(name, f.path)).find(Boolean);
    if (inside) {
      throw new CliError(`--liste : « ${name} » n'est pas une liste mais une archive ou un dossier ; nommez la liste qu'il contient, par exemple --liste "${inside}=${LIST_WORDS[profile]}".`);
    }
    throw new CliError(`--liste : aucun des fichiers donnés ne s'appelle « ${name} ».`);
  }
}

/**
 * `--liste "pronote.txt=professeurs"` to pass for a list « à indiquer » (the likeliest kind first):
 * the shortest tail of its path that names it alone — its file name, else `exports.zip/liste.txt`…
 */
export function listOptionFor(f: ParsedFile, all: ParsedFile[]): string {
  const parts = slashed(f.path).split('/');
  let name = slashed(f.path);
  for (let i = parts.length - 1; i >= 0; i--) {
    const tail = parts.slice(i).join('/');
    if (all.every((o) => o === f || !namesFile(tail, o.path))) {
      name = tail;
      break;
    }
  }
  const likeliest = likeliestProfile(f.pronoteList);
  const word = likeliest ? LIST_WORDS[likeliest] : Object.values(LIST_WORDS).join('|');
  return `--liste "${name}=${word}"`;
}

/** The line the CLI adds under a list « à indiquer »: the exact option to pass. */
export function listAdvice(f: ParsedFile, all: ParsedFile[]): string | undefined {
  if (f.error?.code !== 'pronote-profile-unknown') return undefined;
  const likeliest = likeliestProfile(f.pronoteList);
  const others = likeliest ? ` (ou ${Object.values(LIST_WORDS).filter((w) => w !== LIST_WORDS[likeliest]).join(', ')})` : '';
  return `Relancez en indiquant la liste : ${listOptionFor(f, all)}${others}`;
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
  const inputs = collectInputs(args.positional);
  const opts = readOptions(args.flags);
  const files = readInputs(inputs, opts);
  assertListsNameFiles(files, opts.lists);
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
        pronoteList: f.pronoteList ?? null,
        listOption: f.error?.code === 'pronote-profile-unknown' ? listOptionFor(f, files) : null,
        warnings: f.warnings.map((w) => ({ code: w.code, message: w.message })),
        error: f.error ? { code: f.error.code, message: f.error.message, hint: f.error.hint } : null,
      })),
    };
    io.out(JSON.stringify(json, null, 2));
  } else {
    for (const f of files) io.out(describeFile(f, counts.get(f)!, files));
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
  ['subjects', 'matières'],
  ['mefs', 'formations (MEF)'],
];

const DECIDED_BY: Record<PronoteListKind['decidedBy'], string> = {
  column: 'la colonne « Profil »',
  admin: 'votre indication',
  columns: 'ses colonnes',
  content: 'les noms qu\'elle contient',
  'file-name': 'le nom du fichier',
  undecided: '',
};

/** « Liste PRONOTE : professeurs, d'après les noms qu'elle contient (104 des 108 noms sont…) ». */
export function describeList(list: PronoteListKind): string {
  if (list.decidedBy === 'column') return 'Liste PRONOTE : profil donné ligne par ligne (colonne « Profil »)';
  const figures = list.content && list.profile ? ` (${contentFigure(list.content, list.profile)})` : '';
  if (list.decidedBy === 'undecided' || !list.profile) {
    const best = likeliestProfile(list);
    return `Liste PRONOTE : à indiquer${best && list.content ? ` (${contentFigure(list.content, best)}, pas assez pour décider)` : ''}`;
  }
  return `Liste PRONOTE : ${PRONOTE_PROFILE_FR[list.profile]}s, d'après ${DECIDED_BY[list.decidedBy]}${figures}`;
}

export function describeFile(f: ParsedFile, c: FileCounts, all: ParsedFile[] = [f]): string {
  const lines = [`■ ${f.path}`];
  lines.push(`  Type : ${FILE_KIND_LABEL[f.kind]}${f.layout ? ` (${f.layout})` : ''}${f.encoding ? ` — encodage ${f.encoding}` : ''}`);
  if (f.uai || f.schoolYear !== undefined || f.exportDate) {
    const parts = [];
    if (f.uai) parts.push(`UAI ${f.uai}`);
    if (f.schoolYear !== undefined) parts.push(`année ${f.schoolYear}-${f.schoolYear + 1}`);
    if (f.exportDate) parts.push(`export du ${frDate(f.exportDate)}`);
    lines.push(`  ${parts.join(' — ')}`);
  }
  const shown = COUNT_LABELS.filter(([k]) => (c[k] ?? 0) > 0).map(([k, label]) => `${c[k]} ${label}`);
  if (shown.length) lines.push(`  Effectifs : ${shown.join(', ')}`);
  if (f.pronoteList) lines.push(`  ${describeList(f.pronoteList)}`);
  for (const w of f.warnings.slice(0, 20)) lines.push(`  ⚠ ${w.message}`);
  if (f.warnings.length > 20) lines.push(`  ⚠ … et ${f.warnings.length - 20} autres avertissements (--json pour tout voir).`);
  if (f.error) lines.push(`  ✖ ${f.error.message}`, `    → ${f.error.hint}`);
  const advice = listAdvice(f, all);
  if (advice) lines.push(`    → ${advice}`);
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
  profileFromEnv(process.env, (s) => process.stderr.write(`${s}\n`));
  const code = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  });
  process.exitCode = code;
}
