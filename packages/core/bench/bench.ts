/**
 * `npm run bench`: parse and reconcile figures on the generated sample school (and a large
 * academy batch), printed as tables. Figures, never assertions.
 */
import { readFile } from '../src/formats/read.js';
import { assembleDataset } from '../src/model/dataset.js';
import { countFile } from '../src/model/counts.js';
import { reconcileDetailed, recordCount } from '../src/reconcile.js';
import { demoSchoolOptions, generateAcademyBatch, generateSchool } from '../src/sample/index.js';
import { STAGE_LABEL } from '../src/util/stages.js';
import type { StageProfile } from '../src/cli/profile.js';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The day every run is dated (delays are counted from it): the same outputs on any day. */
const TODAY = '2025-09-15';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T, runs = RUNS): { ms: number; value: T } {
  let value!: T;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    samples.push(performance.now() - t);
  }
  return { ms: median(samples), value };
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const mb = (n: number) => n / 1024 / 1024;

function parseBench(pupils: number) {
  const t0 = performance.now();
  const school = generateSchool({ pupils });
  const genMs = performance.now() - t0;
  const rows: (string | number)[][] = [];
  let totalBytes = 0;
  let totalMs = 0;
  let totalRecords = 0;
  for (const f of school.files) {
    const { ms, value } = time(() => readFile(f.name, f.bytes));
    const recs = value.reduce((n, p) => n + (p.error ? 0 : recordCount(countFile(p))), 0);
    const kind = value.map((p) => p.kind).join('+');
    totalBytes += f.bytes.length;
    totalMs += ms;
    totalRecords += recs;
    rows.push([f.name, kind, f.bytes.length, recs, ms.toFixed(1), (mb(f.bytes.length) / (ms / 1000)).toFixed(1)]);
  }
  rows.push(['TOTAL', '', totalBytes, totalRecords, totalMs.toFixed(1), (mb(totalBytes) / (totalMs / 1000)).toFixed(1)]);
  console.log(`\n## Lecture des exports — établissement d'exemple, ${pupils} élèves (génération : ${genMs.toFixed(0)} ms, médiane de ${RUNS} passes)\n`);
  console.log(table(['fichier', 'type', 'octets', 'enreg.', 'ms (médiane)', 'Mo/s'], rows));
  return school;
}

function checkBench(label: string, pupils: number, runs: number) {
  const school = generateSchool({ pupils });
  const heapBefore = process.memoryUsage().rss;
  const steps: Record<string, number[]> = { lecture: [], assemblage: [], 'rapprochement+contrôles': [], total: [] };
  let last!: ReturnType<typeof reconcileDetailed>;
  let persons = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const files = school.files.flatMap((f) => readFile(f.name, f.bytes));
    const t1 = performance.now();
    const ds = assembleDataset(files);
    const t2 = performance.now();
    persons = ds.pupils.length + ds.guardians.length + ds.staff.length;
    last = reconcileDetailed(ds, { today: '2025-09-15' });
    const t3 = performance.now();
    steps.lecture!.push(t1 - t0);
    steps.assemblage!.push(t2 - t1);
    steps['rapprochement+contrôles']!.push(t3 - t2);
    steps.total!.push(t3 - t0);
  }
  const rss = process.memoryUsage().rss;
  const r = last.result;
  const people = r.assignments.length;
  console.log(`\n## raccord check — ${label} (${pupils} élèves, ${people} comptes ENT, médiane de ${runs} passes, en mémoire)\n`);
  console.log(table(['étape', 'ms'], Object.entries(steps).map(([k, v]) => [k, median(v).toFixed(0)])));
  console.log(`\nMémoire résidente : ${mb(rss).toFixed(0)} Mo (avant : ${mb(heapBefore).toFixed(0)} Mo) ; constats : ${r.findings.length} ; affectations sûres : ${r.assignments.filter((a) => a.decision === 'certain').length}`);
  // The academy batch prints the same figure: linear when the two stay close.
  console.log(`Personnes (SIECLE + STS) : ${persons}, soit ${((median(steps.total!) * 1000) / persons).toFixed(0)} µs par personne (lecture + rapprochement, médiane)`);
}

