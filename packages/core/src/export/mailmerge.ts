/**
 * Mail-merge lists of ENT credentials, per class, for pupils or for parents (seed 001: the
 * « Fichiers des identifiants » CSV, then a Word mail merge). A password starting with `{SHA}`
 * was changed by its owner: it is never printed, and the account is listed apart with the reason
 * (seed 001: « Les codes commençant par {SHA} ont été modifiés par les utilisateurs »).
 *
 * Parents get one row per child (the letter goes home through each child's class), with their
 * level for that child (« responsable légal », « personne en charge »): an account the ENT made
 * for any guardian of a present pupil gets its letter; a guardian of no present pupil is left out
 * with the reason. The child
 * comes from SIECLE through the matcher when a match is given, else from the ENT export (the
 * children it names, or pupil accounts that point at the parent).
 */
import type { SchoolDataset } from '../model/dataset.js';
import { displayFamily, type EntAccount, type SieclePupil } from '../model/types.js';
import { normalizeName } from '../model/names.js';
import type { MatchResult } from '../match/types.js';
import { GUARDIAN_LEVEL_FR, linkLevel } from '../model/guardians.js';
import { indexDataset, isCurrentPerson, isCurrentPupil, ownerLink, type DatasetIndex } from '../checks/common.js';
import { recordsToCsv, type CsvColumn } from './csv.js';

export type MailMergeProfile = 'pupils' | 'parents';

export interface MailMergeOptions {
  profile: MailMergeProfile;
  /** One class (division code); all classes when absent. */
  division?: string;
}

export interface MailMergeRow {
  /** The pupil's class (for parents: the child's). */
  division: string;
  family: string;
  given: string;
  login: string;
  password: string;
  activationCode: string;
  childFamily?: string;
  childGiven?: string;
  /** Parents: the guardian's level for this child, in French (« responsable légal », « personne en charge »). */
  responsibility?: string;
}

export interface MailMergeExclusion {
  login: string;
  family: string;
  given: string;
  division: string;
  reason: string;
}

export interface MailMerge {
  rows: MailMergeRow[];
  excluded: MailMergeExclusion[];
  /** The mail-merge CSV (UTF-8 BOM, `;`, CRLF). */
  csv: string;
  /** The accounts left out, with the reason, as CSV. */
  excludedCsv: string;
}

export const SHA_REASON =
  "mot de passe modifié par son titulaire ({SHA}) : il ne peut pas être communiqué ; si la personne l'a oublié, utiliser la réinitialisation du mot de passe de l'ENT";

/** The owner changed the password: the ENT shows only its `{SHA}` hash. */
export function passwordChanged(a: EntAccount): boolean {
  return a.passwordChanged || /^\s*\{SHA\}/i.test(a.password ?? '');
}

interface Child {
  family: string;
  given: string;
  division: string;
  /** The guardian's level for this child, when SIECLE says it. */
  responsibility?: string;
}

const childOfPupil = (p: SieclePupil, responsibility?: string): Child => {
  const c: Child = { family: displayFamily(p.name), given: p.name.given, division: p.division ?? '' };
  if (responsibility) c.responsibility = responsibility;
  return c;
};

/** A guardian account's children: SIECLE (through the match), else what the ENT export says. */
function childrenOf(idx: DatasetIndex, ds: SchoolDataset, m: MatchResult | undefined, a: EntAccount): Child[] {
  const owner = m && ownerLink(m, a.login);
  if (owner && owner.link.decision !== 'ambiguous' && owner.person.kind === 'guardian') {
    // Every present child, whatever the level: the ENT made the account from these links (a
    // « personne en charge » gets a letter too); the level is said on the letter's row.
    const kids: Child[] = [];
    for (const l of idx.linksByGuardian.get(owner.person.id) ?? []) {
      const p = idx.pupilById.get(l.eleveId);
      if (p && isCurrentPupil(p)) kids.push(childOfPupil(p, GUARDIAN_LEVEL_FR[linkLevel(l)]));
    }
    if (kids.length) return kids;
  }
  const out: Child[] = [];
  const named = (a as EntAccount & { children?: { joinKey?: string; family?: string; given?: string }[] }).children ?? [];
  for (const c of named) {
    const p = c.joinKey ? idx.pupilById.get(c.joinKey) : undefined;
    if (p) out.push(childOfPupil(p, undefined));
    else if (c.family || c.given) {
      const acc = ds.entAccounts.find(
        (x) => x.profile === 'pupil' && normalizeName(x.name.family) === normalizeName(c.family) && normalizeName(x.name.given) === normalizeName(c.given),
      );
      out.push({ family: c.family ?? '', given: c.given ?? '', division: acc?.division ?? '' });
    }
  }
  if (out.length) return out;
  const ids = new Set([a.login, a.uid].filter((x): x is string => !!x));
  return ds.entAccounts
    .filter((x) => x.profile === 'pupil' && x.guardianUids.some((u) => ids.has(u)))
    .map((x) => ({ family: displayFamily(x.name), given: x.name.given, division: x.division ?? '' }));
}

