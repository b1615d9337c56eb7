/**
 * What the rules share: the dataset indexed once per check run (who is current, who is linked
 * to whom), subject references with their French labels, the ENT/PRONOTE ends of the matcher's
 * links, and the portal procedures several rules quote.
 */
import type { SchoolDataset } from '../model/dataset.js';
import {
  displayName,
  type EntAccount,
  type EntProfile,
  type GuardianLink,
  type PronoteProfile,
  type PronoteRow,
  type SiecleGuardian,
  type SieclePupil,
  type StsPerson,
} from '../model/types.js';
import { frDate } from '../model/dates.js';
import { GUARDIAN_LEVEL_FR, linkLevel, strongerLevel, type GuardianLevel } from '../model/guardians.js';
import type { Finding, Link, MatchResult, Severity, SubjectRef } from '../match/types.js';

/**
 * What a rule returns. `runChecks` fills code, title, severity, fix and key; a rule may give one
 * finding its own severity (a recent arrival is `info`) or its own fix (per profile).
 */
export type { RawFinding } from './types.js';

/** Leavers (`left`) and pupils whose only division is `Inactifs` are not current. */
export function isCurrentPupil(p: SieclePupil): boolean {
  return !p.left && !p.inactive;
}

/**
 * A teacher, for the ENT and PRONOTE: FONCTION ENS, or referenced by a service (a teacher on leave
 * has no FONCTION but keeps services). A `local` person with neither is not taken for one.
 */
export function isTeacher(idx: DatasetIndex, s: StsPerson): boolean {
  return (s.function ?? '').trim().toUpperCase() === 'ENS' || idx.staffWithService.has(s.id);
}

export interface DatasetIndex {
  pupilById: Map<string, SieclePupil>;
  currentPupils: SieclePupil[];
  guardianById: Map<string, SiecleGuardian>;
  linksByPupil: Map<string, GuardianLink[]>;
  linksByGuardian: Map<string, GuardianLink[]>;
  /** PERSONNE_IDs that are legal guardians of a current pupil. */
  legalGuardianIds: Set<string>;
  /** PERSONNE_ID → the guardian's strongest level towards a current pupil (absent: linked to none). */
  guardianLevelById: Map<string, GuardianLevel>;
  /** PERSONNE_ID → the strongest level over all the guardian's links (pupils who left included). */
  guardianLevelEverById: Map<string, GuardianLevel>;
  staffById: Map<string, StsPerson>;
  /** STS INDIVIDU@IDs named in at least one service. */
  staffWithService: Set<string>;
  accountByLogin: Map<string, EntAccount>;
  pronoteById: Map<string, PronoteRow>;
  /** What was loaded: a rule says nothing about a source it has not seen. */
  has: {
    pupils: boolean;
    /** A responsables file was read (so a pupil with no guardian really has none). */
    guardians: boolean;
    sts: boolean;
    ent: boolean;
    entProfiles: Set<EntProfile>;
    pronote: boolean;
    pronoteProfiles: Set<PronoteProfile>;
  };
}

/** Appends `v` to the list under `k`, creating the list on first use. */
export function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Adds `v` to the list under `k` unless it is there already (lists stay short: cheaper than a Set each). */
export function addUnique<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
}

/** Notes that `k` goes with `v`: the map holds the one value seen for `k`, or null once `k` has had two. */
export function noteSole<K, V>(m: Map<K, V | null>, k: K, v: V): void {
  const seen = m.get(k);
  if (seen === undefined) m.set(k, v);
  else if (seen !== v) m.set(k, null);
}

