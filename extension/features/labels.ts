/**
 * The French words of every panel and mark for the plan's link states and refusals, in the app's
 * own terms (« certain », « probable, à confirmer », « ambigu, à trancher »): a code of the plan
 * (`ambiguous`, `shared`…) never reaches the page.
 */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import type { Refusal } from '../lib/people';
import type { PanelModel } from './ui';

export const LINK_LABEL = {
  certain: 'certain',
  confirmed: 'confirmé par l’administrateur',
  probable: 'probable, à confirmer dans Raccord',
  ambiguous: 'ambigu, à trancher dans Raccord',
  none: 'aucun lien PRONOTE',
} as const;

/** The « Lien » of a person: how sure the plan is of their PRONOTE row. */
export function linkLabel(p: BridgePerson): string {
  // No PRONOTE row (or list) to link to: whatever the grade of the other links, none to PRONOTE.
  if (!p.pronoteId && (p.pronoteStatus === 'no-pronote-row' || p.pronoteStatus === 'no-pronote-list')) return LINK_LABEL.none;
  if (p.decision === 'certain') return LINK_LABEL.certain;
  if (p.confirmedByAdmin) return LINK_LABEL.confirmed;
  if (p.decision === 'probable') return LINK_LABEL.probable;
  if (p.decision === 'ambiguous') return LINK_LABEL.ambiguous;
  return LINK_LABEL.none;
}

export const PROFILE_LABEL: Record<BridgePerson['profile'], string> = {
  pupil: 'élève',
  guardian: 'responsable',
  teacher: 'enseignant',
  staff: 'personnel',
  other: 'autre',
};

/** What a panel says for a refused link (Kosmos and Open ENT NG panels alike). */
export function refusalMessage(reason: Refusal): NonNullable<PanelModel['message']> {
  switch (reason) {
    case 'ambiguous':
      return { tone: 'warn', text: 'Lien ambigu : plusieurs identifiants PRONOTE sont possibles. Rien n’est rempli : tranchez dans Raccord.' };
    case 'unconfirmed':
      return { tone: 'warn', text: 'Lien probable, non confirmé : confirmez-le dans Raccord avant tout remplissage.' };
    case 'shared':
      return { tone: 'error', text: 'Le plan attribue cet identifiant à plusieurs personnes différentes : rien n’est rempli. Vérifiez dans Raccord.' };
    case 'no-id':
      return { tone: 'info', text: 'Aucun identifiant PRONOTE attendu pour cette personne.' };
    case 'no-pronote-row':
      return { tone: 'info', text: 'Absent de PRONOTE : aucune fiche PRONOTE ne correspond à cette personne. Rien à remplir ; vérifiez sa fiche dans PRONOTE.' };
  }
}

const COUNT = ['', 'une', 'deux', 'trois', 'quatre'];

/**
 * Why one ID goes on several accounts: one person entered twice in SIECLE (seed 001, « Pas
 * d'identifiants PRONOTE (5/5) »: « affecter le même identifiant aux deux comptes »).
 */
export function sameAsExplanation(person: BridgePerson, others: readonly BridgePerson[]): string {
  const n = others.length + 1;
  const count = COUNT[n] ?? String(n);
  const who = person.profile === 'guardian' ? 'Ce responsable' : person.profile === 'pupil' ? 'Cet élève' : 'Cette personne';
  const accounts = [person, ...others].flatMap((p) => p.entLogins);
  const all = n === 2 ? 'les deux comptes' : `les ${count} comptes`;
  return (
    `${who} a ${count} fiches dans SIECLE (accent, espace ou nom d’usage près), donc ${count} comptes ENT (${accounts.join(', ')}), ` +
    `et une seule fiche PRONOTE. Raccord propose le même identifiant PRONOTE sur ${all}, comme le prévoit la procédure.`
  );
}
