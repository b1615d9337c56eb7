/**
 * People, not records: a pupil or guardian with two SIECLE records (a duplicate) is one person
 * with two records, two ENT accounts and one PRONOTE row. The ENT and PRONOTE rules reason on
 * people, so that the second record of a duplicate is neither « without PRONOTE ID » nor
 * « without ENT account » while the first one has them.
 */
import type { SchoolDataset } from '../model/dataset.js';
import type { Link, MatchResult, SubjectRef } from '../match/types.js';
import { refKey } from '../match/types.js';
import { endOf, guardianRef, indexDataset, isCurrentPupil, pupilRef, staffRef } from './common.js';
import { guardianDuplicates, pupilDuplicates } from './duplicates.js';

export interface Person {
  kind: 'pupil' | 'guardian' | 'staff';
  /** The person's SIECLE/STS records (several for a duplicate), with labels; the current ones first. */
  records: SubjectRef[];
  /** Pupil: a record is current; guardian: legal guardian of a current pupil; staff: listed by STS-web. */
  current: boolean;
}

export interface People {
  list: Person[];
  /** The person a record belongs to, by `refKey`. */
  byRecord: Map<string, Person>;
}

const cache = new WeakMap<SchoolDataset, People>();

export function peopleOf(ds: SchoolDataset): People {
  const hit = cache.get(ds);
  if (hit) return hit;
  const idx = indexDataset(ds);
  const list: Person[] = [];
  const byRecord = new Map<string, Person>();
  const add = (p: Person) => {
    list.push(p);
    for (const r of p.records) byRecord.set(refKey(r), p);
  };

  for (const cluster of pupilDuplicates(ds)) {
    const sorted = [...cluster].sort((a, b) => Number(isCurrentPupil(b)) - Number(isCurrentPupil(a)));
    add({ kind: 'pupil', records: sorted.map(pupilRef), current: true });
  }
  for (const p of ds.pupils) if (!byRecord.has(refKey(pupilRef(p)))) add({ kind: 'pupil', records: [pupilRef(p)], current: isCurrentPupil(p) });

  for (const cluster of guardianDuplicates(ds)) add({ kind: 'guardian', records: cluster.map(guardianRef), current: true });
  for (const g of ds.guardians)
    if (!byRecord.has(refKey(guardianRef(g)))) add({ kind: 'guardian', records: [guardianRef(g)], current: idx.legalGuardianIds.has(g.personneId) });

  for (const s of ds.staff) add({ kind: 'staff', records: [staffRef(s)], current: true });

  const people = { list, byRecord };
  cache.set(ds, people);
  return people;
}

/** The ENT accounts the matcher ties to a person (any of its records; ambiguous links left out). */
export function accountsOf(m: MatchResult, p: Person): string[] {
  const out = new Set<string>();
  for (const r of p.records)
    for (const l of m.entOf.get(refKey(r)) ?? []) {
      if (l.decision === 'ambiguous') continue;
      out.add(endOf(l, 'ent').id);
    }
  return [...out].sort();
}

/** The links from a person's records to PRONOTE rows (any decision). */
export function pronoteLinksOf(m: MatchResult, p: Person): Link[] {
  return p.records.map((r) => m.pronoteOf.get(refKey(r))).filter((l): l is Link => !!l);
}

/**
 * The PRONOTE row a person surely has. One record: the row its certain link points at. Several
 * records (a SIECLE duplicate): the matcher hesitates between the records for the one PRONOTE
 * row — a rivalry inside one person, not a doubt — so the row is the single one that all their
 * links and candidates point at, whatever the decision.
 */
export function surePronoteRow(m: MatchResult, p: Person): string | undefined {
  const links = pronoteLinksOf(m, p);
  const rows = new Set<string>();
  for (const l of links) {
    if (p.records.length === 1 && l.decision !== 'certain') continue;
    rows.add(endOf(l, 'pronote').id);
    if (p.records.length > 1) for (const c of l.candidates ?? []) if (c.source === 'pronote') rows.add(c.id);
  }
  return rows.size === 1 ? [...rows][0] : undefined;
}
