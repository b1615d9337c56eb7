import { useId, useState } from 'react';
import type { Assignment } from '@raccord/core';
import { assignmentKey } from '@raccord/core/match/types.ts';
import { fr } from '../../i18n/fr.ts';
import { decisionKey } from '../../db/store.ts';
import { useDecisions } from '../../lib/queries.ts';
import { useDecide } from '../../lib/decide.ts';
import { focusNextDecision } from './focus.ts';

export function assignmentLabel(a: Assignment): string {
  return a.person?.label ? `${a.person.label} (${a.entLogin})` : a.entLogin;
}

/** The decision buttons of one ENT account's PRONOTE ID: confirm, reject, or pick a candidate. */
export function AssignmentDecision({ assignment: a, compact = false }: { assignment: Assignment; compact?: boolean }) {
  const decisions = useDecisions();
  const { decideLink, choose } = useDecide();
  const [pick, setPick] = useState('');
  const selectId = useId();
  const label = assignmentLabel(a);
  const linkDecision = a.pronoteId ? decisions.data?.get(decisionKey.link(assignmentKey(a.entLogin, a.pronoteId))) : undefined;
  const choice = decisions.data?.get(decisionKey.choice(a.entLogin));

  const decided =
    choice?.type === 'choice' ? (
      <span className="badge badge-ok">{fr.links.chosen(choice.pronoteId)}</span>
    ) : linkDecision?.type === 'link' ? (
      <span className={`badge ${linkDecision.verdict === 'confirmed' ? 'badge-ok' : 'badge-error'}`}>
        {linkDecision.verdict === 'confirmed' ? fr.links.confirmed : fr.links.rejected}
      </span>
    ) : null;

  return (
    <div className={`assignment${compact ? ' assignment-compact' : ''}`}>
      {!compact && (
        <p>
          <strong>{label}</strong> → <code>{a.pronoteId ?? fr.common.none}</code>{' '}
          <span className={`badge badge-decision-${a.decision}`}>{a.confirmedByAdmin ? fr.decision.confirmedByAdmin : fr.decision[a.decision]}</span>
          {a.currentPronoteId && (
            <span className="sub">
              {' '}
              · {fr.person.fields.currentPronoteId} : <code>{a.currentPronoteId}</code>
            </span>
          )}
          <br />
          <span className="sub">{a.evidence.join(', ')}</span>
        </p>
      )}
      <div className="actions">
        {decided}
        {decided ? (
          <button
            type="button"
            className="link-button"
            onClick={() => (choice ? choose(a.entLogin, null, label) : decideLink(assignmentKey(a.entLogin, a.pronoteId!), null, label))}
          >
            {fr.links.undoOne}
          </button>
        ) : a.decision === 'probable' && a.pronoteId && !a.confirmedByAdmin ? (
          <>
            <button type="button" className="primary small" onClick={(e) => {
                focusNextDecision(e.currentTarget);
                void decideLink(assignmentKey(a.entLogin, a.pronoteId!), 'confirmed', label);
              }} aria-label={`${fr.links.confirm} : ${label}`}>
              {fr.links.confirm}
            </button>
            <button type="button" className="button-secondary small" onClick={(e) => {
                focusNextDecision(e.currentTarget);
                void decideLink(assignmentKey(a.entLogin, a.pronoteId!), 'rejected', label);
              }} aria-label={`${fr.links.reject} : ${label}`}>
              {fr.links.reject}
            </button>
          </>
        ) : a.decision === 'ambiguous' && a.candidates?.length ? (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              {fr.links.chooseLabel(a.entLogin)}
            </label>
            <select id={selectId} value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">{fr.links.chooseNone}</option>
              {a.candidates.map((c) => (
                <option key={c.pronoteId} value={c.pronoteId}>
                  {`${c.label} – ${c.pronoteId}`}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="small"
              disabled={!pick}
              onClick={(e) => {
                focusNextDecision(e.currentTarget);
                void choose(a.entLogin, pick, label);
              }}
            >
              {fr.links.choose}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