/** One timed run of a command, through GNU time when present for the peak RSS of the process tree. */
interface Run {
  ms: number;
  peakMiB?: number;
  stdout: Buffer;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

function timedRun(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const rssFile = path.join(tmpdir(), `raccord-bench-rss-${process.pid}`);
  const viaTime = existsSync(GNU_TIME);
  const [c, a] = viaTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(c, a, { cwd: opts.cwd, env: opts.env ?? process.env, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`« ${cmd} ${args.join(' ')} » a échoué (code ${r.status}) : ${r.stderr}`);
  const peakMiB = viaTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined;
  return { ms, peakMiB, stdout: r.stdout, stderr: r.stderr.toString() };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const loadAverage = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/**
 * `raccord check <folder> --json` as the admin runs it, against the floor, side by side in one run:
 * every round runs the floor (bench/floor.py: Python's zipfile, expat through iterparse, csv — the
 * same files read once, nothing else), the installed bin, `npx raccord`, and the bin again with
 * RACCORD_PROFIL=json for the time per stage. Alternated, so that the load of a shared machine
 * falls on each command alike; medians, and the load average printed with them.
 */
function cliBench(pupils: number, rounds: number) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '../../..');
  const bin = path.join(root, 'node_modules/.bin/raccord');
  const floor = path.resolve(here, '../bench/floor.py');
  const dir = mkdtempSync(path.join(tmpdir(), 'raccord-bench-'));
  try {
    const school = generateSchool({ ...demoSchoolOptions(TODAY), pupils });
    for (const f of school.files) writeFileSync(path.join(dir, f.name), f.bytes);
    const bytes = school.files.reduce((n, f) => n + f.bytes.length, 0);
    const check = ['check', dir, '--json', '--today', TODAY];
    const commands: { label: string; run: () => Run }[] = [
      { label: 'plancher (python3 bench/floor.py)', run: () => timedRun('python3', [floor, dir]) },
      { label: 'node_modules/.bin/raccord check --json', run: () => timedRun(bin, check) },
      { label: 'npx raccord check --json', run: () => timedRun('npx', ['--no-install', 'raccord', ...check], { cwd: root }) },
    ];
    const runs = commands.map(() => [] as Run[]);
    const profiles: StageProfile[] = [];
    const loadBefore = loadAverage();
    for (let i = 0; i < rounds; i++) {
      commands.forEach((c, k) => runs[k]!.push(c.run()));
      const p = timedRun(bin, check, { env: { ...process.env, RACCORD_PROFIL: 'json' } });
      const line = p.stderr.split('\n').find((l) => l.startsWith('RACCORD_PROFIL '));
      if (line) profiles.push(JSON.parse(line.slice('RACCORD_PROFIL '.length)) as StageProfile);
    }
    const loadAfter = loadAverage();
    const floorMs = median(runs[0]!.map((r) => r.ms));
    const read = JSON.parse(runs[0]![0]!.stdout.toString()) as { files: number; bytes: number; duplicates: number };
    const hashes = new Set([...runs[1]!, ...runs[2]!].map((r) => sha256(r.stdout)));
    console.log(`\n## raccord check --json face au plancher — ${pupils} élèves, ${mb(bytes).toFixed(1)} Mo d'exports, ${rounds} tours alternés`);
    console.log(`\nCharge moyenne (1, 5, 15 min) : ${loadBefore} avant, ${loadAfter} après ; ${cpus().length} cœurs. Plancher : ${read.files} fichiers lus (${mb(read.bytes).toFixed(1)} Mo décompressés${read.duplicates ? `, ${read.duplicates} doublon lu une fois, comme Raccord` : ''}).\n`);
    console.log(table(['commande', 'médiane (s)', 'min (s)', 'max (s)', '× plancher', 'mémoire max (Mio)'], commands.map((c, k) => {
      const ms = runs[k]!.map((r) => r.ms);
      const sorted = [...ms].sort((a, b) => a - b);
      const peak = Math.max(...runs[k]!.map((r) => r.peakMiB ?? NaN));
      return [c.label, (median(ms) / 1000).toFixed(2), (sorted[0]! / 1000).toFixed(2), (sorted[sorted.length - 1]! / 1000).toFixed(2), (median(ms) / floorMs).toFixed(2), Number.isNaN(peak) ? '–' : peak.toFixed(0)];
    })));
    const out = runs[1]![0]!.stdout;
    console.log(`\nSortie JSON : ${mb(out.length).toFixed(1)} Mo, sha256 ${[...hashes].join(' / ')}${hashes.size > 1 ? ' — DIFFÉRENTE d\'une passe à l\'autre !' : ' (identique à chaque passe)'}`);
    if (profiles.length) {
      const total = median(profiles.map((p) => p.totalMs));
      console.log(`\n### Temps par étape (RACCORD_PROFIL=json, médiane de ${profiles.length} passes du bin installé)\n`);
      const rssAt = (s: string) => {
        const seen = profiles.map((p) => (s === 'total' ? p.peakMiB : p.rssMiB?.[s])).filter((x): x is number => x !== undefined);
        return seen.length ? median(seen).toFixed(0) : '';
      };
      console.log(table(['étape', 'ms', 'part', 'mémoire à la fin (Mio)'], [...Object.keys(profiles[0]!.stages), 'total'].map((s) => {
        const ms = s === 'total' ? total : median(profiles.map((p) => p.stages[s] ?? 0));
        return [STAGE_LABEL[s as keyof typeof STAGE_LABEL] ?? s, ms.toFixed(0), `${((ms / total) * 100).toFixed(0)} %`, rssAt(s)];
      })));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An academy batch (~100,000 people): `raccord check` school by school, as an academy would run it. */
function academyBench(schools: number, pupilsPerSchool: number) {
  const batch = generateAcademyBatch({ schools, pupilsPerSchool });
  const t0 = performance.now();
  let people = 0;
  let accounts = 0;
  let findings = 0;
  for (const school of batch) {
    const files = school.files.flatMap((f) => readFile(f.name, f.bytes));
    const ds = assembleDataset(files);
    people += ds.pupils.length + ds.guardians.length + ds.staff.length;
    const { result } = reconcileDetailed(ds, { today: '2025-09-15' });
    accounts += result.assignments.length;
    findings += result.findings.length;
  }
  const ms = performance.now() - t0;
  // maxRSS covers the whole process (run alone for this bench), the batch's generated files included.
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`\n## raccord check — lot académique : ${schools} établissements × ${pupilsPerSchool} élèves\n`);
  console.log(table(['personnes (SIECLE + STS)', 'comptes ENT', 'constats', 'lecture + rapprochement (s)', 'µs par personne', 'mémoire max du processus (Mo)'], [[people, accounts, findings, (ms / 1000).toFixed(1), ((ms * 1000) / people).toFixed(0), peak.toFixed(0)]]));
}

const academy = () => academyBench(Number(process.env.BENCH_SCHOOLS ?? 25), Number(process.env.BENCH_PUPILS_PER_SCHOOL ?? 1500));

const cliRounds = Number(process.env.BENCH_CLI_RUNS ?? 5);

if (process.env.BENCH_ONLY === 'academy') {
  academy();
} else if (process.env.BENCH_ONLY === 'cli') {
  cliBench(2500, cliRounds);
} else {
  parseBench(2500);
  checkBench("établissement d'exemple", 2500, RUNS);
  cliBench(2500, cliRounds);
  if (!process.env.BENCH_QUICK) {
    // In a process of its own, so that its peak memory is the batch's, not the earlier benches'.
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_ONLY: 'academy' }, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`le banc du lot académique a échoué (code ${r.status})`);
  }
}
