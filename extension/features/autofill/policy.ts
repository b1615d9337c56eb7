/**
 * What the autofill may do on a record page: a pure decision, tested on its own. The rule is
 * « never a wrong identifier »: fill only a certain or admin-confirmed link, for the person the
 * page shows, in the row of the plan's school; ambiguous → candidates, nothing filled; a different
 * value already there → flagged, replaced only after the admin confirms. One person entered twice
 * in SIECLE (two accounts, one PRONOTE row): each account gets the same ID, after one confirmation.
 * A person the admin chose (the page said too little) is filled only after the same confirmation.
 */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import { findPerson, onePerson, usableId, type PlanIndex, type Refusal } from '../../lib/people';
import type { PronoteSlot, RecordPage } from '../../portals/types';

/** `sameAs`: the other records of this person (a SIECLE duplicate), whose accounts get the same ID. */
interface Identified {
  person: BridgePerson;
  by: Identification;
  sameAs?: BridgePerson[];
}

export type FillDecision =
  | { kind: 'no-plan' }
  /** `empty`: the page shows neither a name nor a login. */
  | { kind: 'unknown-person'; empty: boolean }
  | { kind: 'several-people'; people: BridgePerson[] }
  | { kind: 'refused'; person: BridgePerson; reason: Refusal; by: Identification }
  | ({ kind: 'no-slot'; expected: string } & Identified)
  | ({ kind: 'other-school'; expected: string; schools: string[] } & Identified)
  | ({ kind: 'ok'; expected: string; slot: PronoteSlot } & Identified)
  /** Empty field. `confirm`: recognised by name only, chosen by the admin, or a SIECLE duplicate: the admin confirms first. */
  | ({ kind: 'fill'; expected: string; slot: PronoteSlot; confirm: boolean } & Identified)
  | ({ kind: 'conflict'; expected: string; slot: PronoteSlot; current: string } & Identified);

/** How the person was found: `choice` = the admin picked them in the panel (the page said too little). */
export type Identification = 'login' | 'name-birth' | 'name' | 'choice';

const isEmpty = (id: RecordPage['identity']) => !id.login?.trim() && !id.family?.trim() && !id.given?.trim() && !id.displayName?.trim();

/** `chosen`: the person the admin picked for this page; it replaces the page's identification. */
export function decideFill(index: PlanIndex | null, record: RecordPage, designated?: PronoteSlot, chosen?: BridgePerson): FillDecision {
  if (!index) return { kind: 'no-plan' };
  let person: BridgePerson;
  let by: Identification;
  if (chosen) [person, by] = [chosen, 'choice'];
  else {
    const match = findPerson(index, record.identity);
    if (match.kind === 'none') return { kind: 'unknown-person', empty: isEmpty(record.identity) };
    // Several records of one person (a SIECLE duplicate) found by name: one ID for all, still confirmed.
    if (match.kind === 'several' && onePerson(match.people)) [person, by] = [match.people[0]!, 'name'];
    else if (match.kind === 'several') return { kind: 'several-people', people: match.people };
    else [person, by] = [match.person, match.by];
  }
  const usable = usableId(index, person);
  if ('refused' in usable) return { kind: 'refused', person, reason: usable.refused, by };
  const expected = usable.id;
  const sameAs = usable.sameAs;

  const uai = index.plan.school.uai.toUpperCase();
  const ours = record.slots.filter((s) => s.uai?.toUpperCase() === uai);
  const who: Identified = sameAs ? { person, by, sameAs } : { person, by };
  let slot: PronoteSlot | undefined;
  if (ours.length === 1) slot = ours[0];
  else if (ours.length > 1) return { kind: 'no-slot', expected, ...who };
  else if (record.slots.length) return { kind: 'other-school', expected, schools: record.slots.map((s) => s.schoolLabel), ...who };
  else slot = designated;
  if (!slot) return { kind: 'no-slot', expected, ...who };

  const current = slot.current.trim();
  if (current === expected) return { kind: 'ok', expected, slot, ...who };
  if (current) return { kind: 'conflict', expected, slot, current, ...who };
  return { kind: 'fill', expected, slot, confirm: by === 'name' || by === 'choice' || !!sameAs, ...who };
}
