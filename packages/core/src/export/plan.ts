/**
 * The PRONOTE assignment plan: for each ENT account, the PRONOTE ID it should carry, how sure
 * Raccord is, why, what the ENT carries now and what to do — as CSV for the admin and JSON for
 * tools (the extension's autofill only ever uses `certain` or admin-confirmed rows).
 *
 * The reverse plan serves ENTs that keep the link on the PRONOTE side (Atrium: the ENT login is
 * typed into PRONOTE's « Identifiant CAS »): one row per PRONOTE user with its ENT login, filled
 * only when the link is certain or confirmed.
 */
import type { SchoolDataset } from '../model/dataset.js';
import type { EntAccount, EntProfile, PronoteProfile } from '../model/types.js';
import type { Assignment, Decision, MatchResult } from '../match/types.js';
import { ENT_PROFILE_FR, PRONOTE_PROFILE_FR, indexDataset, ownerLink, type DatasetIndex } from '../checks/common.js';
import { recordsToCsv, type CsvColumn } from './csv.js';

/** What the admin has to do for one account. */
export type PlanAction = 'fill' | 'ok' | 'replace' | 'confirm' | 'choose' | 'none';

export const PLAN_ACTION_FR: Record<PlanAction, string> = {
  fill: "à coller dans l'ENT",
  ok: 'déjà correct',
  replace: "à remplacer dans l'ENT",
  confirm: 'à confirmer avant de coller',
  choose: 'à trancher : plusieurs candidats',
  none: "aucun identifiant PRONOTE à donner",
};

export const DECISION_FR: Record<Decision | 'none', string> = {
  certain: 'certain',
  probable: 'probable',
  ambiguous: 'ambigu',
  none: 'aucun rapprochement',
};

export interface PlanRow {
  login: string;
  family: string;
  given: string;
  profile: EntProfile;
  division: string;
  /** The PRONOTE ID the account should carry ('' when none is known or sure enough to show). */
  expectedPronoteId: string;
  decision: Decision | 'none';
  confirmedByAdmin: boolean;
  evidence: string[];
  /** What the ENT carries now ('' when empty or unknown). */
  currentPronoteId: string;
  action: PlanAction;
  candidates: { pronoteId: string; label: string; evidence: string[] }[];
}

function actionOf(a: Assignment | undefined, current: string): PlanAction {
  if (!a) return 'none';
  if (a.decision === 'ambiguous' && !a.confirmedByAdmin) return 'choose';
  if (!a.pronoteId) return 'none';
  if (a.decision === 'probable' && !a.confirmedByAdmin) return 'confirm';
  if (!current) return 'fill';
  return current === a.pronoteId ? 'ok' : 'replace';
}

/** The class to show for an account: its own, else its pupil's, else its children's. */
function divisionOf(idx: DatasetIndex, m: MatchResult, a: EntAccount): string {
  if (a.division) return a.division;
  const owner = ownerLink(m, a.login);
  if (!owner || owner.link.decision === 'ambiguous') return '';
  if (owner.person.kind === 'pupil') return idx.pupilById.get(owner.person.id)?.division ?? '';
  if (owner.person.kind === 'guardian') {
    const divisions = (idx.linksByGuardian.get(owner.person.id) ?? [])
      .map((l) => idx.pupilById.get(l.eleveId))
      .filter((p) => p && !p.left && !p.inactive && p.division)
      .map((p) => p!.division!);
    return [...new Set(divisions)].sort().join(', ');
  }
  return '';
}

const PROFILE_ORDER: EntProfile[] = ['pupil', 'guardian', 'teacher', 'staff', 'other'];

/** One row per ENT account, sorted by profile, class and name. */
export function buildPlan(ds: SchoolDataset, m: MatchResult): PlanRow[] {
  const idx = indexDataset(ds);
  const byLogin = new Map(m.assignments.map((a) => [a.entLogin, a] as const));
  const rows = ds.entAccounts.map((acc): PlanRow => {
    const a = byLogin.get(acc.login);
    const current = (a?.currentPronoteId ?? acc.pronoteId ?? '').trim();
    const showId = a?.pronoteId && (a.decision !== 'ambiguous' || a.confirmedByAdmin) ? a.pronoteId : '';
    return {
      login: acc.login,
      family: acc.name.usage?.trim() ? acc.name.usage : acc.name.family,
      given: acc.name.given,
      profile: acc.profile,
      division: divisionOf(idx, m, acc),
      expectedPronoteId: showId,
      decision: a?.decision ?? 'none',
      confirmedByAdmin: a?.confirmedByAdmin === true,
      evidence: a?.evidence ?? [],
      currentPronoteId: current,
      action: actionOf(a, current),
      candidates: a?.decision === 'ambiguous' ? (a.candidates ?? []) : [],
    };
  });
  return rows.sort(
    (x, y) =>
      PROFILE_ORDER.indexOf(x.profile) - PROFILE_ORDER.indexOf(y.profile) ||
      x.division.localeCompare(y.division, 'fr') ||
      x.family.localeCompare(y.family, 'fr') ||
      x.given.localeCompare(y.given, 'fr') ||
      x.login.localeCompare(y.login),
  );
}

