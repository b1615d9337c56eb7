import type { Assignment } from '@raccord/core';
import { refKey } from '@raccord/core/match/types.ts';
import { fr } from '../../i18n/fr.ts';
import { href } from '../../app/router.ts';
import { useDecisions } from '../../lib/queries.ts';
import { useDecide } from '../../lib/decide.ts';
import { decisionKey } from '../../db/store.ts';
import type { DecisionFacts } from '../../engine/types.ts';
import { assignmentLabel } from './AssignmentDecision.tsx';
import { focusNextDecision } from './focus.ts';

const F = fr.person.fields;

/** The account's person in a few words that tell it from a homonym (two teachers « BARBIER Ana »). */
function whoKey(facts: readonly [string, string][]): string {
  const first = (label: string) => facts.find(([l]) => l === label)?.[1];
  const birthYear = first(F.birthDate)?.match(/\d{4}$/)?.[0];
  return fr.links.whoKey({ disciplines: first(F.disciplines), division: first(F.division), birthYear });
}

/**
 * An ambiguous ENT account: the person, then every PRONOTE candidate side by side with the facts
 * that tell them apart (children, address, phone; discipline, birth date), and one button each.
 */
export function AmbiguousCard({ assignment: a, facts }: { assignment: Assignment; facts: DecisionFacts | undefined }) {
  const decisions = useDecisions();
  const { choose } = useDecide();
  const label = assignmentLabel(a);
  const choice = decisions.data?.get(decisionKey.choice(a.entLogin));
  const title = a.person?.label ?? facts?.account.title ?? a.entLogin;
  const headingId = `amb-${a.entLogin}`;
  const key = facts ? whoKey(facts.account.facts) : '';
  return (
    <section className="ambiguous-card card" aria-labelledby={headingId} data-login={a.entLogin}>
      <h3 id={headingId}>
        {a.person ? <a href={href({ name: 'person', refKey: refKey(a.person) })}>{title}</a> : title}{' '}
        {key && <span className="who-key">· {key} </span>}
        <span className="sub">
          · {fr.links.col.account} <code className="id">{a.entLogin}</code>
        </span>
      </h3>
      {facts?.account.facts.length ? (
        <p className="sub">
          {fr.links.inEnt} {facts.account.facts.map(([l, v]) => `${l} : ${v}`).join(' · ')}
        </p>
      ) : null}
      {facts && facts.candidates.length > 1 && !facts.candidates.some((c) => c.facts.some((f) => f.differs)) && <p className="notice-warn">{fr.links.sameInPronote}</p>}
      {choice?.type === 'choice' && (
        <p className="actions">
          <span className="badge badge-ok">{fr.links.chosen(choice.pronoteId)}</span>
          <button type="button" className="link-button" onClick={() => choose(a.entLogin, null, label)}>
            {fr.links.undoOne}
          </button>
        </p>
      )}
      <ul className="candidate-grid" aria-label={fr.links.candidatesOf(title)}>
        {(facts?.candidates ?? (a.candidates ?? []).map((c) => ({ ...c, facts: [] as DecisionFacts['candidates'][number]['facts'] }))).map((c) => (
          <li key={c.pronoteId} className="candidate">
            <p className="candidate-name">
              <strong>{c.label}</strong>
              <br />
              <code className="id">{c.pronoteId}</code>
            </p>
            {c.facts.length > 0 && (
              <dl className="facts">
                {c.facts.map((f, i) => (
                  <div key={i} className={f.differs ? 'fact-differs' : undefined}>
                    <dt>{f.label}</dt>
                    <dd>
                      {f.value}
                      {f.differs && <span className="visually-hidden"> {fr.links.differs}</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {c.evidence.length > 0 && <p className="sub">{c.evidence.join(', ')}</p>}
            {!choice && (
              <button
                type="button"
                className="small candidate-choose"
                aria-label={`${fr.links.choose} : ${c.label} (${c.pronoteId}) pour ${label}`}
                onClick={(e) => {
                  focusNextDecision(e.currentTarget);
                  void choose(a.entLogin, c.pronoteId, label);
                }}
              >
                {fr.links.choose}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