/** Records by their identifier. */
function byId<T>(records: readonly T[], idOf: (r: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  records.forEach((r) => m.set(idOf(r), r));
  return m;
}

const cache = new WeakMap<SchoolDataset, DatasetIndex>();

/**
 * The dataset's index, built once per dataset object. It is built in a cold process (V8's
 * interpreter): forEach and plain loops over the big lists, no [key, value] pair per entry
 * (for…of makes an iterator result per step there).
 */
export function indexDataset(ds: SchoolDataset): DatasetIndex {
  const hit = cache.get(ds);
  if (hit) return hit;
  const currentPupils = ds.pupils.filter(isCurrentPupil);
  const currentIds = new Set<string>();
  currentPupils.forEach((p) => currentIds.add(p.eleveId));
  const linksByPupil = new Map<string, GuardianLink[]>();
  const linksByGuardian = new Map<string, GuardianLink[]>();
  const legalGuardianIds = new Set<string>();
  const guardianLevelById = new Map<string, GuardianLevel>();
  const guardianLevelEverById = new Map<string, GuardianLevel>();
  ds.guardianLinks.forEach((l) => {
    pushTo(linksByPupil, l.eleveId, l);
    pushTo(linksByGuardian, l.personneId, l);
    const level = linkLevel(l);
    guardianLevelEverById.set(l.personneId, strongerLevel(guardianLevelEverById.get(l.personneId), level)!);
    if (!currentIds.has(l.eleveId)) return;
    guardianLevelById.set(l.personneId, strongerLevel(guardianLevelById.get(l.personneId), level)!);
    if (level === 'legal') legalGuardianIds.add(l.personneId);
  });
  const staffWithService = new Set<string>();
  for (const owners of [ds.stsDivisions, ds.stsGroups])
    for (const o of owners) for (const s of o.services) for (const id of s.teacherIds) staffWithService.add(id);
  const entProfiles = new Set<EntProfile>();
  ds.entAccounts.forEach((a) => entProfiles.add(a.profile));
  const pronoteProfiles = new Set<PronoteProfile>();
  ds.pronoteRows.forEach((r) => pronoteProfiles.add(r.profile));
  const okFiles = ds.files.filter((f) => !f.error);
  const idx: DatasetIndex = {
    pupilById: byId(ds.pupils, (p) => p.eleveId),
    currentPupils,
    guardianById: byId(ds.guardians, (g) => g.personneId),
    linksByPupil,
    linksByGuardian,
    legalGuardianIds,
    guardianLevelById,
    guardianLevelEverById,
    staffById: byId(ds.staff, (s) => s.id),
    staffWithService,
    accountByLogin: byId(ds.entAccounts, (a) => a.login),
    pronoteById: byId(ds.pronoteRows, (r) => r.pronoteId),
    has: {
      pupils: ds.pupils.length > 0,
      guardians: ds.guardianLinks.length > 0 || okFiles.some((f) => f.kind === 'siecle-responsables'),
      sts:
        ds.staff.length > 0 || ds.stsDivisions.length > 0 || ds.stsGroups.length > 0 || okFiles.some((f) => f.kind === 'sts-emp'),
      ent: ds.entAccounts.length > 0,
      entProfiles,
      pronote: ds.pronoteRows.length > 0,
      pronoteProfiles,
    },
  };
  cache.set(ds, idx);
  return idx;
}

// ───────────────────────────── Labels and references ─────────────────────────────

export const ENT_PROFILE_FR: Record<EntProfile, string> = {
  pupil: 'élève',
  guardian: 'responsable',
  teacher: 'enseignant',
  staff: 'personnel',
  other: 'autre profil',
};

import { PRONOTE_PROFILE_FR } from '../model/types.js';
export { PRONOTE_PROFILE_FR };

export function pupilLabel(p: SieclePupil): string {
  return `${displayName(p.name)}${p.division ? ` (${p.division})` : ''}`;
}

export function guardianLabel(g: SiecleGuardian): string {
  return `${g.civility ? `${g.civility} ` : ''}${displayName(g.name)}`;
}

/**
 * The level a finding gives a guardian: the strongest towards a current pupil, else over all the
 * guardian's links (a guardian of pupils who left); undefined without any link.
 */
export function guardianLevel(idx: DatasetIndex, personneId: string): GuardianLevel | undefined {
  return idx.guardianLevelById.get(personneId) ?? idx.guardianLevelEverById.get(personneId);
}

/** « MME DUPONT Marie (personne en charge) »: every finding says which level the guardian has. */
export function guardianLabelWithLevel(idx: DatasetIndex, g: SiecleGuardian): string {
  const level = guardianLevel(idx, g.personneId);
  return level ? `${guardianLabel(g)} (${GUARDIAN_LEVEL_FR[level]})` : guardianLabel(g);
}

export function staffLabel(s: StsPerson): string {
  return displayName(s.name);
}

export function accountLabel(a: EntAccount): string {
  const cls = a.division ? `, ${a.division}` : '';
  return `${displayName(a.name)} (${ENT_PROFILE_FR[a.profile]}${cls}) – compte ${a.login}`;
}

export function pronoteLabel(r: PronoteRow): string {
  return `${displayName(r.name)} (${PRONOTE_PROFILE_FR[r.profile]}${r.division ? `, ${r.division}` : ''})`;
}

export const pupilRef = (p: SieclePupil): SubjectRef => ({ source: 'siecle', kind: 'pupil', id: p.eleveId, label: pupilLabel(p) });
export const guardianRef = (g: SiecleGuardian): SubjectRef => ({
  source: 'siecle',
  kind: 'guardian',
  id: g.personneId,
  label: guardianLabel(g),
});

/** A guardian as a finding's subject: its label says its level (guardianLabelWithLevel). */
export const guardianRefIn = (idx: DatasetIndex, g: SiecleGuardian): SubjectRef => ({
  source: 'siecle',
  kind: 'guardian',
  id: g.personneId,
  label: guardianLabelWithLevel(idx, g),
});
export const staffRef = (s: StsPerson): SubjectRef => ({ source: 'sts', kind: 'staff', id: s.id, label: staffLabel(s) });
export const accountRef = (a: EntAccount): SubjectRef => ({ source: 'ent', kind: 'account', id: a.login, label: accountLabel(a) });
export const pronoteRef = (r: PronoteRow): SubjectRef => ({ source: 'pronote', kind: 'row', id: r.pronoteId, label: pronoteLabel(r) });

/** A group code as a subject: STS-web's when it knows the group, else SIECLE's. */
export function groupRef(ds: SchoolDataset, code: string): SubjectRef {
  const inSts = ds.stsGroups.some((g) => g.code === code);
  return { source: inSts ? 'sts' : 'siecle', kind: 'group', id: code, label: `groupe ${code}` };
}

/** « DUPONT Léa (3A), ELEVE_ID 1234, INE 123…, née le 01/02/2011 ». */
export function describePupil(p: SieclePupil): string {
  const parts = [pupilLabel(p), `ELEVE_ID ${p.eleveId}`];
  if (p.ine) parts.push(`INE ${p.ine}`);
  if (p.birthDate) parts.push(`né(e) le ${frDate(p.birthDate)}`);
  return parts.join(', ');
}

export function describeGuardian(g: SiecleGuardian): string {
  return `${guardianLabel(g)}, PERSONNE_ID ${g.personneId}`;
}

/**
 * What tells one guardian from a namesake: PERSONNE_ID, level and children (current pupils first),
 * address, phones, e-mail. « MME MOREAU Sandrine, PERSONNE_ID 12 : responsable légal de MOREAU Léa (2NDE1) ;
 * adresse 3 rue des Lilas, 31000 TOULOUSE ; tél. 0612345678 ; courriel s.moreau@… ».
 */
export function guardianIdentity(idx: DatasetIndex, g: SiecleGuardian): string {
  const byLevel = new Map<GuardianLevel, string[]>();
  for (const l of idx.linksByGuardian.get(g.personneId) ?? []) {
    const p = idx.pupilById.get(l.eleveId);
    if (!p) continue;
    const level = linkLevel(l);
    const list = byLevel.get(level) ?? [];
    const label = isCurrentPupil(p) ? pupilLabel(p) : `${pupilLabel(p)}, sorti(e)`;
    if (!list.includes(label)) list.push(label);
    byLevel.set(level, list);
  }
  const parts: string[] = [];
  for (const level of ['legal', 'in-charge', 'contact'] as GuardianLevel[]) {
    const kids = byLevel.get(level);
    if (kids) parts.push(`${GUARDIAN_LEVEL_FR[level]} de ${kids.join(', ')}`);
  }
  if (!parts.length) parts.push("lié(e) à aucun élève de l'export");
  const a = g.address;
  if (a) {
    const town = [a.postcode, a.city].filter(Boolean).join(' ');
    const where = [...a.lines, town, a.country && a.country.toUpperCase() !== 'FRANCE' ? a.country : ''].filter(Boolean).join(', ');
    if (where) parts.push(`adresse ${where}`);
  }
  const phones = [g.phoneMobile, g.phoneHome, g.phoneWork].filter((t): t is string => !!t && !!t.trim());
  if (phones.length) parts.push(`tél. ${[...new Set(phones)].join(', ')}`);
  if (g.email) parts.push(`courriel ${g.email}`);
  return `${guardianLabel(g)}, PERSONNE_ID ${g.personneId} : ${parts.join(' ; ')}`;
}

export function describeStaff(s: StsPerson): string {
  return `${staffLabel(s)}, INDIVIDU ${s.id}${s.function ? `, fonction ${s.function}` : ''}`;
}

/** A SIECLE/STS person reference, with its label, or undefined when the record is unknown. */
export function personRef(idx: DatasetIndex, ref: Pick<SubjectRef, 'source' | 'kind' | 'id'>): SubjectRef | undefined {
  if (ref.kind === 'pupil') {
    const p = idx.pupilById.get(ref.id);
    return p && pupilRef(p);
  }
  if (ref.kind === 'guardian') {
    const g = idx.guardianById.get(ref.id);
    return g && guardianRefIn(idx, g);
  }
  if (ref.kind === 'staff') {
    const s = idx.staffById.get(ref.id);
    return s && staffRef(s);
  }
  return undefined;
}

/**
 * Is this SIECLE/STS record present: a current pupil, a guardian linked to one (at any level: an
 * account the ENT made for a « personne en charge » is not an orphan), a person STS-web lists.
 */
export function isCurrentPerson(idx: DatasetIndex, ref: Pick<SubjectRef, 'kind' | 'id'>): boolean {
  if (ref.kind === 'pupil') {
    const p = idx.pupilById.get(ref.id);
    return !!p && isCurrentPupil(p);
  }
  if (ref.kind === 'guardian') return idx.guardianLevelById.has(ref.id);
  if (ref.kind === 'staff') return idx.staffById.has(ref.id);
  return false;
}

// ───────────────────────────── Matcher links ─────────────────────────────

/** The end of a link that is not from `source` (links are read in either direction). */
export function otherEnd(l: Link, source: SubjectRef['source']): SubjectRef {
  return l.from.source === source ? l.to : l.from;
}

/** The end of a link that is from `source`. */
export function endOf(l: Link, source: SubjectRef['source']): SubjectRef {
  return l.to.source === source ? l.to : l.from;
}

/** The SIECLE/STS person an ENT account belongs to, when the matcher linked it (any decision). */
export function ownerLink(m: MatchResult, login: string): { link: Link; person: SubjectRef } | undefined {
  const link = m.entOwner.get(login);
  return link ? { link, person: otherEnd(link, 'ent') } : undefined;
}

export const personKey = (ref: Pick<SubjectRef, 'source' | 'kind' | 'id'>): string => `${ref.source}:${ref.kind}:${ref.id}`;

// ───────────────────────────── Dates ─────────────────────────────

/** Whole days from `a` to `b` (ISO dates; the time part is ignored). */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

// ───────────────────────────── Procedures quoted by several rules ─────────────────────────────

/** Seed 001, « Pas d'identifiant PRONOTE »: paste the ID by hand in the ENT record. */
export const PASTE_PRONOTE_ID =
  "Dans PRONOTE, onglet Ressources, copier l'identifiant PRONOTE de la personne ; dans l'ENT : Annuaire > Rechercher un utilisateur, chercher la personne par son nom, cliquer sur l'icône de sa fiche puis, sur la ligne de l'établissement, sur « Modifier la valeur » et coller l'identifiant.";

/** Seed 002: PRONOTE → ENT identifiers export, partial mode for newcomers. */
export const EXPORT_PRONOTE_IDS_PARTIAL =
  "Ou, pour plusieurs personnes : dans PRONOTE en mode SPR, onglet Ressources > Import/export > Socle ENT > « Exporter les ID Pronote » (option « Uniquement les utilisateurs sans ID CAS » cochée), puis dans l'ENT (superadmin) : Administration > Importer les identifiants Pronote, en « mode partiel ».";

/** Seed 003 §2.12 / annexes: the EDT pupil–group links go to SIECLE, then to the ENT. */
export const PUSH_GROUP_LINKS =
  "Depuis EDT en mode SPR, exporter le fichier des liens élèves/groupes (Imports/Exports > SIECLE > Exporter les liens élèves/groupes) ; dans SIECLE Base élèves : Importations > « Liens élève-groupe depuis logiciel privé » > Parcourir, choisir le fichier, Importer (aucun message : c'est normal). Le fichier est traité la nuit : visible dans SIECLE le lendemain, dans l'ENT 48 à 72 h après.";

/** Seed 001 Fiche 131 and seed 003 §2.8–2.9: EDT → STS-web, then STS-web → SIECLE. */
export const REMONTEE_STS =
  "Dans EDT : Établir les correspondances EDT – STSWEB, puis Fichier > IMPORTS/EXPORTS > Avec STSWEB > Exporter avec l'assistant (valider chaque étape avec Suivant). Dans STS-web : Imports > Emploi du temps > Parcourir, choisir le fichier, importer toutes les données, valider (« Il n'y a pas de résultat » signifie que la remontée a réussi ; cet import annule et remplace). Puis STS-web : Exports > Structure, puis Exports > Services, pour que les groupes arrivent dans SIECLE.";
