import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Finding } from '@raccord/core';
import { normalizeName } from '@raccord/core/model/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Badge, ErrorBox, Loading, SeverityBadge } from '../../components/ui.tsx';
import { VirtualTable, useSort, type Column } from '../../components/VirtualTable.tsx';
import { Reasons } from '../../components/Reasons.tsx';
import { fr, severityOrder } from '../../i18n/fr.ts';
import { href, navigate, type ReviewStatus } from '../../app/router.ts';
import { useDecisions, useOverview } from '../../lib/queries.ts';
import { subjectsLine } from '../../lib/format.ts';
import { findingStatus, isOpen, type FindingStatus } from '../../lib/status.ts';

type StatusFilter = ReviewStatus;

interface Row {
  f: Finding;
  status: FindingStatus;
  fresh: boolean;
  subject: string;
  evidence: string;
  /** Normalised text searched by the filter. */
  haystack: string;
}

const STATUS_BADGE: Record<FindingStatus, 'neutral' | 'ok' | 'warn' | 'error'> = { todo: 'neutral', handled: 'ok', ignored: 'neutral', back: 'warn' };

/** The findings of one rule (or `*`: all), filterable, sortable, virtualised. */
export function RuleFindingsPage({ code, status }: { code: string; status: StatusFilter }) {
  const overview = useOverview();
  const decisions = useDecisions();
  const [query, setQuery] = useState('');
  // The filter is in the address: a count of the overview opens exactly the list it counts.
  const setStatus = (s: StatusFilter) => navigate({ name: 'review', code, status: s });
  const [sort, toggleSort] = useSort({ by: 'subject', dir: 'asc' });
  const deferredQuery = useDeferredValue(query);
  const ids = { q: useId(), s: useId() };

  const rows = useMemo<Row[]>(() => {
    const r = overview.data?.result;
    if (!r) return [];
    const fresh = new Set(overview.data!.newFindingKeys);
    const lastId = overview.data!.lastImport?.id;
    return r.findings
      .filter((f) => code === '*' || f.code === code)
      .map((f) => {
        const subject = subjectsLine(f);
        const evidence = f.evidence.join(' ; ');
        return {
          f,
          status: findingStatus(f, decisions.data, lastId),
          fresh: fresh.has(f.key),
          subject,
          evidence,
          haystack: normalizeName(`${subject} ${evidence} ${f.subjects.map((s) => s.id).join(' ')}`),
        };
      });
  }, [overview.data, decisions.data, code]);

  const shown = useMemo(() => {
    const q = normalizeName(deferredQuery);
    const filtered = rows.filter(
      (r) =>
        (status === 'all' || (status === 'todo' && isOpen(r.status)) || (status === 'handled' && !isOpen(r.status)) || (status === 'new' && r.fresh)) &&
        (!q || r.haystack.includes(q)),
    );
    const dir = sort.dir === 'asc' ? 1 : -1;
    const cmp: Record<string, (a: Row, b: Row) => number> = {
      subject: (a, b) => a.subject.localeCompare(b.subject, 'fr'),
      evidence: (a, b) => a.evidence.localeCompare(b.evidence, 'fr'),
      status: (a, b) => a.status.localeCompare(b.status),
      severity: (a, b) => severityOrder[a.f.severity] - severityOrder[b.f.severity],
    };
    const by = cmp[sort.by] ?? cmp.subject!;
    return filtered.sort((a, b) => dir * by(a, b) || a.f.key.localeCompare(b.f.key));
  }, [rows, deferredQuery, status, sort]);

  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorBox error={overview.error} onRetry={() => overview.refetch()} />;

  const title = code === '*' ? fr.review.allRules : (rows[0]?.f.title ?? overview.data.rules.find((r) => r.code === code)?.title ?? code);
  const rule = overview.data.rules.find((r) => r.code === code);

  const columns: Column<Row>[] = [
    {
      id: 'subject',
      header: fr.review.col.subject,
      width: 'minmax(12rem, 2fr)',
      sortable: true,
      render: (r) => (
        <a href={href({ name: 'finding', key: r.f.key })} className="row-link">
          {code === '*' && <SeverityBadge severity={r.f.severity} />} {r.subject || r.f.title}
        </a>
      ),
    },
    { id: 'evidence', header: fr.review.col.evidence, width: 'minmax(12rem, 3fr)', sortable: true, render: (r) => <Reasons items={r.f.evidence} about={r.subject || r.f.title} /> },
    {
      id: 'status',
      header: fr.review.col.status,
      width: '11rem',
      sortable: true,
      render: (r) => (
        <>
          <Badge tone={STATUS_BADGE[r.status]}>{fr.review.status[r.status]}</Badge>
          {r.fresh && <Badge tone="new">{fr.review.newBadge}</Badge>}
        </>
      ),
    },
  ];

  return (
    <div className="page">
      <PageTitle text={fr.review.listTitle(title)}>{fr.review.listTitle(title)}</PageTitle>
      <p>
        <a href={href({ name: 'review' })}>← {fr.review.title}</a>
      </p>
      {rule?.description && <p className="lead">{rule.description}</p>}
      <div className="filters" role="search">
        <label htmlFor={ids.q}>{fr.review.filterLabel}</label>
        <input id={ids.q} type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="filter" />
        <label htmlFor={ids.s}>{fr.review.statusFilter}</label>
        <select id={ids.s} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          <option value="todo">{fr.review.statusTodo}</option>
          <option value="new">{fr.review.statusNew}</option>
          <option value="handled">{fr.review.statusHandled}</option>
          <option value="all">{fr.review.statusAll}</option>
        </select>
      </div>
      <p aria-live="polite" className="hint">
        {fr.review.shown(shown.length, rows.length)}
      </p>
      {shown.length === 0 ? (
        <p>{fr.review.noMatch}</p>
      ) : (
        <VirtualTable
          rows={shown}
          columns={columns}
          rowKey={(r) => r.f.key}
          label={fr.review.listTitle(title)}
          sort={sort}
          onSort={toggleSort}
          rowClass={(r) => (r.status === 'back' ? 'row-back' : undefined)}
        />
      )}
    </div>
  );
}
