// Public types of the sample-school generator and of its ground truth (see README.md in this folder).

export interface SampleOptions {
  /** PRNG seed (default 1). Same options → byte-identical files and truth. */
  seed?: number;
  /** Current pupils (default 2500). Leavers and hand-made duplicates come on top. */
  pupils?: number;
  /** Staff in STS (default 180; when only `pupils` is given: 180 × pupils / 2500, at least 30). */
  staff?: number;
  /** Inject the anomalies and traps (default true); false = a clean school. */
  anomalies?: boolean;
  /** School UAI/RNE (default '0310040A'). */
  uai?: string;
  /** Start year of the school year (default 2025 = 2025-2026). */
  schoolYear?: number;
  /** Date of the SIECLE/STS/ENT exports, ISO (default '<schoolYear>-09-12'). The PRONOTE lists are 7 days older. */
  exportDate?: string;
}

export interface SampleFile {
  name: string;
  bytes: Uint8Array;
}

export interface SampleSchool {
  files: SampleFile[];
  truth: SampleTruth;
}

export type SubjectSource = 'siecle' | 'sts' | 'pronote' | 'ent';
export type SubjectKind = 'pupil' | 'guardian' | 'staff' | 'group' | 'account' | 'row';

/**
 * What an anomaly or trap is about. `id` is: SIECLE pupil ELEVE_ID, guardian PERSONNE_ID, STS INDIVIDU@ID,
 * group/division code, ENT account login, PRONOTE row ID.
 */
export interface TruthSubject {
  source: SubjectSource;
  kind: SubjectKind;
  id: string;
}

export const ANOMALY_CODES = [
  'siecle.pupil-incomplete',
  'siecle.pupil-duplicate',
  'siecle.guardian-duplicate',
  'groups.stale-membership',
  'groups.unknown-group',
  'groups.invalid-name',
  'sts.teacher-without-service',
  'ent.account-missing',
  'ent.account-orphan',
  'pronote.not-in-pronote',
  'pronote.shared-id',
  'pronote.id-conflict',
  'match.ambiguous',
] as const;
export type AnomalyCode = (typeof ANOMALY_CODES)[number];

export interface TruthAnomaly {
  code: AnomalyCode;
  subjects: TruthSubject[];
  note: string;
}

export const TRAP_CODES = [
  // expected PRONOTE ID is null:
  'homonym-indistinguishable', // two PRONOTE rows nothing in the files can tell apart (match.ambiguous)
  'near-name-different-person', // one-letter given-name difference, other class: NOT the same person
  'leaver', // account of a pupil with DATE_SORTIE (orphan)
  'inactive', // account of a pupil in division "Inactifs" (orphan)
  'guardian-not-current', // account of a guardian with no current pupil (orphan)
  'not-in-pronote', // current person who has no PRONOTE row (newcomer…)
  'personnel-no-idpn', // non-teaching staff: PRONOTE gives no usable ID to "Personnel"
  // expected PRONOTE ID is set, but a naive matcher gets it wrong:
  'duplicate-record', // the person has two SIECLE records → two ENT accounts, one PRONOTE row
  'same-name-same-birthdate', // another PRONOTE pupil row has the same normalised name and birth date (other class)
  'twin', // twin sibling: same family name, birth date and class, other given name
  'homonym', // another person of the same kind has the same normalised full name
  'same-name-guardian', // another guardian has the same name (different children)
  'near-name-other-class', // a cousin born the same day in another class, given name a compound of this one: join key + name + class settle it
  'guardian-in-charge', // a « personne en charge » (NIVEAU_RESPONSABILITE 2) with an ENT account and a PRONOTE row: not an orphan, not a contact
  'name-variant', // PRONOTE (or ENT) spells the name differently: accent, hyphen, particle, apostrophe, œ
  'usage-name', // NOM_USAGE ≠ NOM_DE_FAMILLE; PRONOTE and the ENT show the usage name
  'on-leave-with-service', // STS person without FONCTION (leave) still referenced by a SERVICE
] as const;
export type TrapCode = (typeof TRAP_CODES)[number];