/** A pupil account's class: the ENT's, else SIECLE's through the match. */
function pupilDivision(idx: DatasetIndex, m: MatchResult | undefined, a: EntAccount): string {
  if (a.division) return a.division;
  const owner = m && ownerLink(m, a.login);
  return owner && owner.person.kind === 'pupil' ? (idx.pupilById.get(owner.person.id)?.division ?? '') : '';
}

const byClassThenName = (x: MailMergeRow, y: MailMergeRow) =>
  x.division.localeCompare(y.division, 'fr') ||
  (x.childFamily ?? '').localeCompare(y.childFamily ?? '', 'fr') ||
  (x.childGiven ?? '').localeCompare(y.childGiven ?? '', 'fr') ||
  x.family.localeCompare(y.family, 'fr') ||
  x.given.localeCompare(y.given, 'fr');

const PUPIL_COLUMNS: CsvColumn<MailMergeRow>[] = [
  { header: 'Classe', value: (r) => r.division },
  { header: 'Nom', value: (r) => r.family },
  { header: 'Prénom', value: (r) => r.given },
  { header: 'Identifiant', value: (r) => r.login },
  { header: 'Mot de passe', value: (r) => r.password },
  { header: "Code d'activation", value: (r) => r.activationCode },
];

const PARENT_COLUMNS: CsvColumn<MailMergeRow>[] = [
  { header: "Classe de l'enfant", value: (r) => r.division },
  { header: "Nom de l'enfant", value: (r) => r.childFamily },
  { header: "Prénom de l'enfant", value: (r) => r.childGiven },
  { header: 'Nom du responsable', value: (r) => r.family },
  { header: 'Prénom du responsable', value: (r) => r.given },
  { header: 'Responsabilité', value: (r) => r.responsibility },
  { header: 'Identifiant', value: (r) => r.login },
  { header: 'Mot de passe', value: (r) => r.password },
  { header: "Code d'activation", value: (r) => r.activationCode },
];

const EXCLUDED_COLUMNS: CsvColumn<MailMergeExclusion>[] = [
  { header: 'Classe', value: (r) => r.division },
  { header: 'Nom', value: (r) => r.family },
  { header: 'Prénom', value: (r) => r.given },
  { header: 'Identifiant', value: (r) => r.login },
  { header: 'Raison', value: (r) => r.reason },
];

/** The mail-merge list for one profile, one class or all, with the accounts left out and why. */
export function buildMailMerge(ds: SchoolDataset, m: MatchResult | undefined, opts: MailMergeOptions): MailMerge {
  const idx = indexDataset(ds);
  const wanted = opts.division?.trim();
  const profile = opts.profile === 'pupils' ? 'pupil' : 'guardian';
  const rows: MailMergeRow[] = [];
  const excluded: MailMergeExclusion[] = [];

  for (const a of ds.entAccounts) {
    if (a.profile !== profile) continue;
    const base = { family: displayFamily(a.name), given: a.name.given, login: a.login };
    const entries: MailMergeRow[] =
      profile === 'pupil'
        ? [{ ...base, division: pupilDivision(idx, m, a), password: '', activationCode: '' }]
        : (() => {
            const kids = childrenOf(idx, ds, m, a);
            return (kids.length ? kids : [{ family: '', given: '', division: '' }]).map((c) => ({
              ...base,
              division: c.division,
              childFamily: c.family,
              childGiven: c.given,
              ...(c.responsibility ? { responsibility: c.responsibility } : {}),
              password: '',
              activationCode: '',
            }));
          })();
    const inScope = entries.filter((e) => !wanted || e.division.trim() === wanted);
    if (!inScope.length) continue;
    const owner = m && ownerLink(m, a.login);
    let reason = '';
    if (passwordChanged(a)) reason = SHA_REASON;
    else if (owner && owner.link.decision !== 'ambiguous' && !isCurrentPerson(idx, owner.person))
      reason = "compte d'une personne qui n'est plus dans l'établissement (voir « Compte ENT sans personne présente »)";
    else if (!a.password?.trim() && !a.activationCode?.trim()) reason = "ni mot de passe initial ni code d'activation dans l'export de l'ENT";
    if (reason) {
      excluded.push({ ...base, division: [...new Set(inScope.map((e) => e.division))].join(', '), reason });
      continue;
    }
    for (const e of inScope) rows.push({ ...e, password: a.password?.trim() ?? '', activationCode: a.activationCode?.trim() ?? '' });
  }

  rows.sort(byClassThenName);
  excluded.sort((x, y) => x.division.localeCompare(y.division, 'fr') || x.family.localeCompare(y.family, 'fr') || x.given.localeCompare(y.given, 'fr'));
  return {
    rows,
    excluded,
    csv: recordsToCsv(profile === 'pupil' ? PUPIL_COLUMNS : PARENT_COLUMNS, rows),
    excludedCsv: recordsToCsv(EXCLUDED_COLUMNS, excluded),
  };
}
