/**
 * pronote.id-conflict — error: the ENT already carries a PRONOTE ID for an account, and it is not
 * the one Raccord is sure of (certain or admin-confirmed assignment) — or, when Raccord is only
 * fairly sure of the right one, the carried ID is surely wrong: unknown to the PRONOTE list (a
 * stale ID from an old base; judged only when the list holds that profile), or expected on
 * another account. From the ENT, the person opens nobody's PRONOTE — or somebody
 * else's, which leaks a minor's data.
 */
import type { CheckRule } from './types.js';
import type { EntProfile, PronoteProfile } from '../model/types.js';
import type { Assignment, SubjectRef } from '../match/types.js';
import { PASTE_PRONOTE_ID, accountRef, indexDataset, pushTo, pronoteLabel, personRef, pronoteRef, type RawFinding } from './common.js';

const PRONOTE_PROFILE_OF: Partial<Record<EntProfile, PronoteProfile>> = { pupil: 'pupil', guardian: 'guardian', teacher: 'teacher' };

export const idConflict: CheckRule = {
  code: 'pronote.id-conflict',
  title: "L'ENT porte un autre identifiant PRONOTE que celui attendu",
  severity: 'error',
  description:
    "Le compte ENT porte déjà un identifiant PRONOTE, différent de celui de la fiche PRONOTE de la même personne : depuis l'ENT, la personne n'accède pas à son PRONOTE, ou pire accède à celui de quelqu'un d'autre.",
  fix: [
    "Remplacer, dans l'ENT, l'identifiant PRONOTE du compte par celui attendu.",
    `1. ${PASTE_PRONOTE_ID}`,
    "2. Si de nombreux comptes sont concernés (base PRONOTE recréée, mauvais établissement) : dans PRONOTE en mode SPR, onglet Ressources > Import/export > Socle ENT > « Exporter les ID Pronote » en décochant « Uniquement les utilisateurs sans ID CAS », puis dans l'ENT : Administration > Importer les identifiants Pronote en « mode complet ».",
  ].join('\n'),
  run(ctx) {
    const idx = indexDataset(ctx.dataset);
    const sure = (a: Assignment) => !!a.pronoteId && (a.decision === 'certain' || a.confirmedByAdmin === true);
    /** PRONOTE ID → the accounts expected to carry it (any decision but ambiguous). */
    const expectedOwner = new Map<string, string[]>();
    ctx.match.assignments.forEach((a) => {
      if (a.pronoteId && (a.decision !== 'ambiguous' || a.confirmedByAdmin)) pushTo(expectedOwner, a.pronoteId, a.entLogin);
    });
    const rowSubject = (id: string): SubjectRef => {
      const row = idx.pronoteById.get(id);
      return row ? pronoteRef(row) : { source: 'pronote', kind: 'row', id };
    };
    const out: RawFinding[] = [];
    ctx.match.assignments.forEach((a) => {
      const account = idx.accountByLogin.get(a.entLogin);
      const current = (a.currentPronoteId ?? account?.pronoteId)?.trim();
      if (!current || current === a.pronoteId) return;
      const currentRow = idx.pronoteById.get(current);
      const others = (expectedOwner.get(current) ?? []).filter((l) => l !== a.entLogin);
      if (!sure(a)) {
        // Not sure of the right ID, but sure this one is wrong: PRONOTE does not know it, or it is
        // the ID another account is expected to carry while this one is expected to carry another.
        const profile = account && PRONOTE_PROFILE_OF[account.profile];
        const unknown = !currentRow && !!profile && idx.has.pronoteProfiles.has(profile);
        const someoneElses = !!currentRow && !!a.pronoteId && a.decision !== 'ambiguous' && others.length > 0;
        if (!unknown && !someoneElses) return;
      }
      const expectedRow = a.pronoteId ? idx.pronoteById.get(a.pronoteId) : undefined;
      // A guardian is named with their level (« personne en charge »…).
      const personLabel = (a.person && personRef(idx, a.person)?.label) ?? a.person?.label;
      const who = account ? accountRef(account) : { source: 'ent' as const, kind: 'account' as const, id: a.entLogin, label: a.person?.label };
      const expected = !a.pronoteId
        ? 'Raccord ne sait pas encore lequel il faut (voir le plan des identifiants)'
        : `PRONOTE attend ${a.pronoteId}${expectedRow ? ` (${pronoteLabel(expectedRow)})` : ''}${sure(a) ? '' : ', rapprochement probable à confirmer'}`;
      out.push({
        subjects: [who, ...(a.pronoteId ? [rowSubject(a.pronoteId)] : []), ...(currentRow ? [pronoteRef(currentRow)] : [])],
        evidence: [
          `Compte ENT ${a.entLogin}${personLabel ? ` (${personLabel})` : ''} : l'ENT porte ${current} ; ${expected}.`,
          currentRow
            ? `L'identifiant ${current} est celui de ${pronoteLabel(currentRow)} dans PRONOTE${others.length ? `, attendu sur le compte ${others.join(', ')}` : ''} : la connexion ouvre le PRONOTE d'une autre personne.`
            : `L'identifiant ${current} ne figure pas dans la liste PRONOTE (ancienne base ou saisie erronée).`,
          ...(a.evidence.length ? [`Rapprochement : ${a.evidence.join(', ')}.`] : []),
        ],
      });
    });
    return out;
  },
};
