/**
 * People, not records: a pupil or guardian with two SIECLE records (a duplicate) is one person
 * with two records, two ENT accounts and one PRONOTE row. The ENT and PRONOTE rules reason on
 * people, so that the second record of a duplicate is neither « without PRONOTE ID » nor
 * « without ENT account » while the first one has them.
 */
import type { SchoolDataset } from '../model/dataset.js';
import type { Link, MatchResult, SubjectRef } from '../match/types.js';
import { refKey } from '../match/types.js';
import { guardianAccountPolicy, type GuardianAccountPolicy, type GuardianLevel } from '../model/guardians.js';
import type { SiecleGuardian } from '../model/types.js';
import { endOf, guardianRefIn, indexDataset, isCurrentPupil, otherEnd, pupilRef, staffRef } from './common.js';
import { guardianDuplicates, pupilDuplicates } from './duplicates.js';

export interface Person {
  kind: 'pupil' | 'guardian' | 'staff';
  /** The person's SIECLE/STS records (several for a duplicate), with labels; the current ones first. */
  readonly records: SubjectRef[];
  /** `refKey` of each record, in the same order: the keys of the matcher's maps, built once. */
  keys: string[];
  /** Pupil: a record is current; guardian: legal guardian of a current pupil; staff: listed by STS-web. */
  current: boolean;
  /** Guardians: the strongest level towards a current pupil (undefined: linked to none, not present). */
  level?: GuardianLevel;
}

export interface People {
  list: Person[];
  /** The person a record belongs to, by `refKey`. */
  byRecord: Map<string, Person>;
}

/**
 * A person whose labelled `records` are made on first read: most people never appear in a
 * finding, and in the cold check run every label and reference kept costs allocation and GC.
 */
class LazyPerson<R> implements Person {
  private made: SubjectRef[] | undefined;
  constructor(
    readonly kind: Person['kind'],
    private readonly sources: readonly R[],
    private readonly refOf: (r: R) => SubjectRef,
    readonly keys: string[],
    readonly current: boolean,
    readonly level?: GuardianLevel,
  ) {}
  get records(): SubjectRef[] {
    return (this.made ??= this.sources.map((r) => this.refOf(r)));
  }
}

/** Where each kind of record comes from, as pupilRef, guardianRef and staffRef say. */
const SOURCE_OF: Record<Person['kind'], SubjectRef['source']> = { pupil: 'siecle', guardian: 'siecle', staff: 'sts' };
/** `refKey` up to the id, for each kind of record. */
const KEY_PREFIX: Record<Person['kind'], string> = {
  pupil: refKey({ source: SOURCE_OF.pupil, kind: 'pupil', id: '' }),
  guardian: refKey({ source: SOURCE_OF.guardian, kind: 'guardian', id: '' }),
  staff: refKey({ source: SOURCE_OF.staff, kind: 'staff', id: '' }),
};
/** A record's `refKey`, in one concatenation. */
const recordKey = (kind: Person['kind'], id: string): string => KEY_PREFIX[kind] + id;

/** The person a SIECLE/STS reference belongs to: `byRecord` by its `refKey`, made in one concatenation. */
export function personOf(people: People, ref: Pick<SubjectRef, 'source' | 'kind' | 'id'>): Person | undefined {
  const kind = ref.kind as Person['kind'];
  // A reference of any other kind or source has no person: its refKey is not among byRecord's keys.
  if (!Object.hasOwn(SOURCE_OF, kind) || ref.source !== SOURCE_OF[kind]) return undefined;
  return people.byRecord.get(recordKey(kind, ref.id));
}

const cache = new WeakMap<SchoolDataset, People>();

export function peopleOf(ds: SchoolDataset): People {
  const hit = cache.get(ds);
  if (hit) return hit;
  const idx = indexDataset(ds);
  const list: Person[] = [];
  const byRecord = new Map<string, Person>();
  const add = <R>(kind: Person['kind'], sources: readonly R[], refOf: (r: R) => SubjectRef, keys: string[], current: boolean, level?: GuardianLevel) => {
    const person = new LazyPerson(kind, sources, refOf, keys, current, level);
    list.push(person);
    for (let i = 0; i < keys.length; i++) byRecord.set(keys[i]!, person);
  };

  for (const cluster of pupilDuplicates(ds)) {
    const sorted = [...cluster].sort((a, b) => Number(isCurrentPupil(b)) - Number(isCurrentPupil(a)));
    add('pupil', sorted, pupilRef, sorted.map((p) => recordKey('pupil', p.eleveId)), true);
  }
  // A record not already taken by a duplicate cluster is a person of its own.
  ds.pupils.forEach((p) => {
    const key = recordKey('pupil', p.eleveId);
    if (!byRecord.has(key)) add('pupil', [p], pupilRef, [key], isCurrentPupil(p));
  });

  const guardianRef = (g: SiecleGuardian) => guardianRefIn(idx, g);
  // Duplicate clusters are made of legal guardians of current pupils (duplicates.ts).
  for (const cluster of guardianDuplicates(ds)) add('guardian', cluster, guardianRef, cluster.map((g) => recordKey('guardian', g.personneId)), true, 'legal');
  ds.guardians.forEach((g) => {
    const key = recordKey('guardian', g.personneId);
    if (!byRecord.has(key)) add('guardian', [g], guardianRef, [key], idx.legalGuardianIds.has(g.personneId), idx.guardianLevelById.get(g.personneId));
  });

  ds.staff.forEach((s) => add('staff', [s], staffRef, [recordKey('staff', s.id)], true));

  const people = { list, byRecord };
  cache.set(ds, people);
  return people;
}

