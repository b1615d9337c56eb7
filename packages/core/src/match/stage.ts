/**
 * One linking stage: left records (ENT accounts, or SIECLE/STS people) to right records
 * (SIECLE/STS people, or PRONOTE rows) of the same role group. Exact identifiers first (the ENT
 * join key), then blocking + evidence + rivalry (resolve.ts) for the rest.
 */
import { refKey, type Link, type SubjectRef } from './types.js';
import { indexOf } from './blocking.js';
import { comparePair, nameSummary, WEIGHTS, type PairEvidence } from './evidence.js';
import { compareNames } from './names.js';
import { frDate, type Rec } from './records.js';
import { resolve, type Cand, type Resolved } from './resolve.js';

export interface StageOptions {
  /** Link by the ENT join key (ELEVE_ID, PERSONNE_ID, STS id) before names. */
  joinKeys?: boolean;
  /** « même identifiant SIECLE (clé de jointure) ». */
  joinKeyWord?: string;
  /** « cette fiche PRONOTE », for rivalry notes. */
  yWord: string;
  /** Two left records claiming one right record that are not rivals (see resolve.ts). */
  notRivals?: (a: Rec, ca: Cand, b: Rec, cb: Cand) => boolean;
  /** The PRONOTE IDs the ENT already carries for this left record (a weak hint). */
  hints?: (x: Rec) => ReadonlySet<string> | undefined;
  /** Right records (by index) already linked to someone outside this stage: the proposal is at most probable. */
  alreadyLinked?: (y: number) => string | undefined;
  /** Every result is at most probable, with this note (no SIECLE record where one was expected…). */
  capNote?: (x: Rec) => string | undefined;
  /** Left records an ENT account names by its join key (their exact identity outranks a near-name rival elsewhere). */
  anchored?: (x: Rec) => boolean;
  rejected: PairSet;
  confirmed: PairSet;
}

export interface StageResult {
  /** Per left record: the resolution, or null. */
  results: (Resolved | null)[];
  /** Per left record with no result: why, in French. */
  why: (string | null)[];
  compatible: Cand[][];
  links: (Link | null)[];
}

/** Link score in [0, 1] from the evidence weight (name only ≈ 0.45, name + birth + class ≈ 0.75). */
export function linkScore(s: number): number {
  return Math.round((1 - Math.exp(-Math.max(0, s) / 10)) * 1000) / 1000;
}

function joinKeyEvidence(x: Rec, y: Rec, word: string): PairEvidence {
  const ev = comparePair(x, y);
  if (!ev.hard) {
    // A fresh object (only ruled-out pairs share one): completed in place.
    ev.score += WEIGHTS.joinKey;
    ev.rank += WEIGHTS.joinKey;
    ev.identifier = true;
    ev.certainGrade = true;
    ev.evidence.unshift(word);
    return ev;
  }
  // The join key says it is the same record; a contradiction in the ENT's copy is shown, and doubted.
  const name = compareNames(x.name, y.name);
  const lines = [name.grade === 'different' ? `mais nom différent : ${x.name.display} / ${y.name.display}` : nameSummary(name), ...name.notes];
  if (x.birth && y.birth && x.birth !== y.birth) lines.push(`mais date de naissance différente : ${frDate(x.birth)} / ${frDate(y.birth)}`);
  return { ...ev, name, score: name.score + WEIGHTS.joinKey, rank: name.score + WEIGHTS.joinKey, hard: false, soft: true, identifier: true, certainGrade: false, evidence: [word, ...lines] };
}

/** Admin decisions on links, indexed by the `from` record (few keys; most lookups miss at once). */
export class PairSet {
  private readonly byFrom = new Map<string, Set<string>>();

  constructor(keys: Iterable<string>) {
    for (const k of keys) {
      const i = k.indexOf('→');
      if (i < 0) continue;
      const from = k.slice(0, i);
      const set = this.byFrom.get(from) ?? new Set<string>();
      set.add(k.slice(i + 1));
      this.byFrom.set(from, set);
    }
  }

  has(from: SubjectRef, to: SubjectRef): boolean {
    if (!this.byFrom.size) return false;
    return this.byFrom.get(refKey(from))?.has(refKey(to)) ?? false;
  }
}

export function toLink(x: Rec, r: Resolved, ys: Rec[]): Link {
  const y = ys[r.best.y]!;
  const ambiguous = r.decision === 'ambiguous';
  const evidence = ambiguous
    ? [...r.notes, ...r.options.map((o) => `${ys[o.y]!.label} : ${o.ev.evidence.join(' ; ')}`)]
    : r.best.ev.evidence.concat(r.notes);
  const link: Link = { from: x.ref, to: y.ref, decision: r.decision, score: linkScore(r.best.ev.score), evidence };
  if (ambiguous) link.candidates = r.options.map((o) => ys[o.y]!.ref);
  if (r.confirmedByAdmin) link.confirmedByAdmin = true;
  return link;
}

const NO_CANDS: Cand[] = Object.freeze([]) as unknown as Cand[];

