import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorBox, Loading } from '../../components/ui.tsx';
import { fr } from '../../i18n/fr.ts';
import { href } from '../../app/router.ts';
import { engineCall } from '../../lib/engine-client.ts';

/** Credential letters, one printed page per person (see the print stylesheet). */
export function LettersPage({ audience, division }: { audience: 'pupils' | 'guardians'; division: string }) {
  const q = useQuery({
    queryKey: ['letters', audience, division],
    queryFn: () => engineCall((e) => e.letters(audience, division || undefined)),
  });
  const scope = division || fr.letters.all;
  const title = `${fr.letters.title(scope)} (${audience === 'pupils' ? fr.export.audiencePupils : fr.export.audienceGuardians})`;
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBox error={q.error} onRetry={() => q.refetch()} />;
  const b = q.data;
  return (
    <div className="page letters-page">
      <div className="no-print letters-toolbar">
        <PageTitle text={title}>{title}</PageTitle>
        <p>{fr.letters.count(b.letters.length)}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => window.print()} disabled={!b.letters.length}>
            {fr.letters.printNow}
          </button>
          <a href={href({ name: 'export' })}>{fr.letters.back}</a>
        </div>
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
        {b.letters.map((l, i) => (
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
