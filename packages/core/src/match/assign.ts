/**
 * Assignments: for every ENT account, the PRONOTE ID it should carry: the composition of
 * « ENT account → SIECLE/STS person » and « person → PRONOTE row » (or, when no person fits,
 * a direct « ENT account → PRONOTE row »). The decision is the weaker of the two links.
 */
import type { AdminDecisions, Assignment, Decision } from './types.js';
import { assignmentKey } from './types.js';
import { SOURCE_LABEL, type Rec } from './records.js';
import type { Resolved } from './resolve.js';
import type { StageResult } from './stage.js';

const RANK: Record<Decision, number> = { certain: 2, probable: 1, ambiguous: 0 };
export const weaker = (a: Decision, b: Decision): Decision => (RANK[a] <= RANK[b] ? a : b);

/** One role group's records and stages. */
export interface GroupRun {
  ent: Rec[];
  hub: Rec[];
  pronote: Rec[];
  /** ENT → SIECLE/STS. */
  owner: StageResult;
  /** SIECLE/STS → PRONOTE. */
  pronoteOfHub: StageResult;
  /** ENT → PRONOTE, for accounts without a person; indexed like `ent` (null elsewhere). */
  direct: (Resolved | null)[];
  directWhy: (string | null)[];
}

const MISSING: Record<Rec['role'], string> = {
  pupil: "aucune fiche élève PRONOTE ne correspond : élève arrivé après le dernier export PRONOTE ?",
  guardian:
    "aucune fiche responsable PRONOTE ne correspond : responsable absent de PRONOTE (pas d'accès à l'Espace Parents, ou arrivé après le dernier export) ?",
  teacher: 'aucune fiche professeur PRONOTE ne correspond : professeur arrivé après le dernier export PRONOTE ?',
  staff: "personnel sans fiche dans la liste PRONOTE : pas d'identifiant PRONOTE à reporter",
};

const NO_LIST: Record<Rec['role'], string> = {
  pupil: "aucune liste PRONOTE des élèves n'a été importée",
  guardian: "aucune liste PRONOTE des responsables n'a été importée",
  teacher: "aucune liste PRONOTE des professeurs n'a été importée",
  staff: "aucune liste PRONOTE des personnels n'a été importée : pas d'identifiant PRONOTE à reporter",
};

/** `head` is « what / what : », built once per group. */
function prefixed(head: string, lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) out.push(head + lines[i]);
  return out;
}

