/**
 * `npm run bench`: parse and reconcile figures on the generated sample school (and a large
 * academy batch), printed as tables. Figures, never assertions.
 */
import { readFile } from '../src/formats/read.js';
import { assembleDataset } from '../src/model/dataset.js';
import { countFile } from '../src/model/counts.js';
import { reconcileDetailed, recordCount } from '../src/reconcile.js';
import { generateAcademyBatch, generateSchool } from '../src/sample/index.js';
import { scoreAssignments } from '../src/match/score.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

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
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const files = school.files.flatMap((f) => readFile(f.name, f.bytes));
    const t1 = performance.now();
    const ds = assembleDataset(files);
    const t2 = performance.now();
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
}

/**
 * `raccord check <folder> --json` as the admin runs it: a new Node process each time (start-up,
 * disk, cold code, the JSON written to a pipe), on the sample school written to a temporary folder.
 */
function cliBench(pupils: number, runs: number) {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'raccord.mjs');
  const dir = mkdtempSync(path.join(tmpdir(), 'raccord-bench-'));
  try {
    for (const f of generateSchool({ pupils }).files) writeFileSync(path.join(dir, f.name), f.bytes);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [cli, 'check', dir, '--json'], { maxBuffer: 256 * 1024 * 1024 });
      samples.push(performance.now() - t);
      if (r.status !== 0) throw new Error(`raccord check a échoué (code ${r.status}) : ${r.stderr}`);
      bytes = r.stdout.length;
    }
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(`\n## raccord check --json, de bout en bout (processus Node neuf à chaque passe, ${pupils} élèves, ${runs} passes)\n`);
    console.log(table(['min (ms)', 'médiane (ms)', 'max (ms)', 'sortie JSON (Mo)'], [[sorted[0]!.toFixed(0), median(samples).toFixed(0), sorted[sorted.length - 1]!.toFixed(0), mb(bytes).toFixed(1)]]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Quality of the `certain` assignments against the sample's ground truth, several seeds and sizes. */
function qualityBench() {
  const rows: (string | number)[][] = [];
  const cases: [number, number][] = [[1, 2500], [2, 2500], [3, 2500], [4, 800], [5, 6000]];
  for (const [seed, pupils] of cases) {
    const school = generateSchool({ seed, pupils });
    const ds = assembleDataset(school.files.flatMap((f) => readFile(f.name, f.bytes)));
    const { result } = reconcileDetailed(ds, { today: '2025-09-15' });
    const s = scoreAssignments(result.assignments, school.truth.assignments);
    const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
    rows.push([seed, pupils, s.accounts, s.decisions.certain, s.decisions.probable, s.decisions.ambiguous, pct(s.certain.precision), pct(s.recall.recall), s.certainOnTraps]);
  }
  console.log("\n## Qualité des affectations « sûres » (vérité terrain de l'établissement d'exemple)\n");
  console.log(table(['graine', 'élèves', 'comptes ENT', 'sûrs', 'probables', 'ambigus', 'précision sûrs', 'rappel sûrs', 'sûrs sur pièges'], rows));
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
  console.log(table(['personnes (SIECLE + STS)', 'comptes ENT', 'constats', 'lecture + rapprochement (s)', 'mémoire max du processus (Mo)'], [[people, accounts, findings, (ms / 1000).toFixed(1), peak.toFixed(0)]]));
}

const academy = () => academyBench(Number(process.env.BENCH_SCHOOLS ?? 25), Number(process.env.BENCH_PUPILS_PER_SCHOOL ?? 1500));

if (process.env.BENCH_ONLY === 'academy') {
  academy();
} else {
  parseBench(2500);
  checkBench("établissement d'exemple", 2500, RUNS);
  cliBench(2500, Number(process.env.BENCH_CLI_RUNS ?? 11));
  if (!process.env.BENCH_QUICK) {
    qualityBench();
    // In a process of its own, so that its peak memory is the batch's, not the earlier benches'.
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_ONLY: 'academy' }, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`le banc du lot académique a échoué (code ${r.status})`);
  }
}
