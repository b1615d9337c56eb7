import { PageTitle } from '../../components/PageTitle.tsx';
import { Badge, ErrorBox, Loading, NoDataPage, SeverityBadge } from '../../components/ui.tsx';
import { fr } from '../../i18n/fr.ts';
import { href } from '../../app/router.ts';
import { useDecisions, useOverview } from '../../lib/queries.ts';
import { groupByRule } from '../../lib/format.ts';
import { findingStatus, isOpen } from '../../lib/status.ts';

/** Every rule that found something, with its counts: the way into the per-rule lists. */
export function RulesPage() {
  const overview = useOverview();
  const decisions = useDecisions();
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorBox error={overview.error} onRetry={() => overview.refetch()} />;
  const r = overview.data.result;
  if (!r) return <NoDataPage title={fr.review.title} />;
  const fresh = new Set(overview.data.newFindingKeys);
  const lastId = overview.data.lastImport?.id;
  const rules = new Map((overview.data.rules ?? []).map((x) => [x.code, x]));
  const groups = groupByRule(r.findings);
  return (
    <div className="page">
      <PageTitle text={fr.review.title}>{fr.review.title}</PageTitle>
      {groups.length === 0 ? (
        <p>{fr.overview.noFindings}</p>
      ) : (
        <div className="table-wrap">
          <table className="rules-table">
            <caption className="visually-hidden">{fr.review.rulesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{fr.review.rule}</th>
                <th scope="col">{fr.review.count}</th>
                <th scope="col">{fr.review.statusTodo}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => {
                const open = g.findings.filter((f) => isOpen(findingStatus(f, decisions.data, lastId))).length;
                const n = g.findings.filter((f) => fresh.has(f.key)).length;
                return (
                  <tr key={g.code}>
                    <th scope="row">
                      <SeverityBadge severity={g.severity} /> <a href={href({ name: 'review', code: g.code })}>{g.title}</a>
                      {n > 0 && (
                        <>
                          {' '}
                          <Badge tone="new">{`${n} ${fr.review.newBadge}${n > 1 ? 'x' : ''}`}</Badge>
                        </>
                      )}
                      {rules.get(g.code)?.description && <p className="sub">{rules.get(g.code)!.description}</p>}
                    </th>
                    <td>{g.findings.length.toLocaleString('fr-FR')}</td>
                    <td>{open.toLocaleString('fr-FR')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={href({ name: 'review', code: '*' })}>{fr.review.allRules}</a>
      </p>
    </div>
  );
}
