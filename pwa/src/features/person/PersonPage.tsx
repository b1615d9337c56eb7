import type { Source, SubjectRef } from '@raccord/core';
import { refKey as keyOf } from '@raccord/core/match/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorBox, Loading, SeverityBadge } from '../../components/ui.tsx';
import { fr } from '../../i18n/fr.ts';
import { href } from '../../app/router.ts';
import { usePerson } from '../../lib/queries.ts';
import { AssignmentDecision } from '../links/AssignmentDecision.tsx';
import type { RecordView } from '../../engine/types.ts';

const SOURCES: Source[] = ['siecle', 'sts', 'pronote', 'ent'];

/** One person in SIECLE, STS-web, PRONOTE and the ENT, side by side, with the evidence and decisions. */
/** Identifiers: never cut over two lines (half an ID copied is a wrong ID). */
const ID_FIELDS = new Set<string>(
  (['pronoteId', 'currentPronoteId', 'login', 'uid', 'ine', 'eleveId', 'elenoet', 'personneId', 'stsId', 'joinKey'] as const).map((k) => fr.person.fields[k]),
);

export function PersonPage({ refKey }: { refKey: string }) {
  const person = usePerson(refKey);
  if (person.isPending) return <Loading />;
  if (person.isError) return <ErrorBox error={person.error} onRetry={() => person.refetch()} />;
  const p = person.data;
  if (!p) {
    return (
      <div className="page">
        <PageTitle text={fr.person.title}>{fr.person.title}</PageTitle>
        <p>{fr.person.notFound}</p>
      </div>
    );
  }
  const bySource = new Map<Source, RecordView[]>(SOURCES.map((s) => [s, p.records.filter((r) => r.source === s)]));
  const shown = SOURCES.filter((s) => s !== 'sts' || bySource.get('sts')!.length || !bySource.get('siecle')!.length);
  const labelOf = (ref: SubjectRef) => p.records.find((r) => r.refKey === keyOf(ref))?.title ?? ref.label ?? ref.id;

  return (
    <div className="page person-page">
      <PageTitle text={`${fr.person.title} – ${p.title}`}>{p.title}</PageTitle>

      <section aria-labelledby="sbs-title">
        <h2 id="sbs-title">{fr.person.sideBySide}</h2>
        <div className="side-by-side">
          {shown.map((s) => {
            const recs = bySource.get(s)!;
            return (
              <section key={s} className={`source-col source-${s}`} aria-label={fr.source[s]}>
                <h3>{fr.source[s]}</h3>
                {recs.length === 0 && <p className="absent">{fr.person.absent(fr.source[s])}</p>}
                {recs.map((r) => (
                  <div key={r.refKey} className={`record${r.refKey === p.refKey ? ' record-main' : ''}`}>
                    <h4>{r.refKey === p.refKey ? r.title : <a href={href({ name: 'person', refKey: r.refKey })}>{r.title}</a>}</h4>
                    <dl>
                      {r.fields.map(([label, value], i) => (
                        <div key={i} className="field">
                          <dt>{label}</dt>
                          <dd className={ID_FIELDS.has(label) ? 'id' : undefined}>{value}</dd>
                        </div>
                      ))}
                    </dl>
                    {r.related.length > 0 && (
                      <>
                        <h5>{fr.person.related}</h5>
                        <ul>
                          {r.related.map((x) => (
                            <li key={x.refKey}>
                              <a href={href({ name: 'person', refKey: x.refKey })}>{x.label}</a> <span className="sub">({x.role})</span>
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </div>
                ))}
              </section>
            );
          })}
        </div>
      </section>

      {p.assignments.length > 0 && (
        <section aria-labelledby="asg-title" className="card">
          <h2 id="asg-title">{fr.overview.assignmentsTitle}</h2>
          {p.assignments.map((a) => (
            <AssignmentDecision key={a.entLogin} assignment={a} />
          ))}
        </section>
      )}

      <section aria-labelledby="links-title" className="card">
        <h2 id="links-title">{fr.person.linksTitle}</h2>
        <ul className="link-list">
          {p.links.map(({ key, link }) => (
            <li key={key}>
              <strong>{fr.person.linkLine(`${fr.source[link.from.source]} ${labelOf(link.from)}`, `${fr.source[link.to.source]} ${labelOf(link.to)}`)}</strong>{' '}
              <span className={`badge badge-decision-${link.decision}`}>{link.confirmedByAdmin ? fr.decision.confirmedByAdmin : fr.decision[link.decision]}</span>
              <span className="sub"> {fr.person.evidence} : {link.evidence.join(', ')}</span>
              {link.candidates && link.candidates.length > 0 && (
                <span className="sub">
                  {' '}
                  · {fr.person.candidates} : {link.candidates.map((c) => c.label ?? c.id).join(', ')}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="pf-title" className="card">
        <h2 id="pf-title">{fr.person.findingsTitle}</h2>
        {p.findings.length === 0 ? (
          <p>{fr.person.noFindings}</p>
        ) : (
          <ul>
            {p.findings.map((f) => (
              <li key={f.key}>
                <SeverityBadge severity={f.severity} /> <a href={href({ name: 'finding', key: f.key })}>{f.title}</a>
                <span className="sub"> – {f.evidence[0]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
