/**
 * `RACCORD_PROFIL=1 raccord check …`: the time of each stage, written to stderr when the process
 * ends (a table; `RACCORD_PROFIL=json`: one JSON line, which `npm run bench` reads). Off by default.
 */
import { recordStages, STAGE_LABEL, STAGES, type StageTimes } from '../util/stages.js';

export interface StageProfile {
  /** ms per stage, in pipeline order; `other` is what no stage covers (GC between stages, exit). */
  stages: Record<string, number>;
  totalMs: number;
  /** Peak resident memory of the process, MiB. */
  peakMiB: number;
  /** Largest resident memory seen at the end of each stage, MiB (where the memory goes). */
  rssMiB?: Record<string, number>;
}

export function stageProfile(times: StageTimes, totalMs: number, maxRssKiB: number, rssBytes: Partial<Record<string, number>> = {}): StageProfile {
  const stages: Record<string, number> = {};
  let covered = 0;
  for (const s of STAGES) {
    const ms = times[s] ?? 0;
    stages[s] = Math.round(ms * 10) / 10;
    covered += ms;
  }
  stages.other = Math.round(Math.max(0, totalMs - covered) * 10) / 10;
  const rssMiB: Record<string, number> = {};
  for (const s of STAGES) if (rssBytes[s] !== undefined) rssMiB[s] = Math.round(rssBytes[s]! / 104857.6) / 10;
  return { stages, totalMs: Math.round(totalMs * 10) / 10, peakMiB: Math.round(maxRssKiB / 102.4) / 10, rssMiB };
}

export function formatProfile(p: StageProfile): string {
  const rss = (s: string) => (p.rssMiB?.[s] !== undefined ? `${p.rssMiB[s]!.toFixed(0)} Mio` : '');
  const rows = Object.entries(p.stages).map(([s, ms]) => [STAGE_LABEL[s as keyof typeof STAGE_LABEL] ?? s, ms.toFixed(0), rss(s)]);
  rows.push([STAGE_LABEL.total, p.totalMs.toFixed(0), `${p.peakMiB.toFixed(0)} Mio (maximum)`]);
  const width = Math.max(...rows.map((r) => r[0]!.length));
  return ['Raccord — temps (ms) et mémoire résidente à la fin de chaque étape :', ...rows.map(([l, v, m]) => `  ${l!.padEnd(width)}  ${v!.padStart(6)}  ${m}`.trimEnd())].join('\n');
}

/** Starts recording when `RACCORD_PROFIL` is set; the report is written at exit. */
export function profileFromEnv(env: NodeJS.ProcessEnv, stderr: (s: string) => void): void {
  const mode = env.RACCORD_PROFIL;
  if (!mode || mode === '0') return;
  // performance.now() counts from the process' start: what came before this line is start-up.
  const rss: Partial<Record<string, number>> = { start: process.memoryUsage.rss() };
  const times = recordStages({ start: performance.now() }, (stage) => {
    rss[stage] = Math.max(rss[stage] ?? 0, process.memoryUsage.rss());
  })!;
  process.on('exit', () => {
    const p = stageProfile(times, performance.now(), process.resourceUsage().maxRSS, rss);
    stderr(mode === 'json' ? `RACCORD_PROFIL ${JSON.stringify(p)}` : formatProfile(p));
  });
}
