import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorBox, Loading, NoDataPage } from '../../components/ui.tsx';
import { fr } from '../../i18n/fr.ts';
import { navigate } from '../../app/router.ts';
import { useFeedback } from '../../app/feedback.tsx';
import { useOverview } from '../../lib/queries.ts';
import { engineCall } from '../../lib/engine-client.ts';
import { downloadData } from '../../lib/download.ts';
import type { ExportFile, ExportKind, ExportRequest } from '../../engine/types.ts';

function useDivisions(enabled: boolean) {
  return useQuery({ queryKey: ['divisions'], queryFn: () => engineCall((e) => e.divisions()), enabled });
}

/** Every file Raccord makes, built in the worker and saved from the browser. */
export function ExportPage() {
  const overview = useOverview();
  const hasData = !!overview.data?.result;
  const divisions = useDivisions(hasData);
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorBox error={overview.error} onRetry={() => overview.refetch()} />;
  if (!hasData) return <NoDataPage title={fr.export.title} message={fr.export.nothing} />;
  const divs = divisions.data ?? [];
  return (
    <div className="page export-page">
      <PageTitle text={fr.export.title}>{fr.export.title}</PageTitle>
      <p className="lead">{fr.export.intro}</p>
      <div className="export-grid">
        <ExportCard kind="mailmerge-pupils" divisions={divs} />
        <ExportCard kind="mailmerge-guardians" divisions={divs} />
        <LettersCard divisions={divs} />
        <ExportCard kind="plan" />
        <ExportCard kind="findings" />
        <ExportCard kind="diff" previous />
        <ExportCard kind="cpro" />
      </div>
    </div>
  );
}

function DivisionSelect({ id, value, onChange, divisions, allowAll = true }: { id: string; value: string; onChange: (v: string) => void; divisions: string[]; allowAll?: boolean }) {
  return (
    <>
      <label htmlFor={id}>{fr.export.division}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll && <option value="">{fr.export.allDivisions}</option>}
        {divisions.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </>
  );
}

function usePreviousImports(enabled: boolean) {
  return useQuery({ queryKey: ['previous-imports'], queryFn: () => engineCall((e) => e.previousImports()), enabled });
}

function ExportCard({ kind, divisions, previous = false }: { kind: ExportKind; divisions?: string[]; previous?: boolean }) {
  const item = fr.export.items[kind]!;
  const { notify } = useFeedback();
  const [division, setDivision] = useState('');
  const imports = usePreviousImports(previous);
  const [since, setSince] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportFile | null>(null);
  const [error, setError] = useState('');
  const id = useId();
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      const req: ExportRequest = { kind, ...(division ? { division } : {}), ...(since ? { previousImportId: Number(since) } : {}) };
      const file = await engineCall((e) => e.exportFile(req));
      downloadData(file.name, file.mime, file.data);
      setDone(file);
      notify(fr.export.ready(file.name));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card export-card" aria-labelledby={`${id}-t`} data-export={kind}>
      <h2 id={`${id}-t`}>{item.title}</h2>
      <p className="hint">{item.text}</p>
      {divisions && <DivisionSelect id={`${id}-d`} value={division} onChange={setDivision} divisions={divisions} />}
      {previous &&
        (imports.data?.length ? (
          <>
            <label htmlFor={`${id}-p`}>{fr.export.previous}</label>
            <select id={`${id}-p`} value={since} onChange={(e) => setSince(e.target.value)}>
              {imports.data.map((i) => (
                <option key={i.id} value={i.id}>
                  {fr.common.dateTime(i.committedAt)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <p className="hint">{fr.export.noPrevious}</p>
        ))}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || (previous && !imports.data?.length)} onClick={run}>
          {busy ? fr.export.working : fr.export.download}
        </button>
        {done?.extra && (
          <button type="button" className="button-secondary" onClick={() => downloadData(done.extra!.name, done.extra!.mime, done.extra!.data)}>
            {done.extra.label}
          </button>
        )}
      </div>
      {done && done.notes.length > 0 && (
        <ul className="notes">
          {done.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function LettersCard({ divisions }: { divisions: string[] }) {
  const [division, setDivision] = useState('');
  const [audience, setAudience] = useState<'pupils' | 'guardians'>('pupils');
  const id = useId();
  return (
    <section className="card export-card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{fr.export.lettersTitle}</h2>
      <p className="hint">{fr.export.lettersText}</p>
      <fieldset>
        <legend>{fr.export.audience}</legend>
        <label className="radio">
          <input type="radio" name={`${id}-a`} checked={audience === 'pupils'} onChange={() => setAudience('pupils')} />
          {fr.export.audiencePupils}
        </label>
        <label className="radio">
          <input type="radio" name={`${id}-a`} checked={audience === 'guardians'} onChange={() => setAudience('guardians')} />
          {fr.export.audienceGuardians}
        </label>
      </fieldset>
      <DivisionSelect id={`${id}-d`} value={division} onChange={setDivision} divisions={divisions} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => navigate({ name: 'letters', audience, division })}>
          {fr.export.print}
        </button>
      </div>
    </section>
  );
}
