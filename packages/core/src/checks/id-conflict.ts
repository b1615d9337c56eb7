/**
 * pronote.id-conflict — error: the ENT already carries a PRONOTE ID for an account, and it is not
 * the one Raccord is sure of (certain or admin-confirmed assignment). From the ENT, the person
 * opens nobody's PRONOTE — or somebody else's, which leaks a minor's data.
 */
import type { CheckRule } from './types.js';
import { PASTE_PRONOTE_ID, accountRef, indexDataset, pronoteLabel, type RawFinding } from './common.js';

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
    const expectedOwner = new Map<string, string[]>();
    for (const a of ctx.match.assignments)
      if (a.pronoteId && (a.decision === 'certain' || a.confirmedByAdmin))
        expectedOwner.set(a.pronoteId, [...(expectedOwner.get(a.pronoteId) ?? []), a.entLogin]);
    const out: RawFinding[] = [];
    for (const a of ctx.match.assignments) {
      if (!a.pronoteId || !(a.decision === 'certain' || a.confirmedByAdmin)) continue;
      const account = idx.accountByLogin.get(a.entLogin);
      const current = (a.currentPronoteId ?? account?.pronoteId)?.trim();
      if (!current || current === a.pronoteId) continue;
      const expectedRow = idx.pronoteById.get(a.pronoteId);
      const currentRow = idx.pronoteById.get(current);
      const others = (expectedOwner.get(current) ?? []).filter((l) => l !== a.entLogin);
      const who = account ? accountRef(account) : { source: 'ent' as const, kind: 'account' as const, id: a.entLogin, label: a.person?.label };
      out.push({
        subjects: [who, expectedRow ? { source: 'pronote', kind: 'row', id: a.pronoteId, label: pronoteLabel(expectedRow) } : { source: 'pronote', kind: 'row', id: a.pronoteId }],
        evidence: [
          `Compte ENT ${a.entLogin}${a.person?.label ? ` (${a.person.label})` : ''} : l'ENT porte ${current}, PRONOTE attend ${a.pronoteId}${expectedRow ? ` (${pronoteLabel(expectedRow)})` : ''}.`,
          currentRow
            ? `L'identifiant ${current} est celui de ${pronoteLabel(currentRow)} dans PRONOTE${others.length ? `, attendu sur le compte ${others.join(', ')}` : ''} : la connexion ouvre le PRONOTE d'une autre personne.`
            : `L'identifiant ${current} ne figure pas dans la liste PRONOTE (ancienne base ou saisie erronée).`,
          ...(a.evidence.length ? [`Rapprochement : ${a.evidence.join(', ')}.`] : []),
        ],
      });
    }
    return out;
  },
};
