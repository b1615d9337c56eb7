/**
 * What the admin has to do for one ENT account of the plan, in one French word, for the popup and
 * the side panel: paste the expected ID, replace the one the ENT carries, nothing (already right),
 * nothing (no PRONOTE row), or decide in Raccord first. An ID is offered only for a certain or
 * admin-confirmed link (the plan carries no other), and never when the plan gives it to another
 * person too, unless core found they are one person with several accounts (the plan's `sameAs`:
 * the documented fix is the same ID on each account).
 */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import { usableId, type PlanIndex } from '../lib/people';

export type AccountState =
  | { kind: 'paste'; expected: string; note?: string }
  | { kind: 'replace'; expected: string; current: string; note?: string }
  | { kind: 'right'; expected: string }
  | { kind: 'absent'; current?: string; why: string }
  | { kind: 'decide'; current?: string; why: string; candidates: { pronoteId: string; label: string }[] }
  | { kind: 'no-list'; current?: string };

export type AccountStateKind = AccountState['kind'];

export const STATE_LABEL: Record<AccountStateKind, string> = {
  paste: 'à coller',
  replace: 'à remplacer',
  right: 'déjà bon',
  absent: 'absent de PRONOTE',
  decide: 'à décider dans Raccord',
  'no-list': 'liste PRONOTE non importée',
};

const PROBABLE = 'lien probable : à confirmer ou rejeter dans Raccord (Liens à décider)';

/** What this login carries in the ENT today, as the plan knows it. */
export function currentOf(p: BridgePerson, login: string): string | undefined {
  const current = p.currentByLogin ? p.currentByLogin[login] : login === p.entLogins[0] ? p.currentPronoteId : undefined;
  return current?.trim() || undefined;
}

/** Built on the panel's own rule (`usableId`): the popup never offers an ID the panel would refuse. */
export function accountState(index: PlanIndex, p: BridgePerson, login: string): AccountState {
  const current = currentOf(p, login);
  const withCurrent = current ? { current } : {};
  const usable = usableId(index, p);
  if ('refused' in usable) {
    switch (usable.refused) {
      case 'ambiguous': {
        const why = p.pronoteStatus === 'ambiguous-owner' ? 'plusieurs fiches SIECLE ou STS-web peuvent être celle de ce compte' : 'plusieurs fiches PRONOTE peuvent être la bonne';
        return { kind: 'decide', ...withCurrent, why, candidates: p.candidates ?? [] };
      }
      case 'no-pronote-row':
        return { kind: 'absent', ...withCurrent, why: 'aucune fiche PRONOTE ne correspond : rien à coller' };
      case 'shared':
        return { kind: 'decide', ...withCurrent, why: `le plan donne cet identifiant à ${index.byPronoteId.get(p.pronoteId!)?.length ?? 2} personnes : à trancher dans Raccord`, candidates: [] };
      case 'unconfirmed':
      case 'no-id':
        if (!p.pronoteId && p.pronoteStatus === 'no-owner') return { kind: 'absent', ...withCurrent, why: 'ni fiche SIECLE ou STS-web ni fiche PRONOTE ne correspond à ce compte : rien à coller' };
        if (!p.pronoteId && p.pronoteStatus === 'no-pronote-list') return { kind: 'no-list', ...withCurrent };
        // A probable link the admin has not confirmed (or a plan too old to say why).
        return { kind: 'decide', ...withCurrent, why: usable.refused === 'unconfirmed' ? PROBABLE : 'aucun identifiant PRONOTE attendu dans le plan', candidates: [] };
    }
  }
  const expected = usable.id;
  // One person entered twice (core's `sameAs` group): the same ID on each account is the fix.
  const note = usable.sameAs?.length ? 'même personne que ' + usable.sameAs.map((s) => `${s.family} ${s.given}`).join(', ') + ' (doublon) : le même identifiant sur chaque compte' : undefined;
  if (current === expected) return { kind: 'right', expected };
  if (current) return { kind: 'replace', expected, current, ...(note ? { note } : {}) };
  return { kind: 'paste', expected, ...(note ? { note } : {}) };
}

/** The PRONOTE ID the popup may offer to copy for this account (only « à coller » and « à remplacer »). */
export function idToCopy(s: AccountState): string | undefined {
  return s.kind === 'paste' || s.kind === 'replace' ? s.expected : undefined;
}
