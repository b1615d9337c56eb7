/**
 * What changed between two snapshots of the same school: arrivals, departures, class changes,
 * and new or changed identifiers (INE, PRONOTE ID, ENT login, the PRONOTE ID the ENT carries).
 * The admin's « what happened since last week » (seed 002: regenerate credentials for newcomers).
 *
 * Keys: SIECLE records by ELEVE_ID / PERSONNE_ID (stable); STS people by INDIVIDU@ID, then by
 * name and birth date (the ID is opaque); PRONOTE rows and ENT accounts have no shared key with
 * SIECLE, so they are followed by profile + normalised name + birth date (or the ENT join key),
 * and a key two records share in one snapshot (homonyms) is left out rather than guessed.
 */
import type { SchoolDataset } from '../model/dataset.js';
import { displayName, type EntAccount, type PronoteRow, type StsPerson } from '../model/types.js';
import { normalizeName } from '../model/names.js';
import { frDate } from '../model/dates.js';
import type { SubjectRef } from '../match/types.js';
import {
  ENT_PROFILE_FR,
  PRONOTE_PROFILE_FR,
  guardianRef,
  indexDataset,
  isCurrentPupil,
  pupilRef,
  staffRef,
} from '../checks/common.js';
import { recordsToCsv, type CsvColumn } from './csv.js';

export type DiffPersonKind = 'pupil' | 'guardian' | 'staff';

export interface DiffPerson {
  kind: DiffPersonKind;
  ref: SubjectRef;
  label: string;
  division?: string;
  /** DATE_ENTREE for an arrival, DATE_SORTIE for a departure, when known (ISO). */
  date?: string;
}

export interface ClassChange {
  ref: SubjectRef;
  label: string;
  from: string;
  to: string;
}

export type IdentifierKind = 'ine' | 'pronote' | 'ent-login' | 'ent-pronote';

export interface IdentifierChange {
  kind: IdentifierKind;
  ref: SubjectRef;
  label: string;
  /** Absent for a new identifier. */
  before?: string;
  after: string;
}

export interface DatasetDiff {
  arrivals: DiffPerson[];
  departures: DiffPerson[];
  classChanges: ClassChange[];
  identifiers: IdentifierChange[];
}

const KIND_FR: Record<DiffPersonKind, string> = { pupil: 'élève', guardian: 'responsable', staff: 'personnel' };

/** Map from key to record, keys held by several records dropped (not guessable). */
function uniqueBy<T>(records: readonly T[], key: (r: T) => string | undefined): Map<string, T> {
  const out = new Map<string, T>();
  const dup = new Set<string>();
  for (const r of records) {
    const k = key(r);
    if (!k) continue;
    if (out.has(k)) dup.add(k);
    else out.set(k, r);
  }
  for (const k of dup) out.delete(k);
  return out;
}

const nameBirth = (n: { family: string; usage?: string; given: string }, birth?: string) =>
  `${normalizeName(n.usage || n.family)}|${normalizeName(n.given)}|${birth ?? ''}`;

/** Arrivals and departures of one kind, from the current records of each snapshot keyed the same way. */
function movements(
  before: Map<string, DiffPerson>,
  after: Map<string, DiffPerson>,
  out: DatasetDiff,
  departureDate: (key: string) => string | undefined,
): void {
  for (const [k, p] of after) if (!before.has(k)) out.arrivals.push(p);
  for (const [k, p] of before)
    if (!after.has(k)) {
      const date = departureDate(k);
      out.departures.push({ ...p, ...(date ? { date } : {}) });
    }
}

function currentPupils(ds: SchoolDataset): Map<string, DiffPerson> {
  return new Map(
    ds.pupils
      .filter(isCurrentPupil)
      .map((p) => [p.eleveId, { kind: 'pupil' as const, ref: pupilRef(p), label: pupilRef(p).label!, ...(p.division ? { division: p.division } : {}), ...(p.entryDate ? { date: p.entryDate } : {}) }]),
  );
}

