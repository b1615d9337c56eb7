/**
 * Raccord's normalised model. Every parser produces these records; the matcher, the checks,
 * the exporters, the app and the extension consume them. One source of truth for the shapes
 * and the codes.
 *
 * Records are per source (a SIECLE pupil, an STS person, a PRONOTE row, an ENT account): the
 * matcher links them into people. Each record keeps its provenance so every message can point
 * at the file and the position it came from.
 */

/** The systems the files come from. */
export type Source = 'siecle' | 'sts' | 'pronote' | 'ent';

/** What a file is, detected from its content (root element, header row), never its name. */
export type FileKind =
  | 'siecle-eleves'
  | 'siecle-responsables'
  | 'siecle-nomenclature'
  | 'siecle-structures'
  | 'siecle-communs'
  | 'sts-emp'
  | 'pronote-ids'
  | 'ent-accounts'
  | 'index-education-encrypted'
  | 'unknown';

export const FILE_KIND_SOURCE: Record<FileKind, Source | null> = {
  'siecle-eleves': 'siecle',
  'siecle-responsables': 'siecle',
  'siecle-nomenclature': 'siecle',
  'siecle-structures': 'siecle',
  'siecle-communs': 'siecle',
  'sts-emp': 'sts',
  'pronote-ids': 'pronote',
  'ent-accounts': 'ent',
  'index-education-encrypted': null,
  unknown: null,
};

/** French label of each kind, for the admin. */
export const FILE_KIND_LABEL: Record<FileKind, string> = {
  'siecle-eleves': 'SIECLE – élèves',
  'siecle-responsables': 'SIECLE – responsables',
  'siecle-nomenclature': 'SIECLE – nomenclatures',
  'siecle-structures': 'SIECLE – structures',
  'siecle-communs': 'SIECLE – communs',
  'sts-emp': 'STS-web – emploi du temps (sts_emp)',
  'pronote-ids': 'PRONOTE – liste des identifiants',
  'ent-accounts': "ENT – comptes et identifiants",
  'index-education-encrypted': 'Export chiffré Index Éducation',
  unknown: 'Fichier non reconnu',
};

/** Where a record came from: the file and its 1-based position (record number, or CSV line). */
export interface Provenance {
  file: string;
  /** 1-based index of the record in its list (XML) or line number (CSV, header = line 1). */
  position: number;
}

export type Sex = 'M' | 'F';

/** A person's name as written in the source, plus the family name to show. */
export interface PersonName {
  /** NOM_DE_FAMILLE (or legacy NOM, or NOM_PATRONYMIQUE for STS). */
  family: string;
  /** NOM_USAGE when given and different. */
  usage?: string;
  /** First given name (PRENOM). */
  given: string;
  /** PRENOM2, PRENOM3… */
  otherGiven?: string[];
}

/** NOM_USAGE || NOM_DE_FAMILLE, as formats.md §1.3 rule 5 says to display. */
export function displayFamily(n: PersonName): string {
  return n.usage && n.usage.trim() ? n.usage : n.family;
}

export function displayName(n: PersonName): string {
  return `${displayFamily(n).toUpperCase()} ${n.given}`.trim();
}

// ───────────────────────────── SIECLE ─────────────────────────────

export interface SieclePupil {
  eleveId: string;
  elenoet?: string;
  /** ID_NATIONAL (falls back to INE_RNIE). */
  ine?: string;
  ineBea?: string;
  ineRnie?: string;
  name: PersonName;
  /** ISO YYYY-MM-DD. */
  birthDate?: string;
  sex?: Sex;
  birthCountryCode?: string;
  birthDepartment?: string;
  birthInseeCode?: string;
  birthCity?: string;
  mef?: string;
  status?: string;
  entryDate?: string;
  /** ISO date; set ⇒ see `left`. */
  leaveDate?: string;
  /** True when DATE_SORTIE is on or before the export date (a future date means still enrolled). */
  left: boolean;
  /** Current division (class) code, from the TYPE_STRUCTURE D structure, `Inactifs` excluded. */
  division?: string;
  /** True when the only D structure is `Inactifs`. */
  inactive?: boolean;
  /** Group codes (TYPE_STRUCTURE G). */
  groups: string[];
  /** Subject codes of the pupil's options (CODE_MATIERE). */
  options: string[];
  email?: string;
  provenance: Provenance;
}