export function runStage(xs: Rec[], ys: Rec[], opts: StageOptions): StageResult {
  const n = xs.length;
  const results: (Resolved | null)[] = new Array(n).fill(null);
  const isRejected = (x: number, y: number) => opts.rejected.has(xs[x]!.ref, ys[y]!.ref);
  const isConfirmed = (x: number, y: number) => opts.confirmed.has(xs[x]!.ref, ys[y]!.ref);

  // 1. Join keys: the same record by construction (AAF builds the ENT from SIECLE and STS).
  const capNotes: (string | undefined)[] = xs.map((x) => opts.capNote?.(x));
  const viaKey = new Map<number, string[]>();
  if (opts.joinKeys) {
    const byId = new Map<string, number>();
    ys.forEach((y, i) => byId.set(y.ref.id, i));
    const withKey = xs.filter((x) => x.joinKey);
    const found = withKey.filter((x) => byId.has(x.joinKey!)).length;
    // Join keys of another kind (an AAF id, say) match nothing: then they are ignored.
    const reliable = withKey.length > 0 && found / withKey.length >= 0.5;
    xs.forEach((x, xi) => {
      if (!x.joinKey || !reliable) return;
      const yi = byId.get(x.joinKey);
      if (yi === undefined) {
        capNotes[xi] ??= `la clé de jointure ${x.joinKey} ne correspond à aucune fiche : rapprochement par le nom, à confirmer`;
        return;
      }
      if (isRejected(xi, yi)) {
        capNotes[xi] ??= "rapprochement par la clé de jointure refusé par l'administrateur";
        return;
      }
      const ev = joinKeyEvidence(x, ys[yi]!, opts.joinKeyWord ?? 'même identifiant (clé de jointure)');
      const r: Resolved = { decision: ev.certainGrade ? 'certain' : 'probable', best: { y: yi, ev }, options: [], notes: [] };
      if (r.decision === 'probable' && isConfirmed(xi, yi)) r.confirmedByAdmin = true;
      results[xi] = r;
      const l = viaKey.get(yi) ?? [];
      l.push(x.label);
      viaKey.set(yi, l);
    });
  }

  // 2. Everyone else: blocking, evidence, rivalry.
  const pending = xs.map((_, xi) => xi).filter((xi) => !results[xi]);
  const index = pending.length && ys.length ? indexOf(ys) : undefined;
  const cands: Cand[][] = pending.map((xi) => {
    const x = xs[xi]!;
    const list: Cand[] = [];
    if (!index) return list;
    const hints = opts.hints?.(x);
    const found = index.candidates(x);
    for (let i = 0; i < found.length; i++) {
      const y = ys[found[i]!]!;
      const ev = comparePair(x, y, !!hints && hints.has(y.ref.id));
      if (!ev.hard) list.push({ y: found[i]!, ev });
    }
    return list;
  });
  const out = resolve({
    cands,
    notRivals: opts.notRivals ? (pa, ca, pb, cb) => opts.notRivals!(xs[pending[pa]!]!, ca, xs[pending[pb]!]!, cb) : undefined,
    rejected: (p, y) => isRejected(pending[p]!, y),
    confirmed: (p, y) => isConfirmed(pending[p]!, y),
    anchored: opts.anchored ? (p) => opts.anchored!(xs[pending[p]!]!) : undefined,
    labelX: (p) => xs[pending[p]!]!.label,
    labelY: (y) => ys[y]!.label,
    yWord: opts.yWord,
  });
  const why: (string | null)[] = new Array(n).fill(null);
  // Records linked by their join key had no candidates to weigh: one shared empty list.
  const compatible: Cand[][] = new Array(n).fill(NO_CANDS);
  pending.forEach((xi, p) => {
    compatible[xi] = out.compatible[p]!;
    why[xi] = out.why[p]!;
    const r = out.results[p];
    if (!r) return;
    const y = ys[r.best.y]!;
    // At most probable: a note saying why (no SIECLE record…), or the row already linked elsewhere.
    const capNote = capNotes[xi];
    const viaKeyOf = viaKey.get(r.best.y);
    const linked = opts.alreadyLinked?.(r.best.y);
    if (capNote || viaKeyOf || linked) {
      const cap: string[] = [];
      if (capNote) cap.push(capNote);
      for (const o of [viaKeyOf?.join(', '), linked]) if (o) cap.push(`${opts.yWord} ${y.label} est déjà rattachée à : ${o}`);
      if (cap.length && r.decision === 'certain') r.decision = 'probable';
      r.notes.push(...cap);
    }
    if (r.decision === 'probable' && !r.confirmedByAdmin && isConfirmed(xi, r.best.y)) {
      r.confirmedByAdmin = true;
      r.notes.push("rapprochement confirmé par l'administrateur");
    }
    results[xi] = r;
  });
  const links = results.map((r, xi) => (r ? toLink(xs[xi]!, r, ys) : null));
  return { results, why, compatible, links };
}
