/**
 * Guardian levels, one model for every rule: SIECLE's NIVEAU_RESPONSABILITE (since 2018) or the old
 * RESP_LEGAL (formats.md §1.4). Level 1 is the « responsable légal », level 2 the « personne en
 * charge » (a grandparent, a host family), 3 and above a « contact ». Old files: RESP_LEGAL 1/2 is
 * legal, 0 a contact (the old model did not tell « en charge » apart).
 *
 * Which levels get an ENT account depends on the ENT (refresh-2026-12.md Q1.1): Open ENT NG's AAF
 * feeder creates parent accounts for legal guardians, for « en charge » only where the region
 * turned `import-person-in-charge` on, and never for contacts. The admin says which (a setting), or
 * the ENT export shows it: an account owned by a guardian who is only « en charge ».
 */
import type { GuardianLink } from './types.js';

export type GuardianLevel = 'legal' | 'in-charge' | 'contact';

/** The admins' words, for every finding that names a guardian. */
export const GUARDIAN_LEVEL_FR: Record<GuardianLevel, string> = {
  legal: 'responsable légal',
  'in-charge': 'personne en charge',
  contact: 'contact',
};

const RANK: Record<GuardianLevel, number> = { legal: 0, 'in-charge': 1, contact: 2 };

/** The level of one pupil–guardian link. */
export function linkLevel(l: Pick<GuardianLink, 'level' | 'legal'>): GuardianLevel {
  if (l.level === undefined) return l.legal ? 'legal' : 'contact';
  return l.level === 1 ? 'legal' : l.level === 2 ? 'in-charge' : 'contact';
}

/** The stronger of two levels (legal before en charge before contact); `undefined` is none. */
export function strongerLevel(a: GuardianLevel | undefined, b: GuardianLevel | undefined): GuardianLevel | undefined {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] <= RANK[b] ? a : b;
}

/** « responsable légal », « personne en charge », « contact », capitalised for the start of a line. */
export function levelLabel(level: GuardianLevel, capital = false): string {
  const s = GUARDIAN_LEVEL_FR[level];
  return capital ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Which guardian levels the ENT creates accounts for, and who says so. */
export interface GuardianAccountPolicy {
  /** The ENT creates accounts for « personnes en charge » (ENT NG `import-person-in-charge`). */
  inCharge: boolean;
  /** `admin`: the admin's setting; `ent-export`: seen (or not) in the ENT export. */
  source: 'admin' | 'ent-export';
}

/** Does the ENT create an account for a guardian of this level? Legal: always; contact: never. */
export function entCreatesAccount(level: GuardianLevel | undefined, policy: GuardianAccountPolicy): boolean {
  return level === 'legal' || (level === 'in-charge' && policy.inCharge);
}

/**
 * The policy: the admin's setting when given; else « en charge » accounts are created when the
 * ENT export holds at least one guardian account whose owner is « en charge » and nothing more
 * (`ownerLevels`: the level of each guardian account's owner, as far as it is known).
 */
export function guardianAccountPolicy(setting: boolean | undefined, ownerLevels: Iterable<GuardianLevel | undefined>): GuardianAccountPolicy {
  if (setting !== undefined) return { inCharge: setting, source: 'admin' };
  for (const l of ownerLevels) if (l === 'in-charge') return { inCharge: true, source: 'ent-export' };
  return { inCharge: false, source: 'ent-export' };
}

/** French, for a finding: why « en charge » people are (or are not) expected in the ENT. */
export function policyNote(p: GuardianAccountPolicy): string {
  if (p.source === 'admin')
    return p.inCharge
      ? "l'ENT crée les comptes des personnes en charge (réglage de l'administrateur)"
      : "l'ENT ne crée pas de compte aux personnes en charge (réglage de l'administrateur)";
  return p.inCharge
    ? "l'export ENT contient des comptes de personnes en charge : l'ENT en crée (option import-person-in-charge)"
    : "l'export ENT ne contient aucun compte de personne en charge : l'ENT n'en crée pas (réglage par défaut de l'AAF)";
}