export interface TruthTrap {
  code: TrapCode;
  subjects: TruthSubject[];
  note: string;
}

/** What the ENT account identified by its login should carry. */
export interface TruthAssignment {
  /** The PRONOTE ID this account should carry; null = leave empty (no PRONOTE row, or not knowable: see `trap`). */
  pronoteId: string | null;
  /** The value the ENT file currently carries in "Identifiant PRONOTE" (null when empty). */
  current: string | null;
  /** The record this account belongs to (its "Clé de jointure"). */
  person: { source: 'siecle' | 'sts'; id: string };
  profil: string;
  /** Why this account is hard (highest-priority trap; see TRAP_CODES). */
  trap?: TrapCode;
  /** Only with trap 'homonym-indistinguishable': the real PRONOTE ID, which the files do not reveal. */
  hidden?: string;
}

export type PersonStatus =
  | 'current' // pupil: no DATE_SORTIE, not "Inactifs"; guardian: legal guardian of a current pupil; staff: in STS
  | 'left' // pupil with DATE_SORTIE
  | 'inactive' // pupil in division "Inactifs"
  | 'former' // guardian only of leavers / inactive pupils
  | 'in-charge' // guardian « en charge » (NIVEAU_RESPONSABILITE 2) of a current pupil, legal guardian of none: in PRONOTE, and in the ENT when it makes their accounts
  | 'contact'; // guardian with NIVEAU_RESPONSABILITE 3 only (not expected in the ENT nor in PRONOTE)

/** One real person, with every record that represents them in each source. */
export interface TruthPerson {
  /** Stable key of the human (not an identifier of any source). */
  key: string;
  kind: 'pupil' | 'guardian' | 'staff';
  status: PersonStatus;
  /** "NOM Prénom" as in SIECLE (NOM_USAGE || NOM_DE_FAMILLE) or STS (NOM_USAGE). */
  name: string;
  /** ELEVE_IDs (pupils) or PERSONNE_IDs (guardians); two for a duplicate, [] for staff. */
  siecle: string[];
  /** STS INDIVIDU@ID (staff), else null. */
  sts: string | null;
  /** This person's PRONOTE row ID, null when PRONOTE has no row for them. */
  pronote: string | null;
  /** ENT logins of this person (two for a duplicate). */
  ent: string[];
  /** Pupils: their class as PRONOTE and the ENT show it (absent when SIECLE has no D structure). */
  division?: string;
  /** Guardians: ELEVE_IDs of the pupils they are linked to (any level). */
  children?: string[];
  /** e.g. 'newcomer', 'incomplete:no-mef', 'twin', 'multi-inscription', 'on-leave', 'suppleant', 'replacement'. */
  flags?: string[];
}

export interface TruthCounts {
  pupilsCurrent: number;
  pupilsLeft: number;
  pupilsInactive: number;
  pupilRecords: number;
  guardiansCurrent: number;
  guardianRecords: number;
  staff: number;
  teachers: number;
  divisions: number;
  groupsSiecle: number;
  groupsSts: number;
  pronoteRows: { eleves: number; professeurs: number; responsables: number };
  entAccounts: Record<string, number>;
  anomalies: Partial<Record<AnomalyCode, number>>;
  traps: Partial<Record<TrapCode, number>>;
}

export interface TruthFileInfo {
  name: string;
  kind: 'siecle' | 'siecle-zip' | 'sts' | 'pronote-ids' | 'ent-accounts' | 'index-education';
  encoding: string;
  bytes: number;
}

export interface SampleTruth {
  format: 'raccord-sample-truth';
  version: 1;
  options: Required<SampleOptions>;
  school: { uai: string; name: string; city: string; schoolYear: number; exportDate: string; pronoteExportDate: string };
  files: TruthFileInfo[];
  people: { counts: TruthCounts; list: TruthPerson[] };
  /** Keyed by ENT login: one entry per row of the ENT file. */
  assignments: Record<string, TruthAssignment>;
  anomalies: TruthAnomaly[];
  traps: TruthTrap[];
}