function currentGuardians(ds: SchoolDataset): Map<string, DiffPerson> {
  const idx = indexDataset(ds);
  return new Map(
    ds.guardians
      .filter((g) => idx.legalGuardianIds.has(g.personneId))
      .map((g) => [g.personneId, { kind: 'guardian' as const, ref: guardianRef(g), label: guardianRef(g).label! }]),
  );
}

/** STS people keyed by INDIVIDU@ID; an ID that changed is recognised by name and birth date. */
function staffKeys(before: readonly StsPerson[], after: readonly StsPerson[]): { b: Map<string, StsPerson>; a: Map<string, StsPerson> } {
  const b = new Map(before.map((s) => [s.id, s] as const));
  const a = new Map(after.map((s) => [s.id, s] as const));
  const oldByName = uniqueBy(before.filter((s) => !a.has(s.id)), (s) => nameBirth(s.name, s.birthDate));
  for (const s of after) {
    if (b.has(s.id)) continue;
    const old = oldByName.get(nameBirth(s.name, s.birthDate));
    if (old) {
      a.delete(s.id);
      a.set(old.id, s);
    }
  }
  return { b, a };
}

const staffPerson = (s: StsPerson): DiffPerson => ({ kind: 'staff', ref: staffRef(s), label: staffRef(s).label! });

const pronoteKey = (r: PronoteRow) => `${r.profile}|${nameBirth(r.name, r.birthDate)}`;
const entKey = (a: EntAccount) => (a.joinKey ? `${a.profile}|jk|${a.joinKey}` : `${a.profile}|${nameBirth(a.name, a.birthDate)}`);

export function diffDatasets(before: SchoolDataset, after: SchoolDataset): DatasetDiff {
  const out: DatasetDiff = { arrivals: [], departures: [], classChanges: [], identifiers: [] };
  const afterPupils = new Map(after.pupils.map((p) => [p.eleveId, p] as const));

  const bp = currentPupils(before);
  const ap = currentPupils(after);
  movements(bp, ap, out, (k) => afterPupils.get(k)?.leaveDate);
  for (const [k, now] of ap) {
    const then = bp.get(k);
    if (then && (then.division ?? '') !== (now.division ?? ''))
      out.classChanges.push({ ref: now.ref, label: now.label, from: then.division ?? '', to: now.division ?? '' });
  }
  movements(currentGuardians(before), currentGuardians(after), out, () => undefined);
  const { b: bs, a: as } = staffKeys(before.staff, after.staff);
  movements(new Map([...bs].map(([k, s]) => [k, staffPerson(s)])), new Map([...as].map(([k, s]) => [k, staffPerson(s)])), out, () => undefined);

  // INE: same ELEVE_ID, new or different ID_NATIONAL.
  const beforePupils = new Map(before.pupils.map((p) => [p.eleveId, p] as const));
  for (const p of after.pupils) {
    const then = beforePupils.get(p.eleveId);
    if (!then || !p.ine || then.ine === p.ine) continue;
    out.identifiers.push({ kind: 'ine', ref: pupilRef(p), label: pupilRef(p).label!, ...(then.ine ? { before: then.ine } : {}), after: p.ine });
  }

  // PRONOTE IDs: rows followed by profile, name and birth date.
  const bRows = uniqueBy(before.pronoteRows, pronoteKey);
  const knownIds = new Set(before.pronoteRows.map((r) => r.pronoteId));
  for (const [k, r] of uniqueBy(after.pronoteRows, pronoteKey)) {
    const then = bRows.get(k);
    if (then ? then.pronoteId === r.pronoteId : knownIds.has(r.pronoteId)) continue;
    if (!then && before.pronoteRows.length === 0) continue;
    out.identifiers.push({
      kind: 'pronote',
      ref: { source: 'pronote', kind: 'row', id: r.pronoteId },
      label: `${displayName(r.name)} (${PRONOTE_PROFILE_FR[r.profile]}${r.division ? `, ${r.division}` : ''})`,
      ...(then ? { before: then.pronoteId } : {}),
      after: r.pronoteId,
    });
  }

  // ENT: new or changed logins, and the PRONOTE ID each login carries.
  const bAcc = uniqueBy(before.entAccounts, entKey);
  const knownLogins = new Set(before.entAccounts.map((a) => a.login));
  const bByLogin = new Map(before.entAccounts.map((a) => [a.login, a] as const));
  for (const [k, a] of uniqueBy(after.entAccounts, entKey)) {
    const then = bAcc.get(k);
    const label = `${displayName(a.name)} (${ENT_PROFILE_FR[a.profile]}${a.division ? `, ${a.division}` : ''})`;
    const ref: SubjectRef = { source: 'ent', kind: 'account', id: a.login, label };
    if (before.entAccounts.length && (then ? then.login !== a.login : !knownLogins.has(a.login)))
      out.identifiers.push({ kind: 'ent-login', ref, label, ...(then ? { before: then.login } : {}), after: a.login });
    const old = bByLogin.get(a.login);
    if (old && a.pronoteId && old.pronoteId !== a.pronoteId)
      out.identifiers.push({ kind: 'ent-pronote', ref, label, ...(old.pronoteId ? { before: old.pronoteId } : {}), after: a.pronoteId });
  }

  const byLabel = <T extends { label: string }>(x: T, y: T) => x.label.localeCompare(y.label, 'fr');
  out.arrivals.sort((x, y) => x.kind.localeCompare(y.kind) || byLabel(x, y));
  out.departures.sort((x, y) => x.kind.localeCompare(y.kind) || byLabel(x, y));
  out.classChanges.sort(byLabel);
  out.identifiers.sort((x, y) => x.kind.localeCompare(y.kind) || byLabel(x, y));
  return out;
}

