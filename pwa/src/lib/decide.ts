/**
 * The admin's decisions: stored in the local database (apart from the imports), journalled for
 * undo. Link decisions change the reconciliation (they are passed to `reconcile`), so they
 * refresh the results; finding decisions only change how findings are shown.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Finding } from '@raccord/core';
import { getDb, type DecisionRow } from '../db/schema.ts';
import { decisionKey, nowIso, setDecision, setDecisions, undoLast } from '../db/store.ts';
import { fr } from '../i18n/fr.ts';
import { useFeedback } from '../app/feedback.tsx';
import { keys } from './queries.ts';

export function useDecide() {
  const qc = useQueryClient();
  const { notify } = useFeedback();

  /**
   * The decisions show at once; a link decision also reconciles the school again in the worker,
   * which takes a few seconds on a large school: that runs in the background (the header says so).
   */
  const refresh = useCallback(
    async (touchesLinks: boolean) => {
      await qc.invalidateQueries({ queryKey: keys.decisions });
      if (touchesLinks) {
        void qc.invalidateQueries({ queryKey: keys.overview });
        void qc.invalidateQueries({ queryKey: keys.worklist });
        void qc.invalidateQueries({ queryKey: keys.decisionFacts });
        void qc.invalidateQueries({ queryKey: ['person'] });
      }
    },
    [qc],
  );

  const undo = useCallback(async () => {
    const last = await undoLast(getDb());
    if (!last) {
      notify(fr.common.nothingToUndo);
      return;
    }
    const row = last.after ?? last.before;
    await refresh(row?.type !== 'finding');
    notify(last.undone > 1 ? fr.common.undoneMany(last.undone) : fr.common.undone(row?.label ?? last.key));
  }, [notify, refresh]);

  const apply = useCallback(
    async (key: string, row: DecisionRow | null, message: string) => {
      await setDecision(getDb(), key, row);
      await refresh((row?.type ?? key.split(':')[0]) !== 'finding');
      notify(message, { action: { label: fr.common.undo, run: () => void undo() } });
    },
    [notify, refresh, undo],
  );

  /** Confirms or rejects a probable link; `null` removes the decision. */
  const decideLink = useCallback(
    (linkKey: string, verdict: 'confirmed' | 'rejected' | null, label: string) => {
      const key = decisionKey.link(linkKey);
      const row: DecisionRow | null = verdict ? { key, type: 'link', linkKey, verdict, label, at: nowIso() } : null;
      const msg = verdict === 'confirmed' ? fr.links.done.confirm(label) : verdict === 'rejected' ? fr.links.done.reject(label) : fr.links.done.clear(label);
      return apply(key, row, msg);
    },
    [apply],
  );

  /** Confirms a group of probable links at once (« Tout confirmer »); one « Annuler » undoes them all. */
  const confirmLinks = useCallback(
    async (links: readonly { linkKey: string; label: string }[]) => {
      const at = nowIso();
      const rows: DecisionRow[] = links.map((l) => ({ key: decisionKey.link(l.linkKey), type: 'link', linkKey: l.linkKey, verdict: 'confirmed', label: l.label, at }));
      await setDecisions(getDb(), rows, `lot-${at}`);
      await refresh(true);
      notify(fr.links.done.confirmMany(rows.length), { action: { label: fr.common.undo, run: () => void undo() } });
    },
    [notify, refresh, undo],
  );

  /** Picks the PRONOTE ID of an ambiguous account; `null` removes the choice. */
  const choose = useCallback(
    (entLogin: string, pronoteId: string | null, label: string) => {
      const key = decisionKey.choice(entLogin);
      const row: DecisionRow | null = pronoteId ? { key, type: 'choice', entLogin, pronoteId, label, at: nowIso() } : null;
      return apply(key, row, pronoteId ? fr.links.done.choose(label, pronoteId) : fr.links.done.clear(label));
    },
    [apply],
  );

  /** Marks a finding handled or ignored (with a reason); `null` puts it back to do. */
  const markFinding = useCallback(
    async (finding: Finding, verdict: 'handled' | 'ignored' | null, reason?: string) => {
      const key = decisionKey.finding(finding.key);
      const label = findingLabel(finding);
      const last = await getDb().imports.orderBy('committedAt').last();
      const row: DecisionRow | null = verdict
        ? {
            key,
            type: 'finding',
            findingKey: finding.key,
            code: finding.code,
            verdict,
            label,
            importId: last?.id ?? 0,
            at: nowIso(),
            ...(reason ? { reason } : {}),
          }
        : null;
      const msg = verdict === 'handled' ? fr.links.done.handled(label) : verdict === 'ignored' ? fr.links.done.ignored(label) : fr.links.done.reopen(label);
      return apply(key, row, msg);
    },
    [apply],
  );

  return { decideLink, confirmLinks, choose, markFinding, undo };
}

/** « Lycée…: DUPONT Léa (2NDE3) » — the subject labels of a finding, for messages. */
export function findingLabel(f: Finding): string {
  const who = f.subjects.map((s) => s.label ?? s.id).slice(0, 2).join(', ');
  return `${f.title}${who ? ` – ${who}` : ''}`;
}