export function buildAssignments(g: GroupRun, decisions: AdminDecisions, pronoteById: Map<string, Rec>): Assignment[] {
  const rejected = new Set(decisions.rejected ?? []);
  const confirmed = new Set(decisions.confirmed ?? []);
  const out: Assignment[] = [];
  const pid = (y: number) => g.pronote[y]!.ref.id;
  const hubWord = g.hub[0] ? SOURCE_LABEL[g.hub[0].ref.source] : g.ent[0]?.role === 'pupil' || g.ent[0]?.role === 'guardian' ? 'SIECLE' : 'STS-web';
  const entHub = `compte ENT / fiche ${hubWord} : `;
  const hubPronote = `fiche ${hubWord} / fiche PRONOTE : `;

  g.ent.forEach((x, xi) => {
    const login = x.ref.id;
    const a = g.owner.results[xi];
    const aLink = g.owner.links[xi];
    const aLines = aLink ? prefixed(entHub, aLink.evidence) : [];
    let res: Assignment;
    if (a && a.decision === 'ambiguous') {
      const candidates: NonNullable<Assignment['candidates']> = [];
      for (const o of [a.best, ...a.options.filter((c) => c !== a.best)]) {
        const b = g.pronoteOfHub.results[o.y];
        if (!b) continue;
        for (const c of b.decision === 'ambiguous' ? b.options : [b.best]) {
          if (candidates.some((k) => k.pronoteId === pid(c.y))) continue;
          candidates.push({ pronoteId: pid(c.y), label: g.pronote[c.y]!.label, evidence: [`si ce compte est ${g.hub[o.y]!.label}`, ...c.ev.evidence] });
        }
      }
      res = { entLogin: login, pronoteId: null, decision: 'ambiguous', evidence: aLines, candidates, status: 'ambiguous-owner' };
    } else {
      // The PRONOTE side: through the person, or directly.
      let b: Resolved | null;
      let bLines: string[];
      let why: string | null;
      let compatible = [] as StageResult['compatible'][number];
      if (a) {
        b = g.pronoteOfHub.results[a.best.y] ?? null;
        const bLink = g.pronoteOfHub.links[a.best.y];
        bLines = bLink ? prefixed(hubPronote, bLink.evidence) : [];
        why = g.pronoteOfHub.why[a.best.y] ?? null;
        compatible = g.pronoteOfHub.compatible[a.best.y] ?? [];
      } else {
        b = g.direct[xi] ?? null;
        bLines = b ? prefixed('compte ENT / fiche PRONOTE : ', [...b.best.ev.evidence, ...b.notes]) : [];
        why = g.directWhy[xi] ?? null;
        const ownerWhy = g.owner.why[xi];
        if (g.hub.length) aLines.push(ownerWhy ?? `aucune fiche ${hubWord} ne correspond à ce compte`);
      }
      const person = a ? g.hub[a.best.y]!.ref : x.ref;
      if (b && b.decision !== 'ambiguous' && rejected.size && rejected.has(assignmentKey(login, pid(b.best.y)))) {
        // Refused at the assignment level: the next compatible row, at most probable.
        const refusedLabel = g.pronote[b.best.y]!.label;
        const next = compatible.find((c) => c.y !== b!.best.y && !rejected.has(assignmentKey(login, pid(c.y))));
        const note = `rapprochement avec ${refusedLabel} refusé par l'administrateur`;
        if (next) {
          b = { decision: 'probable', best: next, options: [], notes: [note] };
          bLines = [note, ...prefixed(hubPronote, next.ev.evidence)];
        } else {
          b = null;
          bLines = [note];
          why = 'aucune autre fiche PRONOTE ne correspond';
        }
      }
      if (!b) {
        const reason = why ?? (g.pronote.length ? MISSING[x.role] : NO_LIST[x.role]);
        res = {
          entLogin: login,
          pronoteId: null,
          decision: 'probable',
          evidence: aLines.concat(bLines, [reason]),
          person,
          status: a || !g.hub.length ? (g.pronote.length ? 'no-pronote-row' : 'no-pronote-list') : 'no-owner',
        };
      } else if (b.decision === 'ambiguous') {
        res = {
          entLogin: login,
          pronoteId: null,
          decision: 'ambiguous',
          evidence: aLines.concat(bLines),
          person,
          candidates: b.options.map((c) => ({ pronoteId: pid(c.y), label: g.pronote[c.y]!.label, evidence: c.ev.evidence })),
          status: 'ambiguous',
        };
      } else {
        const decision = a ? weaker(a.decision, b.decision) : b.decision;
        // Every probable part confirmed by the admin (and at least one probable part).
        const aProbable = !!a && a.decision === 'probable';
        const bProbable = b.decision === 'probable';
        const confirmedAll = (aProbable || bProbable) && (!aProbable || !!a!.confirmedByAdmin) && (!bProbable || !!b.confirmedByAdmin);
        res = {
          entLogin: login,
          pronoteId: pid(b.best.y),
          decision,
          evidence: aLines.concat(bLines),
          person,
          status: 'linked',
        };
        if (decision === 'probable' && (confirmedAll || (confirmed.size && confirmed.has(assignmentKey(login, pid(b.best.y)))))) res.confirmedByAdmin = true;
      }
    }
    if (x.pronoteHint) {
      res.currentPronoteId = x.pronoteHint;
      if (res.pronoteId === x.pronoteHint) res.evidence.push("l'ENT porte déjà cet identifiant PRONOTE");
      else {
        const owner = pronoteById.get(x.pronoteHint);
        res.evidence.push(
          `l'ENT porte aujourd'hui l'identifiant ${x.pronoteHint}${owner ? `, celui de ${owner.label} dans PRONOTE` : ", inconnu de la liste PRONOTE"}`,
        );
      }
    }
    const chosen = decisions.chosen?.[login];
    if (chosen) {
      const row = pronoteById.get(chosen);
      if (row) {
        res.pronoteId = chosen;
        res.decision = 'probable';
        res.confirmedByAdmin = true;
        res.status = 'chosen';
        res.evidence.unshift(`choisi par l'administrateur : ${row.label}`);
      } else res.evidence.unshift(`le choix enregistré (${chosen}) n'existe plus dans la liste PRONOTE`);
    }
    out.push(res);
  });
  return out;
}