export interface PostalAddress {
  lines: string[];
  postcode?: string;
  city?: string;
  country?: string;
}

export interface SiecleGuardian {
  personneId: string;
  name: PersonName;
  civility?: 'M.' | 'MME';
  sex?: Sex;
  phoneHome?: string;
  phoneMobile?: string;
  phoneWork?: string;
  email?: string;
  addressId?: string;
  address?: PostalAddress;
  provenance: Provenance;
}

export interface GuardianLink {
  eleveId: string;
  personneId: string;
  /** Old model: RESP_LEGAL 0 | 1 | 2. */
  respLegal?: number;
  /** New model (2018): NIVEAU_RESPONSABILITE 1 legal, 2 in charge, 3 contact. */
  level?: number;
  /** CODE_PARENTE, 2 digits. */
  relationCode?: string;
  paysFees?: boolean;
  /** Legal guardian (RESP_LEGAL 1/2 or NIVEAU_RESPONSABILITE 1). */
  legal: boolean;
  /** 1 or 2 for legal guardians (numbered as GEPI does when the new model is used). */
  legalRank?: 1 | 2;
  provenance: Provenance;
}

export interface Subject {
  code: string;
  shortCode?: string;
  shortLabel?: string;
  longLabel?: string;
}

export interface Mef {
  code: string;
  formation?: string;
  longLabel?: string;
}

export interface SiecleDivision {
  code: string;
  label?: string;
  mefs: string[];
}

export interface SiecleGroup {
  code: string;
  label?: string;
  mefs: string[];
  divisions: string[];
}

export interface SchoolInfo {
  uai: string;
  name?: string;
  /** LIGNE1…4_ADRESSE (and `BP …`), non-empty lines. */
  addressLines?: string[];
  city?: string;
  postcode?: string;
  /** CODE_COMMUNE_INSEE of the school's town (Communs.xml gives no town name for French schools). */
  inseeCode?: string;
  schoolYearStart?: string;
  schoolYearEnd?: string;
}

// ───────────────────────────── STS-web ─────────────────────────────

export type StsPersonType = 'epp' | 'local' | 'dir' | 'eppsup' | string;

export interface StsPerson {
  /** INDIVIDU@ID (opaque, not stable across years). */
  id: string;
  type: StsPersonType;
  name: PersonName;
  sex?: Sex;
  civility?: string;
  birthDate?: string;
  grade?: string;
  /** FONCTION: ENS, DIR, EDU, FIJ… (absent for `local` people and people on leave). */
  function?: string;
  /** Counted as a teacher: FONCTION ENS, or `local` without FONCTION (SACoche), or referenced by a service. */
  teacher: boolean;
  /** From SUPPLEANTS. */
  substitute?: boolean;
  principalOf: { division: string; until?: string }[];
  disciplines: { code: string; label?: string; hours?: string }[];
  provenance: Provenance;
}

export interface StsService {
  subjectCode: string;
  modality?: string;
  teacherIds: string[];
}

export interface StsDivision {
  code: string;
  label?: string;
  mefs: string[];
  services: StsService[];
}

export interface StsGroup {
  code: string;
  label?: string;
  divisions: string[];
  mefs: string[];
  services: StsService[];
}

// ───────────────────────────── PRONOTE ─────────────────────────────

export type PronoteProfile = 'pupil' | 'teacher' | 'staff' | 'guardian';

export const PRONOTE_PROFILE_FR: Record<PronoteProfile, string> = {
  pupil: 'élève',
  guardian: 'responsable',
  teacher: 'professeur',
  staff: 'personnel',
};

/**
 * How a PRONOTE list's kind was decided, in this order: a profile column, the admin's declaration,
 * columns that only one list has (children, class with birth dates), the names it holds (found
 * among SIECLE/STS-web people), the file name. `undecided`: the admin must say.
 */
export interface PronoteListKind {
  decidedBy: 'column' | 'admin' | 'columns' | 'content' | 'file-name' | 'undecided';
  /** The list's profile; absent when the rows carry their own (column) or nobody could tell. */
  profile?: PronoteProfile;
  /** What the file name alone says, kept so that the content step can compare. */
  fileNameProfile?: PronoteProfile;
  /** The content figures, when the content step ran: rows with a name, and how many were found per kind. */
  content?: { rows: number; found: Record<PronoteProfile, number> };
}

export interface PronoteChildRef {
  family: string;
  given: string;
  division?: string;
  raw: string;
}