/** Is the person present: a current pupil, a guardian linked to one at any level, a member of staff? */
export function isPresent(p: Person): boolean {
  return p.kind === 'guardian' ? p.level !== undefined : p.current;
}

const policies = new WeakMap<MatchResult, GuardianAccountPolicy>();

/**
 * Which guardian levels the ENT creates accounts for: the admin's setting, else what the ENT export
 * shows — a guardian account the matcher surely ties to a guardian who is only « en charge » (a join
 * key to their PERSONNE_ID, mostly).
 */
export function accountPolicy(ds: SchoolDataset, m: MatchResult): GuardianAccountPolicy {
  const hit = policies.get(m);
  if (hit) return hit;
  const idx = indexDataset(ds);
  const ownerLevels: (GuardianLevel | undefined)[] = [];
  m.entOwner.forEach((l) => {
    // Only sure links (the join key, mostly): a probable owner may be someone else.
    if (l.decision !== 'certain') return;
    const owner = otherEnd(l, 'ent');
    if (owner.kind === 'guardian') ownerLevels.push(idx.guardianLevelById.get(owner.id));
  });
  const policy = guardianAccountPolicy(ds.settings?.personInChargeAccounts, ownerLevels);
  policies.set(m, policy);
  return policy;
}

const questioned = new WeakMap<MatchResult, Set<string>>();

/**
 * `refKey`s of the SIECLE/STS records an ambiguous ENT account may belong to: « à trancher »
 * (`match.ambiguous`), never « sans compte ».
 */
export function ambiguousOwnerCandidates(m: MatchResult): Set<string> {
  const hit = questioned.get(m);
  if (hit) return hit;
  const out = new Set<string>();
  m.entOwner.forEach((l) => {
    if (l.decision !== 'ambiguous') return;
    const to = otherEnd(l, 'ent');
    out.add(refKey(to));
    const cs = l.candidates;
    if (cs) for (let i = 0; i < cs.length; i++) if (cs[i]!.source !== 'ent') out.add(refKey(cs[i]!));
  });
  questioned.set(m, out);
  return out;
}

/** Is one of the person's records a candidate owner of an ambiguous ENT account? */
export function hasAmbiguousAccount(m: MatchResult, p: Person): boolean {
  const keys = ambiguousOwnerCandidates(m);
  if (!keys.size) return false;
  for (let k = 0; k < p.keys.length; k++) if (keys.has(p.keys[k]!)) return true;
  return false;
}

// The helpers below run for every person, in several rules, in a cold process (V8's interpreter):
// indexed loops, because for…of makes an iterator and a result object per step there.

/** The ENT accounts the matcher ties to a person (any of its records; ambiguous links left out), sorted. */
export function accountsOf(m: MatchResult, p: Person): string[] {
  // Made on the first account, to its size: an empty array that is pushed to reserves 16 slots.
  let out: string[] | undefined;
  for (let k = 0; k < p.keys.length; k++) {
    const links = m.entOf.get(p.keys[k]!);
    if (!links) continue;
    for (let i = 0; i < links.length; i++) {
      const l = links[i]!;
      if (l.decision === 'ambiguous') continue;
      const login = endOf(l, 'ent').id;
      if (!out) out = [login];
      else if (!out.includes(login)) out.push(login);
    }
  }
  return !out ? [] : out.length > 1 ? out.sort() : out;
}

/** Does the matcher tie at least one ENT account to the person (`accountsOf` is not empty)? */
export function hasAccount(m: MatchResult, p: Person): boolean {
  for (let k = 0; k < p.keys.length; k++) {
    const links = m.entOf.get(p.keys[k]!);
    if (links) for (let i = 0; i < links.length; i++) if (links[i]!.decision !== 'ambiguous') return true;
  }
  return false;
}

/** Is any of the person's records linked to a PRONOTE row (any decision)? */
export function hasPronoteLink(m: MatchResult, p: Person): boolean {
  for (let k = 0; k < p.keys.length; k++) if (m.pronoteOf.has(p.keys[k]!)) return true;
  return false;
}

/** The links from a person's records to PRONOTE rows (any decision). */
export function pronoteLinksOf(m: MatchResult, p: Person): Link[] {
  const out: Link[] = [];
  for (let k = 0; k < p.keys.length; k++) {
    const l = m.pronoteOf.get(p.keys[k]!);
    if (l) out.push(l);
  }
  return out;
}

/**
 * The PRONOTE row a person surely has. One record: the row its certain link points at. Several
 * records (a SIECLE duplicate): the matcher hesitates between the records for the one PRONOTE
 * row — a rivalry inside one person, not a doubt — so the row is the single one that all their
 * links and candidates point at, whatever the decision.
 */
export function surePronoteRow(m: MatchResult, p: Person): string | undefined {
  if (p.keys.length === 1) {
    const l = m.pronoteOf.get(p.keys[0]!);
    return l?.decision === 'certain' ? endOf(l, 'pronote').id : undefined;
  }
  const links = pronoteLinksOf(m, p);
  const rows = new Set<string>();
  for (const l of links) {
    rows.add(endOf(l, 'pronote').id);
    for (const c of l.candidates ?? []) if (c.source === 'pronote') rows.add(c.id);
  }
  return rows.size === 1 ? [...rows][0] : undefined;
}