function evidenceText(r: PlanRow): string {
  const parts = [...r.evidence];
  for (const c of r.candidates) parts.push(`candidat ${c.pronoteId} : ${c.label}${c.evidence.length ? ` (${c.evidence.join(', ')})` : ''}`);
  return parts.join(' ; ');
}

const PLAN_COLUMNS: CsvColumn<PlanRow>[] = [
  { header: 'Login ENT', value: (r) => r.login },
  { header: 'Nom', value: (r) => r.family },
  { header: 'Prénom', value: (r) => r.given },
  { header: 'Profil', value: (r) => ENT_PROFILE_FR[r.profile] },
  { header: 'Classe', value: (r) => r.division },
  { header: 'Identifiant PRONOTE attendu', value: (r) => r.expectedPronoteId },
  { header: 'Décision', value: (r) => (r.confirmedByAdmin ? `${DECISION_FR[r.decision]}, confirmé par l'administrateur` : DECISION_FR[r.decision]) },
  { header: 'Preuves', value: evidenceText },
  { header: "Identifiant PRONOTE actuel dans l'ENT", value: (r) => r.currentPronoteId },
  { header: 'À faire', value: (r) => PLAN_ACTION_FR[r.action] },
];

export function planToCsv(rows: readonly PlanRow[]): string {
  return recordsToCsv(PLAN_COLUMNS, rows);
}

/** The plan as JSON for tools: raw codes (`certain`, `fill`…), one object per account. */
export function planToJson(ds: SchoolDataset, rows: readonly PlanRow[]): string {
  return JSON.stringify(
    { format: 'raccord-pronote-plan', version: 1, school: { uai: ds.school.uai, schoolYear: ds.school.schoolYear }, rows },
    null,
    2,
  );
}

// ───────────────────────────── Reverse plan (link kept in PRONOTE) ─────────────────────────────

export interface ReversePlanRow {
  pronoteId: string;
  family: string;
  given: string;
  profile: PronoteProfile;
  division: string;
  /** The ENT login to type into PRONOTE ('' unless exactly one certain or confirmed account). */
  entLogin: string;
  /** Why the login is empty, or what to watch. */
  remark: string;
}

/** One row per PRONOTE user, with its ENT login when the link is certain or admin-confirmed. */
export function buildReversePlan(ds: SchoolDataset, m: MatchResult): ReversePlanRow[] {
  const sure = new Map<string, string[]>();
  const unsure = new Map<string, string[]>();
  for (const a of m.assignments) {
    if (!a.pronoteId) continue;
    const target = a.decision === 'certain' || a.confirmedByAdmin ? sure : a.decision === 'probable' ? unsure : undefined;
    if (target) target.set(a.pronoteId, [...(target.get(a.pronoteId) ?? []), a.entLogin]);
  }
  const rows = ds.pronoteRows.map((r): ReversePlanRow => {
    const logins = [...new Set(sure.get(r.pronoteId) ?? [])].sort();
    const maybe = [...new Set(unsure.get(r.pronoteId) ?? [])].sort();
    let remark = '';
    if (logins.length > 1)
      remark = `plusieurs comptes ENT pour cette personne (${logins.join(', ')}) : doublon, choisir le compte qu'elle utilise`;
    else if (!logins.length)
      remark = maybe.length ? `rapprochement probable à confirmer dans Raccord (${maybe.join(', ')})` : 'aucun compte ENT rattaché avec certitude';
    return {
      pronoteId: r.pronoteId,
      family: r.name.usage?.trim() ? r.name.usage : r.name.family,
      given: r.name.given,
      profile: r.profile,
      division: r.division ?? '',
      entLogin: logins.length === 1 ? logins[0]! : '',
      remark,
    };
  });
  return rows.sort(
    (x, y) =>
      x.profile.localeCompare(y.profile) ||
      x.division.localeCompare(y.division, 'fr') ||
      x.family.localeCompare(y.family, 'fr') ||
      x.given.localeCompare(y.given, 'fr'),
  );
}

const REVERSE_COLUMNS: CsvColumn<ReversePlanRow>[] = [
  { header: 'Identifiant PRONOTE', value: (r) => r.pronoteId },
  { header: 'Nom', value: (r) => r.family },
  { header: 'Prénom', value: (r) => r.given },
  { header: 'Profil', value: (r) => PRONOTE_PROFILE_FR[r.profile] },
  { header: 'Classe', value: (r) => r.division },
  { header: 'Login ENT (Identifiant CAS)', value: (r) => r.entLogin },
  { header: 'Remarque', value: (r) => r.remark },
];

export function reversePlanToCsv(rows: readonly ReversePlanRow[]): string {
  return recordsToCsv(REVERSE_COLUMNS, rows);
}