export interface PronoteRow {
  pronoteId: string;
  profile: PronoteProfile;
  name: PersonName;
  birthDate?: string;
  division?: string;
  ine?: string;
  children: PronoteChildRef[];
  provenance: Provenance;
}

// ───────────────────────────── ENT ─────────────────────────────

export type EntProfile = 'pupil' | 'guardian' | 'teacher' | 'staff' | 'other';

/** A child an ENT export names for a guardian account: SIECLE id and/or name, as written. */
export interface EntChildRef {
  /** SIECLE ELEVE_ID (ProEPS parents export). */
  joinKey?: string;
  family?: string;
  given?: string;
  raw: string;
}

export interface EntAccount {
  login: string;
  /** SSO UID / externalId, when the layout has one. */
  uid?: string;
  profile: EntProfile;
  /** The profile label as written in the file. */
  rawProfile?: string;
  name: PersonName;
  division?: string;
  /** Initial password; absent when the file has none. Never printed when `passwordChanged`. */
  password?: string;
  /** The password starts with `{SHA}`: the owner changed it; it cannot be handed out. */
  passwordChanged: boolean;
  activationCode?: string;
  /** SIECLE join key (ELEVE_ID / PERSONNE_ID) or STS id for staff. */
  joinKey?: string;
  /** UIDs of the guardians (père, mère, tuteur 1, tuteur 2). */
  guardianUids: string[];
  /** The PRONOTE ID the ENT currently carries for this account, when the export shows it. */
  pronoteId?: string;
  birthDate?: string;
  uai?: string;
  /** Guardian accounts: the children the export names, when it does. */
  children?: EntChildRef[];
  provenance: Provenance;
}

// ───────────────────────────── Files ─────────────────────────────

export interface ParseWarning {
  code: string;
  /** French, names the record (INE, name, id) and what to do. */
  message: string;
  position?: number;
}

export interface EncryptedEnvelope {
  /** VERSION of the envelope. */
  version?: string;
  /** LOGICIEL: EDT, PRONOTE… */
  software?: string;
  dateTime?: string;
  uai?: string;
  schoolName?: string;
  partners: string[];
}

/** The data each kind carries. */
export interface ParsedData {
  pupils?: SieclePupil[];
  guardians?: SiecleGuardian[];
  guardianLinks?: GuardianLink[];
  subjects?: Subject[];
  mefs?: Mef[];
  siecleDivisions?: SiecleDivision[];
  siecleGroups?: SiecleGroup[];
  school?: SchoolInfo;
  staff?: StsPerson[];
  stsDivisions?: StsDivision[];
  stsGroups?: StsGroup[];
  pronoteRows?: PronoteRow[];
  entAccounts?: EntAccount[];
  envelope?: EncryptedEnvelope;
}

export interface FileCounts {
  pupils: number;
  pupilsCurrent: number;
  guardians: number;
  guardiansCurrent: number;
  staff: number;
  teachers: number;
  divisions: number;
  groups: number;
  pronoteRows: number;
  entAccounts: number;
  /** Nomenclature entries (subjects, MEF): absent from counts stored by older versions. */
  subjects?: number;
  mefs?: number;
}

/** One parsed input file (a zip gives one per entry, its path `archive.zip/inner.xml`). */
export interface ParsedFile {
  path: string;
  kind: FileKind;
  /** The encoding the bytes were decoded with, e.g. ISO-8859-15, UTF-8, UTF-16LE, windows-1252. */
  encoding?: string;
  uai?: string;
  /** Start year of the school year: 2025 = 2025-2026. */
  schoolYear?: number;
  /** ISO date (or date-time) of the export. */
  exportDate?: string;
  /** For tabular files: the layout recognised (e.g. `ent-identifiants-13`, `kosmos`, `opentent-sacoche`). */
  layout?: string;
  byteLength: number;
  /** FNV-1a of the bytes: the same export met twice (a zip and its XML) is read once. */
  fingerprint?: string;
  data: ParsedData;
  warnings: ParseWarning[];
  /** For a PRONOTE list: which list it is and what decided it (column, admin, content, file name). */
  pronoteList?: PronoteListKind;
  /** Set when the file is refused; `data` is then empty (a PRONOTE list « à indiquer » keeps its rows). */
  error: import('../util/errors.js').RaccordErrorInfo | null;
}
