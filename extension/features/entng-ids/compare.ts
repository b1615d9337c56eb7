/**
 * Expected vs current PRONOTE ID (IDPN) of an Open ENT NG account, and the fix in the admin's
 * words. The console cannot edit IDPN: the timetable (EDT/PRONOTE) import writes it, matching
 * people by name within the school, and only when no other account holds that IDPN already.
 */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import { findPerson, usableId, type PlanIndex, type Refusal } from '../../lib/people';
import { idpnValue, type EntngDirectoryUser } from '../../portals/entng';

export const FIX_IMPORT =
  "Correction : la console ne permet pas de saisir l'identifiant PRONOTE, il vient de l'import de l'emploi du temps. " +
  'Vérifiez que la personne figure dans EDT/PRONOTE sous les mêmes nom et prénom, puis relancez l’import (Gestion > Flux groupes d’enseignement).';

export type IdpnStatus =
  | { kind: 'unknown-person' }
  | { kind: 'several-people'; people: BridgePerson[] }
  | { kind: 'refused'; person: BridgePerson; reason: Refusal }
  /** `sameAs`: the other records of this person (a SIECLE duplicate), see usableId. */
  | { kind: 'ok'; person: BridgePerson; expected: string; current: string; sameAs?: BridgePerson[] }
  | { kind: 'missing'; person: BridgePerson; expected: string; holder?: EntngDirectoryUser; sameAs?: BridgePerson[] }
  | { kind: 'different'; person: BridgePerson; expected: string; current: string; holder?: EntngDirectoryUser; sameAs?: BridgePerson[] };

export function compareIdpn(index: PlanIndex, user: EntngDirectoryUser, all: EntngDirectoryUser[]): IdpnStatus {
  const match = findPerson(index, { login: user.login ?? undefined, family: user.lastName, given: user.firstName });
  if (match.kind === 'none') return { kind: 'unknown-person' };
  if (match.kind === 'several') return { kind: 'several-people', people: match.people };
  const { person } = match;
  // Only a login match identifies an ENT account; a name match is not enough to judge its IDPN.
  if (match.by !== 'login') return { kind: 'unknown-person' };
  const usable = usableId(index, person);
  if ('refused' in usable) return { kind: 'refused', person, reason: usable.refused };
  const expected = usable.id;
  const more = usable.sameAs ? { sameAs: usable.sameAs } : {};
  const current = idpnValue(user.IDPN);
  if (current === expected) return { kind: 'ok', person, expected, current, ...more };
  // Neo4j keeps IDPN unique: another account holding it blocks the import.
  const holder = all.find((u) => u.id !== user.id && idpnValue(u.IDPN) === expected);
  if (!current) return { kind: 'missing', person, expected, holder, ...more };
  return { kind: 'different', person, expected, current, holder, ...more };
}

/**
 * One person entered twice in SIECLE, on Open ENT NG: an IDPN is held by one account only, so
 * « the same ID on both accounts » cannot be done here; the console's own duplicate tools can
 * (section « Doublon(s) » of the record). Raccord explains and never merges.
 */
export function sameAsFix(holderIsTwin: boolean): string {
  return (
    (holderIsTwin ? 'L’autre compte de cette personne porte déjà l’identifiant. ' : '') +
    'Dans Open ENT NG, un identifiant PRONOTE ne peut être porté que par un seul compte : traitez le doublon dans la console (fiche de la personne, section « Doublon(s) » : « Comparer », puis « Fusionner » seulement si c’est bien la même personne), ou supprimez le doublon dans SIECLE en début d’année.'
  );
}

export function holderFix(holder: EntngDirectoryUser): string {
  return `Un autre compte (${holder.lastName ?? ''} ${holder.firstName ?? ''}, ${holder.login ?? holder.id}) porte déjà cet identifiant : l'import ne peut pas l'attribuer. Résolvez ce doublon (fusion ou suppression du compte en trop), puis relancez l'import.`;
}
