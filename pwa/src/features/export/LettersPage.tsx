import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorBox, Loading } from '../../components/ui.tsx';
import { fr } from '../../i18n/fr.ts';
import { href } from '../../app/router.ts';
import { engineCall } from '../../lib/engine-client.ts';

/** Above this many pages, the admin is told the count and offered one division before anything is built. */
export const BIG_PRINT = 300;
/** Pages added to the page per step: the browser stays responsive while a whole school's letters are laid out. */
const CHUNK = 150;

/** How many of `total` items to show: all at once when small, else growing by chunks between frames. */
function useChunks(total: number, started: boolean): number {
  const [shown, setShown] = useState(() => (total <= CHUNK ? total : 0));
  useEffect(() => {
    if (!started) return;
    if (shown >= total) return;
    const t = setTimeout(() => setShown((n) => Math.min(total, n + CHUNK)), 0);
    return () => clearTimeout(t);
  }, [started, shown, total]);
  return Math.min(shown, total);
}

/** Credential letters, one printed page per person (see the print stylesheet). */
export function LettersPage({ audience, division }: { audience: 'pupils' | 'guardians'; division: string }) {
  const q = useQuery({
    queryKey: ['letters', audience, division],
    queryFn: () => engineCall((e) => e.letters(audience, division || undefined)),
  });
  const total = q.data?.letters.length ?? 0;
  const big = total > BIG_PRINT;
  const [confirmed, setConfirmed] = useState(false);
  const shown = useChunks(total, !big || confirmed);
  const scope = division || fr.letters.all;
  const title = `${fr.letters.title(scope)} (${audience === 'pupils' ? fr.export.audiencePupils : fr.export.audienceGuardians})`;
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBox error={q.error} onRetry={() => q.refetch()} />;
  const b = q.data;
  const waiting = big && !confirmed;
  const building = !waiting && shown < total;
  return (
    <div className="page letters-page">
      <div className="no-print letters-toolbar">
        <PageTitle text={title}>{title}</PageTitle>
        <p>{fr.letters.count(b.letters.length)}</p>
        {waiting && (
          <section className="notice-warn letters-big" aria-labelledby="letters-big-title" data-testid="letters-big">
            <h2 id="letters-big-title">{fr.letters.bigTitle(total)}</h2>
            <p>{fr.letters.bigText(total)}</p>
            {b.divisions.length > 0 && (
              <nav aria-label={fr.letters.divisionsLabel}>
                <h3>{fr.letters.byDivision}</h3>
                <ul className="division-links">
                  {b.divisions.map((d) => (
                    <li key={d}>
                      <a href={href({ name: 'letters', audience, division: d })}>{d}</a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <div className="actions">
              <button type="button" onClick={() => setConfirmed(true)}>
                {fr.letters.buildAll(total)}
              </button>
              <a href={href({ name: 'export' })}>{fr.letters.back}</a>
            </div>
          </section>
        )}
        {building && (
          <p role="status" data-testid="letters-building">
            <label>
              {fr.letters.building(shown, total)}{' '}
              <progress max={total} value={shown} />
            </label>
          </p>
        )}
        {!waiting && (
          <div className="actions">
            <button type="button" className="primary" onClick={() => window.print()} disabled={!b.letters.length || building}>
              {fr.letters.printNow}
            </button>
            <a href={href({ name: 'export' })}>{fr.letters.back}</a>
          </div>
        )}
        {b.letters.length === 0 && <p>{fr.letters.none}</p>}
        {b.leftOut.length > 0 && (
          <details>
            <summary>
              {fr.letters.leftOutTitle} ({b.leftOut.length})
            </summary>
            <ul>
              {b.leftOut.map((x, i) => (
                <li key={i}>
                  {x.who} ({x.division}) : {x.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div className="letters">
        {b.letters.slice(0, waiting ? 0 : shown).map((l, i) => (
          <article key={`${l.login}-${i}`} className="letter" aria-label={`${l.recipient} – ${l.division}`}>
            <header>
              <p className="letter-school">{b.school.name ?? b.school.uai}</p>
              <h2>{fr.letters.heading}</h2>
            </header>
            <dl>
              <div>
                <dt>{fr.letters.for}</dt>
                <dd>{l.recipient}</dd>
              </div>
              {l.about && (
                <div>
                  <dt>{fr.letters.about}</dt>
                  <dd>{l.about}</dd>
                </div>
              )}
              <div>
                <dt>{fr.letters.division}</dt>
                <dd>{l.division}</dd>
              </div>
              <div>
                <dt>{fr.letters.login}</dt>
                <dd className="credential">{l.login}</dd>
              </div>
              <div>
                <dt>{l.secretLabel}</dt>
                <dd className="credential">{l.secret ?? fr.letters.noSecret}</dd>
              </div>
            </dl>
            <p>{fr.letters.body}</p>
          </article>
        ))}
      </div>
    </div>
  );
}
