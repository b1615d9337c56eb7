/**
 * The matcher: who is who across SIECLE, STS-web, PRONOTE and the ENT, and the PRONOTE ID every
 * ENT account should carry. Never a wrong `certain`: a link is certain only with agreement
 * beyond the name and no compatible rival on either side (see resolve.ts, evidence.ts).
 *
 * Stages, per role group (pupils, guardians, teachers + staff):
 * 1. ENT account → SIECLE pupil / guardian, STS person: join key, else name + class + birth
 *    date + children (guardians: through the pupil accounts that list them).
 * 2. SIECLE / STS person → PRONOTE row: INE, name + birth date + class, guardians through their
 *    children (PRONOTE `NOM Prénom (Classe)` resolved to SIECLE pupils).
 * 3. ENT account with no person → PRONOTE row directly (at most probable when SIECLE/STS data
 *    exist and say nothing of it).
 * 4. Assignments: the composition, the weaker decision of the two links.
 */
import type { SchoolDataset } from '../model/dataset.js';
import type { EntAccount } from '../model/types.js';
import { refKey, type AdminDecisions, type Link, type MatchResult } from './types.js';
import { buildAssignments, type GroupRun } from './assign.js';
import { ChildResolver, entGuardianChildren } from './children.js';
import { entChildRefs, entRecords, hubRecords, pronoteRecords, roleGroup, type ChildDesc, type Rec, type RoleGroup } from './records.js';
import { PairSet, runStage, type StageResult } from './stage.js';
import { separatedByChildren, type Cand } from './resolve.js';
import { samePupil } from './evidence.js';
import { mergeGuardianDuplicates } from './guardian-duplicates.js';
import { clearNameCache } from './names.js';

export { compareNames, comparePersonNames, compareFamilyPart, compareGivenNames, genderPair, prepareName, preparePart, PARTICLES } from './names.js';
export type { NameComparison, NameGrade, NameLevel, NamePart, PreparedName, PartResult } from './names.js';
export { damerauLevenshtein, jaroWinkler } from './similarity.js';
export { phoneticFr } from './phonetic.js';
export { assignmentKey } from './types.js';
export { scoreAssignments, formatScore, NEVER_CERTAIN_TRAPS, type Score, type TruthAssignmentLike } from './score.js';

const GROUPS: RoleGroup[] = ['pupil', 'guardian', 'staff'];

/** Records per role group, in their order. */
function splitByGroup(recs: Rec[]): Record<RoleGroup, Rec[]> {
  const out: Record<RoleGroup, Rec[]> = { pupil: [], guardian: [], staff: [] };
  for (const r of recs) out[roleGroup(r.role)].push(r);
  return out;
}

/**
 * Claimants of one record that are not rivals of `a`: guardians with their own children in
 * common with it (a duplicate guardian: both get the same PRONOTE ID), a mere contact of the
 * children when `a` is their legal guardian (PRONOTE lists legal guardians; the reverse is a
 * rivalry), pupils that are two SIECLE records of one child (a hand-made duplicate).
 */
const NOT_RIVALS: Record<RoleGroup, ((a: Rec, ca: Cand, b: Rec, cb: Cand) => boolean) | undefined> = {
  pupil: (a, _ca, b) => samePupil(a, b),
  guardian: (_a, ca, _b, cb) => separatedByChildren(ca, cb) || (!ca.ev.contactOnly && !!cb.ev.contactOnly),
  staff: undefined,
};

const HUB_WORD: Record<RoleGroup, { key: string; y: string }> = {
  pupil: { key: 'même identifiant SIECLE (clé de jointure)', y: 'la fiche SIECLE' },
  guardian: { key: 'même identifiant SIECLE (clé de jointure)', y: 'la fiche SIECLE' },
  staff: { key: 'même identifiant STS-web (clé de jointure)', y: 'la fiche STS-web' },
};

const SHARED_NOTE: Partial<Record<RoleGroup, string>> = {
  pupil: 'élève en double dans SIECLE',
  guardian: 'responsable en double dans SIECLE',
};

/** The SIECLE/STS records linked to each PRONOTE row (ambiguous results aside), in record order. */
function claimantsOf(stage: StageResult): Map<number, number[]> {
  const byRow = new Map<number, number[]>();
  stage.results.forEach((r, x) => {
    if (!r || r.decision === 'ambiguous') return;
    const l = byRow.get(r.best.y);
    if (l) l.push(x);
    else byRow.set(r.best.y, [x]);
  });
  return byRow;
}

