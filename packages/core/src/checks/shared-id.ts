/**
 * pronote.shared-id — error: one PRONOTE user, several ENT accounts (a duplicate guardian or
 * pupil in SIECLE gives two ENT accounts; PRONOTE, less sensitive to accents, has one). The ENT
 * cannot choose and gives the ID to none: nobody behind those accounts reaches PRONOTE. The fix
 * of the seeds (001, « Pas d'identifiant PRONOTE (5/5) ») is to give every account the same ID.
 *
 * Built only from sure links: certain or admin-confirmed assignments, and people (a record, or
 * the records of a SIECLE duplicate: see duplicates.ts) whose certain links agree on one PRONOTE
 * row while they have several ENT accounts. Silent once every account already carries the ID.
 */
import { displayName } from '../model/types.js';
import type { CheckRule } from './types.js';
import type { SubjectRef } from '../match/types.js';
import { accountRef, addUnique, indexDataset, ownerLink, personKey, pronoteRef, type RawFinding } from './common.js';
import { accountsOf, peopleOf, personOf, surePronoteRow } from './people.js';

export const sharedId: CheckRule = {
  code: 'pronote.shared-id',
  title: 'Un identifiant PRONOTE pour plusieurs comptes ENT',
  severity: 'error',
  description:
    "Une même personne de PRONOTE correspond à plusieurs comptes ENT (doublon de responsable ou d'élève dans SIECLE) : l'ENT ne sait pas auquel affecter l'identifiant PRONOTE et ne l'affecte à aucun. Aucun de ces comptes ne peut ouvrir PRONOTE depuis l'ENT.",
  fix: [
    "Donner le même identifiant PRONOTE à chacun des comptes ENT listés.",
    "1. Copier l'identifiant PRONOTE (depuis le fichier des identifiants PRONOTE ou PRONOTE, onglet Ressources).",
    "2. Pour chaque compte : dans l'ENT, Annuaire > Rechercher un utilisateur, cliquer sur l'icône de la fiche puis, sur la ligne de l'établissement, sur « Modifier la valeur », et coller l'identifiant.",
    "3. En début d'année, avant de distribuer les codes ENT aux parents, on peut aussi supprimer le doublon dans SIECLE (Fiches élèves > Doublons responsables) ; rapprocher les comptes ENT seulement exceptionnellement et avec grande prudence. En cours d'année, si les comptes ont déjà servi, se contenter d'affecter le même identifiant.",
  ].join('\n'),
  run(ctx) {
    const ds = ctx.dataset;
    const idx = indexDataset(ds);
    const m = ctx.match;
    const logins = new Map<string, string[]>();
    m.assignments.forEach((a) => {
      if (a.pronoteId && (a.decision === 'certain' || a.confirmedByAdmin)) addUnique(logins, a.pronoteId, a.entLogin);
    });
    // People (one record, or the records of a SIECLE duplicate) with a sure PRONOTE row: all their
    // accounts carry it, and two people the matcher surely ties to one row share it.
    const people = peopleOf(ds);
    people.list.forEach((person) => {
      const id = surePronoteRow(m, person);
      if (id) for (const l of accountsOf(m, person)) addUnique(logins, id, l);
    });
    const shared = new Map<string, string[]>();
    logins.forEach((list, id) => {
      if (list.length > 1) shared.set(id, list);
    });
    // The ID each account carries today, looked up only for the accounts that share one.
    const sharing = new Set<string>();
    shared.forEach((list) => list.forEach((l) => sharing.add(l)));
    const current = new Map<string, string | undefined>();
    m.assignments.forEach((a) => {
      if (sharing.has(a.entLogin)) current.set(a.entLogin, a.currentPronoteId);
    });
    const out: RawFinding[] = [];
    shared.forEach((list, id) => {
      const accounts = [...list].sort().map((l) => ({ login: l, account: idx.accountByLogin.get(l) }));
      const carried = (l: string) => current.get(l) ?? idx.accountByLogin.get(l)?.pronoteId;
      if (accounts.every((x) => carried(x.login) === id)) return;
      const row = idx.pronoteById.get(id);
      const records = new Map<string, SubjectRef>();
      for (const x of accounts) {
        const owner = ownerLink(m, x.login);
        const person = owner && owner.link.decision !== 'ambiguous' ? personOf(people, owner.person) : undefined;
        for (const r of person?.records ?? []) records.set(personKey(r), r);
      }
      out.push({
        subjects: [
          row ? pronoteRef(row) : { source: 'pronote', kind: 'row', id },
          ...accounts.map((x) => (x.account ? accountRef(x.account) : { source: 'ent' as const, kind: 'account' as const, id: x.login })),
          ...records.values(),
        ],
        evidence: [
          `L'identifiant PRONOTE ${id}${row ? ` (${displayName(row.name)})` : ''} revient à ${accounts.length} comptes ENT : ${accounts.map((x) => x.login).join(', ')}.`,
          ...accounts.map((x) => {
            const c = carried(x.login);
            return `Compte ${x.login}${x.account ? ` (${displayName(x.account.name)})` : ''} : ${c ? (c === id ? 'porte déjà cet identifiant' : `porte l'identifiant ${c}`) : "ne porte pas d'identifiant PRONOTE"}.`;
          }),
        ],
      });
    });
    return out;
  },
};