// ───────────────────────────── CSV ─────────────────────────────

interface DiffLine {
  change: string;
  profile: string;
  label: string;
  before: string;
  after: string;
  date: string;
  reference: string;
}

const ID_FR: Record<IdentifierKind, [string, string]> = {
  ine: ['Nouvel INE', 'INE modifié'],
  pronote: ['Nouvel identifiant PRONOTE', 'Identifiant PRONOTE modifié'],
  'ent-login': ['Nouveau compte ENT', 'Login ENT modifié'],
  'ent-pronote': ["Identifiant PRONOTE ajouté dans l'ENT", "Identifiant PRONOTE modifié dans l'ENT"],
};

const PROFILE_OF: Record<IdentifierKind, string> = { ine: 'élève', pronote: 'PRONOTE', 'ent-login': 'ENT', 'ent-pronote': 'ENT' };

const COLUMNS: CsvColumn<DiffLine>[] = [
  { header: 'Changement', value: (l) => l.change },
  { header: 'Profil', value: (l) => l.profile },
  { header: 'Personne', value: (l) => l.label },
  { header: 'Avant', value: (l) => l.before },
  { header: 'Après', value: (l) => l.after },
  { header: 'Date', value: (l) => l.date },
  { header: 'Référence', value: (l) => l.reference },
];

export function diffToCsv(d: DatasetDiff): string {
  const lines: DiffLine[] = [
    ...d.arrivals.map((p) => ({ change: 'Arrivée', profile: KIND_FR[p.kind], label: p.label, before: '', after: p.division ?? '', date: frDate(p.date), reference: p.ref.id })),
    ...d.departures.map((p) => ({ change: 'Départ', profile: KIND_FR[p.kind], label: p.label, before: p.division ?? '', after: '', date: frDate(p.date), reference: p.ref.id })),
    ...d.classChanges.map((c) => ({ change: 'Changement de classe', profile: 'élève', label: c.label, before: c.from, after: c.to, date: '', reference: c.ref.id })),
    ...d.identifiers.map((i) => ({
      change: ID_FR[i.kind][i.before === undefined ? 0 : 1],
      profile: PROFILE_OF[i.kind],
      label: i.label,
      before: i.before ?? '',
      after: i.after,
      date: '',
      reference: i.ref.id,
    })),
  ];
  return recordsToCsv(COLUMNS, lines);
}