/** Several SIECLE records sharing one PRONOTE row (a duplicate): said on each link. */
function noteSharedRows(stage: StageResult, claimants: Map<number, number[]>, hub: Rec[], pronote: Rec[], what: string): void {
  claimants.forEach((xs, y) => {
    if (xs.length < 2) return;
    for (const x of xs) {
      const others = xs.filter((o) => o !== x).map((o) => hub[o]!.label);
      const note = `même fiche PRONOTE (${pronote[y]!.label}) que ${others.join(', ')} : ${what}, les comptes reçoivent le même identifiant`;
      stage.results[x]!.notes.push(note);
      stage.links[x]!.evidence.push(note);
    }
  });
}

/**
 * Two PRONOTE rows with the same normalised name and birth date: whatever else tells them apart
 * (an INE, the class), a link to one of them is at most probable — the admin checks it once.
 */
function capSameNameRows(stage: StageResult, hub: Rec[], pronote: Rec[], confirmed: PairSet): void {
  const key = (r: Rec) => (r.birth ? `${r.name.families[0]?.compact ?? ''} ${r.name.given.compact}|${r.birth}` : undefined);
  const rowKeys = pronote.map(key);
  const rows = new Map<string, Rec[]>();
  pronote.forEach((r, i) => {
    const k = rowKeys[i];
    if (!k) return;
    const l = rows.get(k);
    if (l) l.push(r);
    else rows.set(k, [r]);
  });
  stage.results.forEach((r, x) => {
    if (!r || r.decision !== 'certain') return;
    const y = pronote[r.best.y]!;
    const sameKey = rows.get(rowKeys[r.best.y] ?? '');
    if (!sameKey || sameKey.length < 2) return;
    const same = sameKey.filter((o) => o !== y);
    if (!same.length) return;
    const note = `une autre fiche PRONOTE porte le même nom et la même date de naissance : ${same.map((o) => o.label).join(', ')}, à confirmer`;
    r.decision = 'probable';
    r.notes.push(note);
    const link = stage.links[x]!;
    link.decision = 'probable';
    link.evidence.push(note);
    if (confirmed.has(hub[x]!.ref, y.ref)) r.confirmedByAdmin = link.confirmedByAdmin = true;
  });
}

