import { FILE_KIND_LABEL } from '@raccord/core/model/types.ts';
import type { Finding, Severity, Source } from '@raccord/core';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Badge, ErrorBox, Loading, NoDataPage, SeverityBadge } from '../../components/ui.tsx';
import { fr } from '../../i18n/fr.ts';
import { href } from '../../app/router.ts';
import { useDecisions, useOverview } from '../../lib/queries.ts';
import { exportAge, groupByRule } from '../../lib/format.ts';
import { findingStatus, isOpen } from '../../lib/status.ts';
import { countByCategory, type AssignmentCategory } from '../../lib/assignments.ts';

/** The decisions to take first, then what is settled. */
const CATEGORY_ORDER: AssignmentCategory[] = ['probable', 'ambiguous', 'certain', 'confirmed', 'absent', 'unlinked'];

const SOURCES: Source[] = ['siecle', 'sts', 'pronote', 'ent'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function OverviewPage() {
  const overview = useOverview();
  const decisions = useDecisions();
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorBox error={overview.error} onRetry={() => overview.refetch()} />;
  const o = overview.data;
  if (!o.result) return <NoDataPage title={fr.overview.title} />;
  const r = o.result;
  const fresh = new Set(o.newFindingKeys);
  const lastId = o.lastImport?.id;
  const groups = groupByRule(r.findings);
  const present = new Set(o.sources.map((s) => s.source).filter(Boolean));
  const missing = SOURCES.filter((s) => !present.has(s));
  const handled = r.findings.filter((f) => !isOpen(findingStatus(f, decisions.data, lastId))).length;
  const counts = countByCategory(r.assignments);
  const open = (fs: readonly Finding[]) => fs.filter((f) => isOpen(findingStatus(f, decisions.data, lastId)));

  return (
    <div className="page overview-page">
      <PageTitle text={fr.overview.title}>{fr.overview.title}</PageTitle>
      {o.school && <p className="lead">{fr.app.schoolLine(o.school.uai, o.school.name, o.school.schoolYear)}</p>}

      <section aria-labelledby="sources-title" className="card">
        <h2 id="sources-title">{fr.overview.sourcesTitle}</h2>
        <ul className="source-list">
          {o.sources.map((s, i) => {
            const { date, age } = exportAge(s.exportDate, o.today);
            return (
              <li key={i} data-kind={s.kind}>
                <strong>
                  {date ? fr.overview.sourceLine(FILE_KIND_LABEL[s.kind], date, age) : fr.overview.undatedLine(FILE_KIND_LABEL[s.kind], fr.common.date(s.committedAt))}
                </strong>
                <span className="sub">
                  {s.path} · {s.kind === 'siecle-communs' ? fr.overview.schoolRecordRead : fr.import.countsLine(s.counts)} · {fr.overview.importedOn(fr.common.dateTime(s.committedAt))}
                </span>
              </li>
            );
          })}
        </ul>
        {missing.length > 0 && (
          <div className="missing-sources">
            <h3>{fr.overview.missingSources}</h3>
            <ul>
              {missing.map((m) => (
                <li key={m}>{fr.overview.missing[m]}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="findings-title" className="card">
        <h2 id="findings-title">{fr.overview.findingsTitle}</h2>
        <p data-testid="new-findings">
          {o.previousImport
            ? (
              <a href={href({ name: 'review', code: '*', status: 'new' })} data-count={o.newFindingKeys.length}>
                {fr.overview.newSince(o.newFindingKeys.length, fr.common.dateTime(o.previousImport.committedAt))}
              </a>
            )
            : fr.overview.firstImport}
        </p>
        {handled > 0 && (
          <p className="hint">
            <a href={href({ name: 'review', code: '*', status: 'handled' })} data-testid="handled-count" data-count={handled}>
              {fr.overview.handled(handled)}
            </a>
          </p>
        )}
        {groups.length === 0 && <p>{fr.overview.noFindings}</p>}
        {SEVERITIES.map((sev) => {
          const gs = groups.filter((g) => g.severity === sev);
          if (!gs.length) return null;
          // Counted as the lists they open show them by default: the findings still to handle.
          const total = gs.reduce((n, g) => n + open(g.findings).length, 0);
          return (
            <div key={sev} className={`severity-group severity-${sev}`}>
              <h3>
                <SeverityBadge severity={sev} /> {fr.severity.plural[sev]} <span className="sub">({fr.overview.bySeverity(total)})</span>
              </h3>
              <ul className="rule-list">
                {gs.map((g) => {
                  const todo = open(g.findings);
                  const n = todo.filter((f) => fresh.has(f.key)).length;
                  return (
                    <li key={g.code} data-code={g.code}>
                      <a href={href({ name: 'review', code: g.code })}>{g.title}</a>{' '}
                      <span className="count">{fr.overview.ruleCount(todo.length, n)}</span>
                      {n > 0 && (
                        <>
                          {' '}
                          <Badge tone="new">{fr.review.newBadge}</Badge>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="assign-title" className="card">
        <h2 id="assign-title">{fr.overview.assignmentsTitle}</h2>
        {o.entChanges &&
          (o.entChanges.total ? (
            <p className="count-big">
              <a href={href({ name: 'worklist' })} data-testid="ent-changes">
                {fr.overview.entChanges(o.entChanges.total)}
              </a>{' '}
              <span className="sub">({fr.overview.entChangesDetail(o.entChanges.fill, o.entChanges.replace)})</span>
            </p>
          ) : (
            <p>{fr.overview.entChangesNone}</p>
          ))}
        <ul className="count-list" aria-label={fr.overview.categoriesLabel}>
          {CATEGORY_ORDER.filter((c) => counts[c] > 0).map((c) => (
            <li key={c}>
              <a href={href({ name: 'links', show: c })} data-category={c} data-count={counts[c]}>
                {fr.overview.category[c](counts[c])}
              </a>
            </li>
          ))}
        </ul>
        <a href={href({ name: 'links' })}>{fr.overview.decideLinks}</a>
      </section>
      {o.computedAt && <p className="hint">{fr.overview.computedAt(fr.common.dateTime(o.computedAt))}</p>}
    </div>
  );
}
