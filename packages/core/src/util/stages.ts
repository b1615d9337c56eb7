/**
 * Time spent per stage of a run (read, inflate, decode, parse…), for `RACCORD_PROFIL=1 raccord
 * check` and `npm run bench`: how the next person finds the next hotspot. Off unless a clock is
 * set: then `timed` is one test and a call, per file or per stage, never per record.
 * `performance` exists in Node and in browsers, so core stays free of Node modules.
 */

/** The stages, in pipeline order. */
export const STAGES = ['start', 'read', 'inflate', 'decode', 'xml', 'csv', 'records', 'assemble', 'match', 'checks', 'write'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABEL: Record<Stage | 'other' | 'total', string> = {
  start: 'démarrage (Node, chargement du code)',
  read: 'lecture des fichiers (disque)',
  inflate: 'décompression des ZIP',
  decode: 'décodage du texte',
  xml: 'analyse XML (arbre)',
  csv: 'analyse CSV',
  records: 'lecture des enregistrements',
  assemble: 'assemblage du jeu de données',
  match: 'rapprochement',
  checks: 'contrôles',
  write: 'écriture de la sortie',
  other: 'autres',
  total: 'total',
};

export type StageTimes = Partial<Record<Stage, number>>;

let clock: StageTimes | undefined;
let afterStage: ((stage: Stage) => void) | undefined;

/**
 * Starts (or, with undefined, stops) recording; returns the totals being filled, in ms.
 * `after`: called at the end of each timed call (the CLI samples its memory there).
 */
export function recordStages(times: StageTimes | undefined, after?: (stage: Stage) => void): StageTimes | undefined {
  clock = times;
  afterStage = times ? after : undefined;
  return times;
}

/** `fn()`, its time added to `stage` when recording. Nested stages are not subtracted: keep them disjoint. */
export function timed<T>(stage: Stage, fn: () => T): T {
  if (!clock) return fn();
  const times = clock;
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    times[stage] = (times[stage] ?? 0) + performance.now() - t0;
    afterStage?.(stage);
  }
}
