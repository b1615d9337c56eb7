/**
 * What the autofill may do on a record page: a pure decision, tested on its own. The rule is
 * « never a wrong identifier »: fill only a certain or admin-confirmed link, for the person the
 * page shows, in the row of the plan's school; ambiguous → candidates, nothing filled; a different
 * value already there → flagged, replaced only after the admin confirms.
 */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import { findPerson, usableId, type PlanIndex } from '../../lib/people';
import type { PronoteSlot, RecordPage } from '../../portals/types';

export type FillDecision =
  | { kind: 'no-plan' }
  | { kind: 'unknown-person' }
  | { kind: 'several-people'; people: BridgePerson[] }
  | { kind: 'refused'; person: BridgePerson; reason: 'ambiguous' | 'unconfirmed' | 'no-id' | 'shared' }
  | { kind: 'no-slot'; person: BridgePerson; expected: string; by: Identification }
  | { kind: 'other-school'; person: BridgePerson; expected: string; schools: string[] }
  | { kind: 'ok'; person: BridgePerson; expected: string; slot: PronoteSlot; by: Identification }
  /** Empty field. `confirm`: the person was recognised by name only, the admin confirms first. */
  | { kind: 'fill'; person: BridgePerson; expected: string; slot: PronoteSlot; by: Identification; confirm: boolean }
  | { kind: 'conflict'; person: BridgePerson; expected: string; slot: PronoteSlot; current: string; by: Identification };

export type Identification = 'login' | 'name-birth' | 'name';

export function decideFill(index: PlanIndex | null, record: RecordPage, designated?: PronoteSlot): FillDecision {
  if (!index) return { kind: 'no-plan' };
  const match = findPerson(index, record.identity);
  if (match.kind === 'none') return { kind: 'unknown-person' };
  if (match.kind === 'several') return { kind: 'several-people', people: match.people };
  const { person, by } = match;
  const usable = usableId(index, person);
  if ('refused' in usable) return { kind: 'refused', person, reason: usable.refused };
  const expected = usable.id;

  const uai = index.plan.school.uai.toUpperCase();
  const ours = record.slots.filter((s) => s.uai?.toUpperCase() === uai);
  let slot: PronoteSlot | undefined;
  if (ours.length === 1) slot = ours[0];
  else if (ours.length > 1) return { kind: 'no-slot', person, expected, by };
  else if (record.slots.length) return { kind: 'other-school', person, expected, schools: record.slots.map((s) => s.schoolLabel) };
  else slot = designated;
  if (!slot) return { kind: 'no-slot', person, expected, by };

  const current = slot.current.trim();
  if (current === expected) return { kind: 'ok', person, expected, slot, by };
  if (current) return { kind: 'conflict', person, expected, slot, current, by };
  return { kind: 'fill', person, expected, slot, by, confirm: by === 'name' };
}
