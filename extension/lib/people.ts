/**
 * Finding the person a portal page is about, in the plan. A login match is an identification;
 * a name match is only a presumption (namesakes exist), so callers treat it as weaker.
 */
import { normalizeName } from '@raccord/core/model/names.js';
import type { BridgeFlag, BridgePerson, BridgePlan } from '@raccord/core/bridge/protocol.js';
import type { RecordIdentity } from '../portals/types';

export interface PlanIndex {
  plan: BridgePlan;
  byLogin: Map<string, BridgePerson[]>;
  byName: Map<string, BridgePerson[]>;
  /** PRONOTE ID → people the plan would give it to (more than one is a plan error: never fill). */
  byPronoteId: Map<string, BridgePerson[]>;
}

const loginKey = (login: string) => login.trim().toLowerCase();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexPlan(plan: BridgePlan): PlanIndex {
  const index: PlanIndex = { plan, byLogin: new Map(), byName: new Map(), byPronoteId: new Map() };
  for (const p of plan.people) {
    for (const login of p.entLogins) push(index.byLogin, loginKey(login), p);
    push(index.byName, normalizeName(`${p.family} ${p.given}`), p);
    if (p.pronoteId) push(index.byPronoteId, p.pronoteId, p);
  }
  return index;
}

export type PersonMatch =
  | { kind: 'found'; person: BridgePerson; by: 'login' | 'name-birth' | 'name' }
  | { kind: 'several'; people: BridgePerson[] }
  | { kind: 'none' };

/**
 * Login first (exact, case-insensitive). Without a login on the page: the name, narrowed by the
 * birth date when the page shows one. Several people → `several`: the caller shows them and fills nothing.
 */
export function findPerson(index: PlanIndex, id: RecordIdentity): PersonMatch {
  if (id.login) {
    const hits = index.byLogin.get(loginKey(id.login)) ?? [];
    if (hits.length === 1) return { kind: 'found', person: hits[0]!, by: 'login' };
    if (hits.length > 1) return { kind: 'several', people: hits };
  }
  const name = normalizeName(id.family && id.given ? `${id.family} ${id.given}` : id.displayName);
  if (!name) return { kind: 'none' };
  let hits = index.byName.get(name) ?? [];
  if (id.birthDate) {
    const sameBirth = hits.filter((p) => p.birthDate === id.birthDate);
    if (sameBirth.length === 1) return { kind: 'found', person: sameBirth[0]!, by: 'name-birth' };
    if (sameBirth.length > 1) return { kind: 'several', people: sameBirth };
    hits = hits.filter((p) => !p.birthDate);
  }
  // A login on the page that the plan does not know, with a namesake in the plan: not the same account.
  if (id.login) hits = hits.filter((p) => p.entLogins.length === 0);
  if (hits.length === 1) return { kind: 'found', person: hits[0]!, by: 'name' };
  if (hits.length > 1) return { kind: 'several', people: hits };
  return { kind: 'none' };
}

export type Refusal = 'ambiguous' | 'unconfirmed' | 'no-id' | 'no-pronote-row' | 'shared';

/**
 * The PRONOTE ID Raccord may write for this person, or why not. Only certain or admin-confirmed
 * links. One ID on several people is a plan error (`shared`), unless they are the records of one
 * person entered twice in SIECLE (same `sameAs`): then every account gets it, as seed 001 (5/5)
 * and core's `pronote.shared-id` say, and `sameAs` lists the other records (the caller asks for
 * one confirmation and explains).
 */
export function usableId(index: PlanIndex, p: BridgePerson): { id: string; sameAs?: BridgePerson[] } | { refused: Refusal } {
  if (p.decision === 'ambiguous' || (p.candidates?.length && p.decision !== 'certain')) return { refused: 'ambiguous' };
  // The matcher's own reason first: a person with no PRONOTE row has nothing to confirm.
  if (!p.pronoteId && p.pronoteStatus === 'no-pronote-row') return { refused: 'no-pronote-row' };
  if (!p.pronoteId) return { refused: p.decision === 'probable' ? 'unconfirmed' : 'no-id' };
  if (p.decision !== 'certain' && !p.confirmedByAdmin) return { refused: 'unconfirmed' };
  const holders = index.byPronoteId.get(p.pronoteId) ?? [];
  if (holders.length > 1) {
    if (!p.sameAs || holders.some((h) => h.sameAs !== p.sameAs)) return { refused: 'shared' };
    return { id: p.pronoteId, sameAs: holders.filter((h) => h !== p) };
  }
  return { id: p.pronoteId };
}

/** The people of `several` are all records of one person (one `sameAs` key): not a real doubt. */
export function onePerson(several: readonly BridgePerson[]): boolean {
  const key = several[0]?.sameAs;
  return !!key && several.every((p) => p.sameAs === key);
}

/** « MARTIN Claire (2NDE3) ». */
export function personLabel(p: BridgePerson): string {
  return `${p.family} ${p.given}${p.division ? ` (${p.division})` : ''}`;
}

/** Birth dates (ISO) of the SIECLE flags, to skip at once the list rows no flag can concern. */
export function flaggedBirthDates(plan: BridgePlan): Set<string> {
  return new Set(Object.keys(plan.flags.siecle).map((k) => k.slice(k.lastIndexOf('|') + 1)));
}

/** Flags of one list row, from whichever keys the page gave; the same finding is listed once. */
export function flagsFor(
  plan: BridgePlan,
  keys: { birthIso?: string; siecleKeys?: () => string[]; login?: string; nameKey?: string; groupCode?: string },
  births?: Set<string>,
): BridgeFlag[] {
  const found: BridgeFlag[] = [];
  const add = (list: BridgeFlag[] | undefined) => {
    if (list) for (const f of list) if (!found.some((g) => g.code === f.code && g.reason === f.reason)) found.push(f);
  };
  if (keys.siecleKeys && (!births || !keys.birthIso || births.has(keys.birthIso))) for (const k of keys.siecleKeys()) add(plan.flags.siecle[k]);
  if (keys.login) add(plan.flags.entByLogin[loginKey(keys.login)] ?? plan.flags.entByLogin[keys.login]);
  if (keys.nameKey) add(plan.flags.entByName[keys.nameKey]);
  if (keys.groupCode) add(plan.flags.stsGroups[keys.groupCode] ?? plan.flags.stsGroups[keys.groupCode.toUpperCase()]);
  return found;
}
