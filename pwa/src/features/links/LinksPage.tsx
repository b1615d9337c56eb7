import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Assignment } from '@raccord/core';
import { normalizeName } from '@raccord/core/model/names.ts';
import { refKey } from '@raccord/core/match/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorBox, Loading, NoDataPage } from '../../components/ui.tsx';
import { VirtualTable, useSort, type Column } from '../../components/VirtualTable.tsx';
import { Reasons } from '../../components/Reasons.tsx';
import { fr } from '../../i18n/fr.ts';
import { href, navigate, type LinksShow } from '../../app/router.ts';
import { assignmentCategory, needsDecision, type AssignmentCategory } from '../../lib/assignments.ts';
import { useDecisionFacts, useDecisions, useOverview } from '../../lib/queries.ts';
import { AmbiguousCard } from './AmbiguousCard.tsx';
import { ProbableGroups } from './ProbableGroups.tsx';
import { groupProbables } from '../../lib/groups.ts';
import { useDecide } from '../../lib/decide.ts';
import type { DecisionRow } from '../../db/schema.ts';
import { AssignmentDecision, assignmentLabel } from './AssignmentDecision.tsx';


interface Row {
  a: Assignment;
  category: AssignmentCategory;
  haystack: string;
  person: string;
}

/** Probable links to confirm, ambiguous ones to settle; also the whole plan, virtualised. */
export function LinksPage({ show }: { show: LinksShow }) {
  const overview = useOverview();
  const decisions = useDecisions();
  const facts = useDecisionFacts();
  const [query, setQuery] = useState('');
  const setShow = (s: LinksShow) => navigate({ name: 'links', show: s });
  const [sort, toggleSort] = useSort({ by: 'person', dir: 'asc' });
  const q = useDeferredValue(query);
  const ids = { q: useId(), s: useId() };

  const rows = useMemo<Row[]>(
    () =>
      (overview.data?.result?.assignments ?? []).map((a) => {
        const person = a.person?.label ?? '';
        return { a, person, category: assignmentCategory(a), haystack: normalizeName(`${person} ${a.entLogin} ${a.pronoteId ?? ''} ${(a.candidates ?? []).map((c) => `${c.label} ${c.pronoteId}`).join(' ')}`) };
      }),
    [overview.data],
  );

  const shown = useMemo(() => {
    const nq = normalizeName(q);
    const filtered = rows.filter(
      (r) =>
        (show === 'all' || (show === 'todo' ? needsDecision(r.a) : r.category === show)) &&
        (!nq || r.haystack.includes(nq)),
    );
    const dir = sort.dir === 'asc' ? 1 : -1;
    const by =
      sort.by === 'account'
        ? (x: Row, y: Row) => x.a.entLogin.localeCompare(y.a.entLogin)
        : sort.by === 'proposal'
          ? (x: Row, y: Row) => x.a.decision.localeCompare(y.a.decision) || (x.a.pronoteId ?? '').localeCompare(y.a.pronoteId ?? '')
          : (x: Row, y: Row) => x.person.localeCompare(y.person, 'fr');
    return filtered.sort((x, y) => dir * by(x, y) || x.a.entLogin.localeCompare(y.a.entLogin));
  }, [rows, q, show, sort]);

  // Ambiguous accounts are shown in full (person and candidates side by side), the others in the table.
  const ambiguous = shown.filter((r) => r.category === 'ambiguous');
  const others = shown.filter((r) => r.category !== 'ambiguous');
  const groups = show === 'todo' || show === 'probable' ? groupProbables(others.map((r) => r.a)) : [];

  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorBox error={overview.error} onRetry={() => overview.refetch()} />;
  if (!overview.data.result) return <NoDataPage title={fr.links.title} />;

  const columns: Column<Row>[] = [
    {
      id: 'person',
      header: fr.links.col.person,
      width: 'minmax(10rem, 2fr)',
      sortable: true,
      render: (r) =>
        r.a.person ? (
          <a href={href({ name: 'person', refKey: refKey(r.a.person) })}>{r.person || r.a.person.id}</a>
        ) : (
          <a href={href({ name: 'person', refKey: refKey({ source: 'ent', kind: 'account', id: r.a.entLogin }) })} className="sub">
            {fr.links.noPerson}
          </a>
        ),
    },
    { id: 'account', header: fr.links.col.account, width: 'minmax(8rem, 1.4fr)', sortable: true, render: (r) => <code className="id">{r.a.entLogin}</code> },
    {
      id: 'proposal',
      header: fr.links.col.proposal,
      width: 'minmax(9rem, 1.2fr)',
      sortable: true,
      render: (r) => (
        <>
          <code className="id">{r.a.pronoteId ?? fr.common.none}</code>{' '}
          <span className={`badge badge-decision-${r.a.decision}`}>{r.a.confirmedByAdmin ? fr.decision.confirmedByAdmin : fr.decision[r.a.decision]}</span>
        </>
      ),
    },
    { id: 'evidence', header: fr.links.col.evidence, width: 'minmax(10rem, 2fr)', render: (r) => <Reasons items={r.a.evidence} about={assignmentLabel(r.a)} /> },
    { id: 'decision', header: fr.links.col.decision, width: 'minmax(14rem, 2fr)', render: (r) => <AssignmentDecision assignment={r.a} compact /> },
  ];

  return (
    <div className="page links-page">
      <PageTitle text={fr.links.title}>{fr.links.title}</PageTitle>
      <p className="lead">{fr.links.intro}</p>
      <div className="filters" role="search">
        <label htmlFor={ids.q}>{fr.links.filterLabel}</label>
        <input id={ids.q} type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="links-filter" />
        <label htmlFor={ids.s}>{fr.links.show}</label>
        <select id={ids.s} value={show} onChange={(e) => setShow(e.target.value as LinksShow)} data-testid="links-show">
          <option value="todo">{fr.links.showTodo}</option>
          <option value="probable">{fr.links.showProbable}</option>
          <option value="ambiguous">{fr.links.showAmbiguous}</option>
          <option value="certain">{fr.links.showCertain}</option>
          <option value="confirmed">{fr.links.showConfirmed}</option>
          <option value="absent">{fr.links.showAbsent}</option>
          <option value="unlinked">{fr.links.showUnlinked}</option>
          <option value="decided">{fr.links.showDecided}</option>
          <option value="all">{fr.links.showAll}</option>
        </select>
      </div>
      {show === 'decided' ? (
        <DecidedList rows={[...(decisions.data?.values() ?? [])].filter((d) => d.type !== 'finding')} />
      ) : (
        <>
          <p aria-live="polite" className="hint" data-testid="links-shown" data-count={shown.length}>
            {fr.links.shown(shown.length, rows.length)}
          </p>
          {shown.length === 0 && <p>{fr.links.none}</p>}
          {ambiguous.length > 0 && (
            <section aria-labelledby="ambiguous-title" className="ambiguous-list">
              <h2 id="ambiguous-title">{fr.links.ambiguousTitle}</h2>
              <p className="hint">{fr.links.ambiguousIntro}</p>
              {ambiguous.map((r) => (
                <AmbiguousCard key={r.a.entLogin} assignment={r.a} facts={facts.data?.[r.a.entLogin]} />
              ))}
            </section>
          )}
          <ProbableGroups groups={groups} />
          {others.length > 0 && (
            <VirtualTable
              rows={others}
              columns={columns}
              rowKey={(r) => r.a.entLogin}
              label={fr.links.caption}
              rowHeight={64}
              sort={sort}
              onSort={toggleSort}
            />
          )}
        </>
      )}
    </div>
  );
}

function DecidedList({ rows }: { rows: DecisionRow[] }) {
  const { decideLink, choose } = useDecide();
  if (!rows.length) return <p>{fr.links.noneDecided}</p>;
  const sorted = [...rows].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ul className="decided-list">
      {sorted.map((d) => (
        <li key={d.key}>
          <strong>{d.label ?? d.key}</strong>{' '}
          {d.type === 'choice' ? fr.links.chosen(d.pronoteId) : d.type === 'link' ? (d.verdict === 'confirmed' ? fr.links.confirmed : fr.links.rejected) : ''}{' '}
          <span className="sub">({fr.common.dateTime(d.at)})</span>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => (d.type === 'choice' ? choose(d.entLogin, null, d.label ?? d.entLogin) : d.type === 'link' ? decideLink(d.linkKey, null, d.label ?? d.linkKey) : undefined)}
          >
            {fr.links.undoOne}
          </button>
        </li>
      ))}
    </ul>
  );
}
