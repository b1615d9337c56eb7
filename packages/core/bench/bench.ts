/**
 * `npm run bench`: parse and reconcile figures on the generated sample school (and a large
 * academy batch), printed as tables. Figures, never assertions.
 */
import { readFile } from '../src/formats/read.js';
import { assembleDataset } from '../src/model/dataset.js';
import { countFile } from '../src/model/counts.js';
import { reconcileDetailed, recordCount } from '../src/reconcile.js';
import { generateSchool } from '../src/sample/index.js';

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

parseBench(2500);
checkBench("établissement d'exemple", 2500, RUNS);
if (!process.env.BENCH_QUICK) checkBench('lot académique (~100 000 personnes)', Number(process.env.BENCH_ACADEMY_PUPILS ?? 40000), 1);
