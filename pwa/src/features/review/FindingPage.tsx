import { useId, useState } from 'react';
import { refKey } from '@raccord/core/match/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Badge, ErrorBox, Loading, SeverityBadge } from '../../components/ui.tsx';
import { fr } from '../../i18n/fr.ts';
import { href } from '../../app/router.ts';
import { useDecisions, useOverview } from '../../lib/queries.ts';
import { useDecide } from '../../lib/decide.ts';
import { subjectsLine } from '../../lib/format.ts';
import { findingDecision, findingStatus } from '../../lib/status.ts';

/** One finding: what was found, who it concerns, how to fix it, and the admin's decision. */
export function FindingPage({ findingKey }: { findingKey: string }) {
  const overview = useOverview();
  const decisions = useDecisions();
  if (overview.isPending || decisions.isPending) return <Loading />;
  if (overview.isError) return <ErrorBox error={overview.error} onRetry={() => overview.refetch()} />;
  const findings = overview.data.result?.findings ?? [];
  const f = findings.find((x) => x.key === findingKey);
  if (!f) {
    return (
      <div className="page">
        <PageTitle text={fr.review.title}>{fr.review.title}</PageTitle>
        <p>{fr.review.notFound}</p>
        <a href={href({ name: 'review' })}>← {fr.review.title}</a>
      </div>
    );
  }
  const status = findingStatus(f, decisions.data, overview.data.lastImport?.id);
  const decision = findingDecision(f, decisions.data);
  const siblings = findings.filter((x) => x.code === f.code).sort((a, b) => subjectsLine(a).localeCompare(subjectsLine(b), 'fr') || a.key.localeCompare(b.key));
  const i = siblings.indexOf(f);
  const prev = siblings[i - 1];
  const next = siblings[i + 1];
  const rule = overview.data.rules.find((r) => r.code === f.code);
  const title = `${f.title}${f.subjects[0] ? ` – ${f.subjects[0].label ?? f.subjects[0].id}` : ''}`;

  return (
    <div className="page finding-page">
      <nav className="crumbs" aria-label={fr.review.title}>
        <a href={href({ name: 'review', code: f.code })}>← {fr.review.listTitle(f.title)}</a>
        <span className="sub">{fr.review.counter(i + 1, siblings.length)}</span>
        {prev && <a href={href({ name: 'finding', key: prev.key })}>{fr.review.previous}</a>}
        {next && <a href={href({ name: 'finding', key: next.key })}>{fr.review.next}</a>}
      </nav>
      <PageTitle text={title}>
        <SeverityBadge severity={f.severity} /> {title}
      </PageTitle>
      <p>
        <Badge tone={status === 'back' ? 'warn' : status === 'handled' ? 'ok' : 'neutral'}>{fr.review.status[status]}</Badge>
        {overview.data.newFindingKeys.includes(f.key) && <Badge tone="new">{fr.review.newBadge}</Badge>}
      </p>
      {status === 'back' && decision && <p className="notice-warn">{fr.review.backNote(fr.common.dateTime(decision.at))}</p>}
      {rule?.description && <p className="lead">{rule.description}</p>}

      <section aria-labelledby="ev-title" className="card">
        <h2 id="ev-title">{fr.review.evidenceTitle}</h2>
        <ul>
          {f.evidence.map((e, k) => (
            <li key={k}>{e}</li>
          ))}
        </ul>
        <h3>{fr.review.subjectsTitle}</h3>
        <ul className="subject-list">
          {f.subjects.map((s) => (
            <li key={refKey(s)}>
              <span className="source-tag">{fr.source[s.source]}</span>{' '}
              {s.kind === 'group' ? (
                <span>{s.label ?? s.id}</span>
              ) : (
                <a href={href({ name: 'person', refKey: refKey(s) })}>{s.label ?? s.id}</a>
              )}{' '}
              <span className="sub">({s.id})</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="fix-title" className="card">
        <h2 id="fix-title">{fr.review.fixTitle}</h2>
        <p className="fix">{f.fix}</p>
      </section>

      <FindingDecisionPanel findingKey={f.key} />
    </div>
  );
}

function FindingDecisionPanel({ findingKey }: { findingKey: string }) {
  const overview = useOverview();
  const decisions = useDecisions();
  const { markFinding } = useDecide();
  const [ignoring, setIgnoring] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const ids = { reason: useId(), err: useId() };
  const f = overview.data?.result?.findings.find((x) => x.key === findingKey);
  if (!f) return null;
  const decision = findingDecision(f, decisions.data);
  const verdictLabel = decision ? (decision.verdict === 'handled' ? fr.review.status.handled : fr.review.status.ignored) : '';

  return (
    <section aria-labelledby="dec-title" className="card decision-panel">
      <h2 id="dec-title">{fr.links.col.decision}</h2>
      {decision && <p>{fr.review.decidedOn(verdictLabel, fr.common.dateTime(decision.at), decision.reason)}</p>}
      <div className="actions">
        {decision?.verdict !== 'handled' && (
          <button type="button" className="primary" onClick={() => markFinding(f, 'handled')}>
            {fr.review.markHandled}
          </button>
        )}
        {decision?.verdict !== 'ignored' && !ignoring && (
          <button type="button" className="button-secondary" onClick={() => setIgnoring(true)}>
            {fr.review.markIgnored}
          </button>
        )}
        {decision && (
          <button type="button" className="button-secondary" onClick={() => markFinding(f, null)}>
            {fr.review.reopen}
          </button>
        )}
      </div>
      {ignoring && (
        <form
          className="ignore-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!reason.trim()) return setError(fr.review.reasonRequired);
            await markFinding(f, 'ignored', reason.trim());
            setIgnoring(false);
            setReason('');
          }}
        >
          <label htmlFor={ids.reason}>{fr.review.reasonLabel}</label>
          <textarea
            id={ids.reason}
            rows={2}
            value={reason}
            placeholder={fr.review.reasonPlaceholder}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.err : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setError('');
            }}
          />
          {error && (
            <p id={ids.err} className="field-error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit">{fr.review.confirmIgnore}</button>
            <button type="button" className="button-secondary" onClick={() => setIgnoring(false)}>
              {fr.common.cancel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