export function match(ds: SchoolDataset, decisions: AdminDecisions = {}): MatchResult {
  const rejected = new PairSet(decisions.rejected ?? []);
  const confirmed = new PairSet(decisions.confirmed ?? []);
  const hub = hubRecords(ds);
  const duplicateNotes = mergeGuardianDuplicates(ds.guardians, hub.guardians);
  const resolver = new ChildResolver(hub.pupils);
  const pronote = pronoteRecords(ds.pronoteRows, (ref) => resolver.fromPronote(ref));
  const { recs: ent, accounts } = entRecords(ds.entAccounts);
  const pronoteById = new Map<string, Rec>();
  for (const p of pronote) pronoteById.set(p.ref.id, p);
  const hubOf: Record<RoleGroup, Rec[]> = { pupil: hub.pupils, guardian: hub.guardians, staff: hub.staff };
  const pupilIds = new Set(hub.pupils.map((p) => p.ref.id));
  const entOf: Record<RoleGroup, Rec[]> = { pupil: [], guardian: [], staff: [] };
  /** The accounts of `entOf.guardian`, in the same order. */
  const guardianAccounts: EntAccount[] = [];
  ent.forEach((r, i) => {
    const g = roleGroup(r.role);
    entOf[g].push(r);
    if (g === 'guardian') guardianAccounts.push(accounts[i]!);
  });
  const pronoteOf = splitByGroup(pronote);

  // 1. ENT → SIECLE / STS (pupils first: guardians use their children's accounts).
  const owner = {} as Record<RoleGroup, StageResult>;
  for (const g of GROUPS) {
    if (g === 'guardian') {
      const pupils = owner.pupil;
      entGuardianChildren(
        entOf.guardian,
        entOf.pupil,
        (pi) => {
          const r = pupils.results[pi];
          return r && r.decision !== 'ambiguous' ? hub.pupils[r.best.y]!.ref.id : undefined;
        },
        (gi) =>
          entChildRefs(guardianAccounts[gi]!).map((c): ChildDesc => {
            const d = resolver.describe(c.family ?? '', c.given ?? '', undefined, c.raw);
            return c.joinKey && pupilIds.has(c.joinKey) ? { ...d, ids: [c.joinKey] } : d;
          }),
      );
    }
    owner[g] = runStage(entOf[g], hubOf[g], {
      joinKeys: true,
      joinKeyWord: HUB_WORD[g].key,
      yWord: HUB_WORD[g].y,
      notRivals: NOT_RIVALS[g],
      rejected,
      confirmed,
    });
  }

  // The PRONOTE IDs the ENT already carries, per person: a weak hint for sorting only. By id: in
  // a group, records share source and kind, so the id is the refKey (two records with one id share).
  const hintsOf = {} as Record<RoleGroup, Map<string, Set<string>>>;
  for (const g of GROUPS) {
    const hints = (hintsOf[g] = new Map<string, Set<string>>());
    owner[g].results.forEach((r, xi) => {
      const x = entOf[g][xi]!;
      if (!r || r.decision === 'ambiguous' || !x.pronoteHint) return;
      const id = hubOf[g][r.best.y]!.ref.id;
      const s = hints.get(id);
      if (s) s.add(x.pronoteHint);
      else hints.set(id, new Set([x.pronoteHint]));
    });
  }

  // The SIECLE/STS records an ENT account names by its join key, surely: their exact identity
  // (name + class, name + children) outranks a near-name rival elsewhere on the PRONOTE side.
  const keyedOf = {} as Record<RoleGroup, Set<string>>;
  for (const g of GROUPS) {
    const keyed = (keyedOf[g] = new Set<string>());
    const results = owner[g].results;
    for (let xi = 0; xi < results.length; xi++) {
      const r = results[xi];
      if (!r || r.decision !== 'certain' || !r.best.ev.identifier) continue;
      const id = hubOf[g][r.best.y]!.ref.id;
      if (entOf[g][xi]!.joinKey === id) keyed.add(id);
    }
  }

  // 2. SIECLE / STS → PRONOTE; 3. ENT accounts without a person → PRONOTE.
  const runs: GroupRun[] = [];
  const links: Link[] = [];
  const result: MatchResult = { links, assignments: [], entOwner: new Map(), pronoteOf: new Map(), entOf: new Map() };
  for (const g of GROUPS) {
    const pron = pronoteOf[g];
    const toPronote = runStage(hubOf[g], pron, {
      yWord: 'la fiche PRONOTE',
      notRivals: NOT_RIVALS[g],
      hints: (x) => hintsOf[g].get(x.ref.id),
      anchored: (x) => keyedOf[g].has(x.ref.id),
      rejected,
      confirmed,
    });
    if (g === 'guardian') {
      toPronote.links.forEach((l, x) => {
        const note = duplicateNotes.get(hubOf[g][x]!.ref.id);
        if (l && note) l.evidence.push(note);
      });
    }
    capSameNameRows(toPronote, hubOf[g], pron, confirmed);
    const claimants = claimantsOf(toPronote);
    const shared = SHARED_NOTE[g];
    if (shared) noteSharedRows(toPronote, claimants, hubOf[g], pron, shared);
    const unowned = entOf[g].map((_, xi) => xi).filter((xi) => !owner[g].results[xi]);
    const direct = runStage(
      unowned.map((xi) => entOf[g][xi]!),
      pron,
      {
        yWord: 'la fiche PRONOTE',
        notRivals: NOT_RIVALS[g],
        hints: (x) => (x.pronoteHint ? new Set([x.pronoteHint]) : undefined),
        alreadyLinked: (yi) => claimants.get(yi)?.map((x) => hubOf[g][x]!.label).join(', '),
        capNote: () => (hubOf[g].length ? `aucune fiche ${g === 'staff' ? 'STS-web' : 'SIECLE'} ne correspond à ce compte : à confirmer` : undefined),
        rejected,
        confirmed,
      },
    );
    const directRes = entOf[g].map(() => null) as GroupRun['direct'];
    const directWhy = entOf[g].map(() => null) as GroupRun['directWhy'];
    unowned.forEach((xi, k) => {
      directRes[xi] = direct.results[k] ?? null;
      directWhy[xi] = direct.why[k] ?? null;
    });
    runs.push({ ent: entOf[g], hub: hubOf[g], pronote: pron, owner: owner[g], pronoteOfHub: toPronote, direct: directRes, directWhy });

    owner[g].links.forEach((l, xi) => {
      if (!l) return;
      links.push(l);
      result.entOwner.set(entOf[g][xi]!.ref.id, l);
      if (l.decision === 'ambiguous') return;
      const k = refKey(l.to);
      const list = result.entOf.get(k) ?? [];
      list.push(l);
      result.entOf.set(k, list);
    });
    toPronote.links.forEach((l, x) => {
      if (!l) return;
      links.push(l);
      result.pronoteOf.set(refKey(hubOf[g][x]!.ref), l);
    });
    for (const l of direct.links) if (l) links.push(l);
  }

  result.assignments = runs.flatMap((run) => buildAssignments(run, decisions, pronoteById));
  clearNameCache();
  return result;
}
