// The generator's internal picture of the school: one object per record of each source.
// A real person may have several records (duplicates); records of the same person share `key`.

import type { Level } from './data.js';
import type { TrapCode } from './types.js';

export interface Resolved {
  seed: number;
  pupils: number;
  staff: number;
  anomalies: boolean;
  uai: string;
  schoolYear: number;
  exportDate: string;
  /** Date of the PRONOTE identifier lists: 7 days before the exports. */
  pronoteDate: string;
  schoolName: string;
  schoolShort: string; // e.g. JEAN JAURES
  city: string;
}

export interface Address {
  id: string;
  line1: string;
  line2: string;
  postcode: string;
  city: string;
  insee: string;
}

export interface Guardian {
  key: string;
  id: string; // PERSONNE_ID
  civ: 'M.' | 'MME';
  nom: string; // NOM_DE_FAMILLE
  nomUsage: string; // NOM_USAGE ('' when the same)
  prenom: string;
  telPortable: string;
  telPerso: string;
  mel: string;
  address: Address;
  profession: string;
  /** Absent from the AAF export although current (anomaly). */
  noEnt: boolean;
  /**
   * Account made by hand in the ENT (anomaly): no « Clé de jointure », and the children's rows do
   * not name it. With a namesake, nothing tells the two accounts apart: « à trancher ».
   */
  entManual: boolean;
  /** For a duplicate record: how it differs from the original ('' for an original). */
  dupVariant: string;
  pronoteNom: string | null;
  pronotePrenom: string | null;
}

export interface Link {
  guardian: Guardian;
  level: 1 | 2 | 3; // NIVEAU_RESPONSABILITE
  parente: string; // CODE_PARENTE
  pays: boolean; // PAIE_FRAIS_SCOLAIRES
}

export type PupilStatus = 'current' | 'left' | 'inactive';

export interface Pupil {
  key: string;
  id: string; // ELEVE_ID
  elenoet: string;
  ine: string;
  nom: string;
  nomUsage: string;
  prenom: string;
  prenom2: string;
  prenom3: string;
  sex: 1 | 2;
  birth: string; // ISO, '' when missing (anomaly)
  pays: string;
  dept: string;
  commune: string;
  villeNaiss: string;
  level: Level;
  mef: string; // '' when missing (anomaly)
  division: string; // SIECLE D structure: '' when missing (anomaly), 'Inactifs'
  klass: string; // the class the pupil attends (PRONOTE, ENT)
  groups: string[]; // SIECLE G structures
  options: string[]; // subject keys
  dateEntree: string;
  dateSortie: string;
  regime: string;
  prevSchool: { uai: string; princ: string; compl: string } | null;
  links: Link[];
  status: PupilStatus;
  twin: boolean;
  /** Arrived after the PRONOTE lists were made. */
  newcomer: boolean;
  /** ok: in the AAF; pending: newcomer not yet fed to the ENT; multi: multi-inscription, dropped from the AAF. */
  entState: 'ok' | 'pending' | 'multi';
  /** Leaver / inactive pupil whose ENT account was not removed. */
  entKeep: boolean;
  /** Hand-made duplicate record. */
  handmade: boolean;
  nearName: boolean;
  /** A cousin in another class, born the same day, whose given name is a compound of this one's (or the reverse). */
  cousin: boolean;
  pronoteNom: string | null;
  pronotePrenom: string | null;
  pronoteNoIne: boolean;
  entPrenom: string | null;
  entNom: string | null;
}

export type StaffRole = 'teacher' | 'dir' | 'edu' | 'doc' | 'other' | 'local';

export interface Staff {
  key: string;
  id: string; // INDIVIDU@ID
  type: 'epp' | 'local' | 'dir';
  role: StaffRole;
  sex: '' | '1' | '2';
  civ: '1' | '2' | '3';
  nomUsage: string;
  nomPatro: string;
  prenom: string;
  birth: string;
  grade: string;
  fonction: string; // '' = element absent
  disc: string; // DISCIPLINE@CODE, '' for none
  nbHeures: number;
  pp: string[];
  onLeave: boolean;
  suppleant: boolean;
  replacement: boolean;
  newcomer: boolean;
  noEnt: boolean;
}

export interface Division {
  code: string;
  level: Level;
  index: number;
}

export interface Group {
  code: string;
  label: string;
  subject: string;
  grade: '2' | '1' | 'T';
  divisions: string[]; // DIVISIONS_APPARTENANCE (frozen when the group was made)
  mefs: string[];
  inSts: boolean;
  /** An EDT group STS-web holds under another name (EDT cut it to 8 characters, stripped what STS refuses). */
  stsCode?: string;
}

export interface Service {
  structure: string;
  group: boolean;
  subject: string;
  teachers: Staff[];
}

export interface PronoteRow {
  id: string;
  kind: 'eleve' | 'professeur' | 'responsable';
  key: string;
  civ: string;
  nom: string;
  prenom: string;
  birth: string;
  klass: string;
  ine: string;
  children: string;
  /** Spelled differently from the SIECLE/STS record (accent, hyphen, particle…). */
  variant: boolean;
}

export type EntProfil = 'Eleve' | 'Responsable élève' | 'Enseignant' | 'Personnel';

export interface EntAccount {
  uid: string;
  login: string;
  profil: EntProfil;
  klass: string;
  prenom: string;
  nom: string;
  password: string;
  cle: string;
  source: 'siecle' | 'sts';
  kind: 'pupil' | 'guardian' | 'staff';
  key: string;
  pere: string;
  mere: string;
  tuteur1: string;
  tuteur2: string;
  /** "Identifiant PRONOTE" as written in the file ('' = empty). */
  current: string;
  expected: string | null;
  hidden: string | null;
  trap: TrapCode | null;
  nameVariant: boolean;
}

export interface World {
  o: Resolved;
  divisions: Division[];
  divisionByCode: Map<string, Division>;
  groups: Group[];
  pupils: Pupil[];
  guardians: Guardian[];
  staff: Staff[];
  services: Service[];
  /** Fresh identifiers for records created after the base school (duplicates…). */
  ids: IdSource;
  pronote: PronoteRow[];
  accounts: EntAccount[];
  /** Traps that need the generator's knowledge (pairs chosen on purpose). */
  pairs: { code: TrapCode; keys: string[]; note: string }[];
  /**
   * The ENT creates accounts for « personnes en charge » (NIVEAU_RESPONSABILITE 2: Open ENT NG's
   * `import-person-in-charge` turned on). The sample school's region has it on.
   */
  entInCharge: boolean;
}

export interface IdSource {
  eleve(): string;
  elenoet(): string;
  personne(): string;
  adresse(): string;
  individu(): string;
  ine(): string;
}
