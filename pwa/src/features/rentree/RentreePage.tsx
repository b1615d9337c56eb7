/**
 * « Étapes de la rentrée »: each step of seed 003's chronology with its status (text and icon),
 * the evidence read in the files, what to do in which portal and the findings that block it; and
 * a one-page summary for the head of school, shown only when printing (« Imprimer le bilan »).
 */
import type { MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RentreeStatus, RentreeStep, StepStatus } from '@raccord/core/rentree/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorBox, Loading, NoDataPage } from '../../components/ui.tsx';
import { href } from '../../app/router.ts';
import { fr } from '../../i18n/fr.ts';
import { engineCall } from '../../lib/engine-client.ts';
import { keys, useOverview } from '../../lib/queries.ts';
import { rentreeFr as t } from './strings.ts';
import './rentree.css';

/** Under the overview's key: what invalidates the overview (an import, a decision) invalidates this too. */
const rentreeKey = [...keys.overview, 'rentree'] as const;

export function useRentree() {
  return useQuery({ queryKey: rentreeKey, queryFn: () => engineCall((e) => e.rentree()) });
}

const TONE: Record<StepStatus, string> = { fait: 'ok', 'a-faire': 'warn', bloque: 'error', inconnu: 'neutral' };

export function StatusBadge({ status }: { status: StepStatus }) {
  const s = t.status[status];
  return (
    <span className={`badge badge-${TONE[status]} step-status`} data-status={status}>
      <span aria-hidden="true" className="step-icon">
        {s.icon}
      </span>{' '}
      {s.label}
    </span>
  );
}

export function RentreePage() {
  const overview = useOverview();
  const rentree = useRentree();
  if (overview.isPending || rentree.isPending) return <Loading />;
  if (overview.isError) return <ErrorBox error={overview.error} onRetry={() => overview.refetch()} />;
  if (rentree.isError) return <ErrorBox error={rentree.error} onRetry={() => rentree.refetch()} />;
  const r = rentree.data;
  if (!r) return <NoDataPage title={t.title} />;
  const school = overview.data.school;
  const today = fr.common.date(r.today);
  return (
    <div className="page rentree-page">
      <div className="rentree-screen">
        <PageTitle text={t.title}>{t.title}</PageTitle>
        {school && <p className="lead">{fr.app.schoolLine(school.uai, school.name, school.schoolYear)}</p>}
        <p className="lead">{t.intro}</p>

        <section aria-labelledby="rentree-summary" className="card">
          <h2 id="rentree-summary">{t.summaryTitle}</h2>
          <p>{t.yearLine(r.currentSchoolYear, today)}</p>
          <p data-testid="rentree-counts">{t.countsLine(r.counts)}</p>
          <ol className="step-summary">
            {r.steps.map((s) => (
              <li key={s.id}>
                <a href={`#etape-${s.id}`} onClick={(e) => jumpTo(e, `etape-${s.id}`)}>
                  {s.title}
                </a>{' '}
                <StatusBadge status={s.status} />
              </li>
            ))}
          </ol>
          <div className="actions no-print">
            <button type="button" className="primary" onClick={() => window.print()}>
              {t.print}
            </button>
          </div>
          <p className="hint no-print">{t.printHint}</p>
        </section>

        <DatesSection r={r} />

        <section aria-labelledby="rentree-steps">
          <h2 id="rentree-steps">{t.stepsTitle}</h2>
          <ol className="rentree-steps">
            {r.steps.map((s) => (
              <StepCard key={s.id} step={s} />
            ))}
          </ol>
        </section>
      </div>
      <PrintSummary r={r} school={school} />
    </div>
  );
}

/** The hash holds the route: an in-page jump moves the focus without touching it. */
function jumpTo(e: MouseEvent, id: string) {
  e.preventDefault();
  const el = document.getElementById(id);
  el?.scrollIntoView();
  el?.focus();
}

function DatesSection({ r }: { r: RentreeStatus }) {
  return (
    <section aria-labelledby="rentree-dates" className={`card${r.dateWarnings.length ? ' dates-warn' : ''}`} data-testid="rentree-dates">
      <h2 id="rentree-dates">{t.datesTitle}</h2>
      {r.dateWarnings.length ? (
        <ul>
          {r.dateWarnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : (
        <p>{t.datesOk}</p>
      )}
      <details>
        <summary>{t.filesDetails(r.files.length)}</summary>
        <ul className="file-dates">
          {r.files.map((f) => (
            <li key={f.path} data-problems={f.problems.join(' ') || undefined}>
              <span className="file-name">{f.path}</span> — {f.text}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function StepCard({ step: s }: { step: RentreeStep }) {
  const headingId = `etape-${s.id}-titre`;
  return (
    <li className={`card rentree-step step-${s.status}`} data-step={s.id} data-status={s.status}>
      <article aria-labelledby={headingId} id={`etape-${s.id}`} tabIndex={-1}>
        <h3 id={headingId}>
          {t.stepTitle(s.rank, s.title)} <StatusBadge status={s.status} />
        </h3>
        <p className="sub">
          {t.portal} {s.portal}
        </p>
        <h4>{t.evidence}</h4>
        <ul className="step-evidence">
          {s.evidence.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        {s.blockers.length > 0 && (
          <>
            <h4>{t.blockers}</h4>
            <ul className="step-blockers">
              {s.blockers.map((b) => (
                <li key={b.code}>
                  <a href={href({ name: 'review', code: b.code })}>{t.blockerLink(b.title, b.count)}</a> <span className="sub">({t.severity[b.severity]})</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {s.status !== 'fait' && (
          <>
            <h4>{t.todo}</h4>
            <ol className="step-todo">
              {s.todo.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          </>
        )}
      </article>
    </li>
  );
}

/** One A4 page: hidden on screen, the only thing printed from this screen. */
function PrintSummary({ r, school }: { r: RentreeStatus; school: { uai: string; name?: string } | null }) {
  return (
    <section className="rentree-print" aria-label={t.printTitle} data-testid="rentree-print">
      <h2>{t.printTitle}</h2>
      {school && <p className="print-school">{t.printSchool(school.uai, school.name)}</p>}
      <p>
        {t.yearLine(r.currentSchoolYear, fr.common.date(r.today))} {t.countsLine(r.counts)}
      </p>
      {r.dateWarnings.length > 0 && (
        <ul className="print-warnings">
          {r.dateWarnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t.printCol.step}</th>
            <th scope="col">{t.printCol.status}</th>
            <th scope="col">{t.printCol.why}</th>
            <th scope="col">{t.printCol.blocking}</th>
          </tr>
        </thead>
        <tbody>
          {r.steps.map((s) => (
            <tr key={s.id} data-step={s.id}>
              <th scope="row">{t.stepTitle(s.rank, s.title)}</th>
              <td>
                <StatusBadge status={s.status} />
              </td>
              <td>{s.headline}</td>
              <td>{s.blockers.length ? s.blockers.map((b) => `${b.title} (${b.count.toLocaleString('fr-FR')}${b.severity === 'info' ? `, ${t.severity.info}` : ''})`).join(' ; ') : t.printNone}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sub">{t.printMade(fr.common.date(r.today))}</p>
    </section>
  );
}
