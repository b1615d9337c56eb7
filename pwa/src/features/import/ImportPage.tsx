import { useEffect, useId, useState, type DragEvent } from 'react';
import { FilePicker } from '../../components/FilePicker.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { FILE_KIND_LABEL } from '@raccord/core/model/types.ts';
import { schoolYearOf } from '@raccord/core/rentree/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Badge } from '../../components/ui.tsx';
import { fr } from '../../i18n/fr.ts';
import { navigate } from '../../app/router.ts';
import { useFeedback } from '../../app/feedback.tsx';
import { useOverview } from '../../lib/queries.ts';
import type { CommitSummary, StagedFile } from '../../engine/types.ts';
import { importGate, type ImportGate } from '../../engine/gate.ts';
import { fromDataTransfer, fromFileList, fromPaste } from './collect.ts';
import { importActions, useImportState } from './importStore.ts';
import { MappingDialog } from './MappingDialog.tsx';
import { ImportProgress } from './ImportProgress.tsx';

export function ImportPage() {
  const state = useImportState();
  const qc = useQueryClient();
  const overview = useOverview();
  const { notify } = useFeedback();
  const [dragging, setDragging] = useState(false);
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState('');
  const [mapping, setMapping] = useState<StagedFile | null>(null);
  const ids = { paste: useId(), pasteErr: useId() };
  const busy = state.job !== null;

  // Announce how the last job ended, then forget it.
  useEffect(() => {
    const o = state.outcome;
    if (!o) return;
    if (o.kind === 'cancelled') notify(fr.import.cancelled);
    else if (o.kind === 'error') notify(fr.app.errorDetail(o.message), { tone: 'error' });
    else {
      const f = o.summary.fates;
      const once = f.filter((x) => x.fate.kind === 'duplicate').length;
      const kept = f.filter((x) => x.fate.kind === 'kept').length;
      notify(fr.import.fate.counts(kept, once, f.length - kept - once), { action: { label: fr.import.fate.details, run: () => navigate({ name: 'import' }) } });
      navigate({ name: 'overview' });
    }
    importActions.clearOutcome();
  }, [state.outcome, notify]);

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    await importActions.add(await fromDataTransfer(e.dataTransfer));
  };

  const usable = state.staged.filter((s) => !s.error).length;
  const gate = importGate(state.staged);
  const currentYear = schoolYearOf(overview.data?.today ?? new Date().toISOString().slice(0, 10));
  const hasData = !!overview.data?.result;

  return (
    <div className="page import-page">
      <PageTitle text={fr.import.title}>{fr.import.title}</PageTitle>
      <p className="lead">{fr.import.intro}</p>

      <div
        className={`drop-zone${dragging ? ' drop-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="drop-title">{dragging ? fr.import.dropActive : fr.import.dropZone}</p>
        <div className="drop-actions">
          <FilePicker label={fr.import.chooseFiles} inputLabel={fr.import.filesInputLabel} disabled={busy} testId="file-input" onFiles={(f) => importActions.add(fromFileList(f))} />
          <FilePicker label={fr.import.chooseFolder} inputLabel={fr.import.folderInputLabel} disabled={busy} folder secondary onFiles={(f) => importActions.add(fromFileList(f))} />
        </div>
      </div>

      {state.job && <ImportProgress progress={state.job.progress} onCancel={importActions.cancel} />}

      {state.staged.length > 0 && (
        <section aria-labelledby="staged-title" className="card">
          <h2 id="staged-title">{fr.import.stagedTitle}</h2>
          <LastYearNotice staged={state.staged} currentYear={currentYear} />
          <StagedTable staged={state.staged} busy={busy} onMap={setMapping} currentYear={currentYear} />
          {state.staged.some((s) => s.notExport) && <ExpectedExports />}
          <GateNotice gate={gate} />
          <div className="actions">
            {gate.stopped && !gate.undecided.length ? (
              <button type="button" className="primary" disabled={busy || usable === 0} onClick={() => importActions.commit(qc, true)} data-testid="force-commit">
                {fr.import.gate.force}
              </button>
            ) : (
              <button type="button" className="primary" disabled={busy || usable === 0 || gate.undecided.length > 0} onClick={() => importActions.commit(qc)}>
                {fr.import.commit(usable)}
              </button>
            )}
            <button type="button" className="button-secondary" disabled={busy} onClick={() => importActions.remove(state.staged.map((s) => s.inputId))}>
              {fr.import.clear}
            </button>
          </div>
          {usable === 0 && <p className="hint">{fr.import.commitNone}</p>}
        </section>
      )}

      {state.report && !state.staged.length && <ImportReport report={state.report} />}

      <section aria-labelledby="paste-title" className="card">
        <h2 id="paste-title">{fr.import.pasteTitle}</h2>
        <p className="hint">{fr.import.pasteHelp}</p>
        <label htmlFor={ids.paste}>{fr.import.pasteLabel}</label>
        <textarea
          id={ids.paste}
          rows={5}
          value={paste}
          spellCheck={false}
          aria-describedby={pasteError ? ids.pasteErr : undefined}
          aria-invalid={pasteError ? true : undefined}
          onChange={(e) => {
            setPaste(e.target.value);
            setPasteError('');
          }}
        />
        {pasteError && (
          <p id={ids.pasteErr} className="field-error">
            {pasteError}
          </p>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            if (!paste.trim()) return setPasteError(fr.import.pasteEmpty);
            await importActions.add([fromPaste(paste)], 'collage');
            setPaste('');
          }}
        >
          {fr.import.pasteAdd}
        </button>
      </section>

      <section aria-labelledby="sample-title" className="card sample-card">
        <h2 id="sample-title">{fr.import.sample}</h2>
        <p className="hint">{fr.import.sampleHelp}</p>
        {hasData && <p className="hint">{fr.import.sampleReplaceWarning}</p>}
        <button type="button" className="primary" disabled={busy} onClick={() => importActions.sample(qc)} data-testid="sample-button">
          {fr.import.sample}
        </button>
      </section>

      {mapping?.mapping && (
        <MappingDialog
          file={mapping}
          request={mapping.mapping}
          onClose={() => setMapping(null)}
          onSaved={async () => {
            setMapping(null);
            await importActions.restage([mapping.inputId]);
          }}
        />
      )}
    </div>
  );
}

/** The exports Raccord reads and where each portal gives them: shown when a file is none of them. */
function ExpectedExports() {
  return (
    <div className="notice-info" data-testid="expected-exports">
      <p>
        <strong>{fr.import.notExport.expectedTitle}</strong>
      </p>
      <ul>
        {fr.import.notExport.expected.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** Why « Enregistrer et analyser » waits: lists to classify, or a batch that looks like another school's. */
function GateNotice({ gate }: { gate: ImportGate }) {
  return (
    <>
      {gate.undecided.length > 0 && (
        <p className="notice-warn" data-testid="undecided-lists">
          {fr.import.gate.undecided(gate.undecided.length)}
        </p>
      )}
      {gate.stopped && (
        <div className="notice-warn" role="alert" data-testid="import-stopped">
          <p>
            <strong>{fr.import.gate.stoppedTitle}</strong>
          </p>
          <ul>
            {gate.mostlyRefused && <li>{fr.import.gate.mostlyRefused(gate.refused, gate.kept)}</li>}
            {gate.foreignLists.map((s) => (
              <li key={`${s.inputId}|${s.path}`}>{fr.import.gate.foreignList(s.path, s.foreignList!.found, s.foreignList!.total)}</li>
            ))}
          </ul>
          <p>
            {fr.import.gate.replaceHint} <a href="#/donnees">{fr.import.gate.dataPage}</a>
          </p>
        </div>
      )}
    </>
  );
}

/** The confirmation of the last import, file by file. */
function ImportReport({ report }: { report: CommitSummary }) {
  return (
    <section aria-labelledby="report-title" className="card" data-testid="import-report">
      <h2 id="report-title">{fr.import.fate.reportTitle}</h2>
      <ul className="import-report">
        {report.fates.map((f, i) => (
          <li key={i} data-fate={f.fate.kind}>
            {fr.import.fate.line(f.path, f.fate)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Files of a school year before the one running today (it starts on 1 September): said before they are mixed in. */
function LastYearNotice({ staged, currentYear }: { staged: StagedFile[]; currentYear: number }) {
  const old = staged.filter((s) => s.schoolYear !== undefined && s.schoolYear < currentYear);
  if (!old.length) return null;
  const years = [...new Set(old.map((s) => `${s.schoolYear}-${s.schoolYear! + 1}`))].join(', ');
  return (
    <p className="notice-warn" data-testid="last-year-warning">
      {fr.import.lastYearWarning(old.length, years, `${currentYear}-${currentYear + 1}`)}
    </p>
  );
}

function StagedTable({ staged, busy, onMap, currentYear }: { staged: StagedFile[]; busy: boolean; onMap: (s: StagedFile) => void; currentYear: number }) {
  return (
    <div className="table-wrap">
      <table className="staged-table">
        <caption className="visually-hidden">{fr.import.stagedCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{fr.import.col.file}</th>
            <th scope="col">{fr.import.col.kind}</th>
            <th scope="col">{fr.import.col.school}</th>
            <th scope="col">{fr.import.col.date}</th>
            <th scope="col">{fr.import.col.counts}</th>
            <th scope="col">{fr.import.col.status}</th>
            <th scope="col">
              <span className="visually-hidden">{fr.import.col.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {staged.map((s) => (
            <tr key={`${s.inputId}|${s.path}`} className={s.error ? 'row-refused' : undefined} data-kind={s.kind}>
              <th scope="row" className="file-cell">
                {s.path}
              </th>
              <td>{FILE_KIND_LABEL[s.kind]}</td>
              <td>
                {s.uai ?? fr.common.none}
                {s.schoolYear !== undefined && (
                  <span className="sub">{`${s.schoolYear}-${s.schoolYear + 1}${s.schoolYear < currentYear ? ` (${fr.import.lastYear})` : ''}`}</span>
                )}
              </td>
              <td>{s.exportDate ? fr.common.date(s.exportDate) : s.error ? fr.common.none : <span className="sub">{fr.import.exportDateUnknown}</span>}</td>
              <td>{s.error ? fr.common.none : fr.import.countsLine(s.counts)}</td>
              <td>
                {s.setAside ? (
                  <div className="file-error">
                    <Badge tone="warn">{fr.import.statusSetAside}</Badge>
                    <p>{fr.import.setAsideConsequence(s.unclassified?.rows ?? 0, s.unclassified?.likely)}</p>
                  </div>
                ) : s.error ? (
                  <div className="file-error">
                    <Badge tone={s.mapping ? 'warn' : 'error'}>{s.notExport ? fr.import.statusNotExport : s.mapping ? fr.import.statusMapping : fr.import.statusRefused}</Badge>
                    <p>{s.error.message}</p>
                    <p>
                      <strong>{fr.import.whatToDo}</strong> {s.error.hint}
                    </p>
                    {s.unclassified && <p>{fr.import.setAsideConsequence(s.unclassified.rows, s.unclassified.likely)}</p>}
                    {s.appHint && <p>{s.appHint}</p>}
                  </div>
                ) : (
                  <Badge tone="ok">{fr.import.statusOk}</Badge>
                )}
                {s.warnings.length > 0 && (
                  <details className="warnings">
                    <summary>{fr.import.warnings(s.warnings.length)}</summary>
                    <ul>
                      {s.warnings.map((w, i) => (
                        <li key={i}>{w.message}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
              <td className="actions-cell">
                {s.mapping && !s.setAside && (
                  <button type="button" disabled={busy} onClick={() => onMap(s)}>
                    {s.mapping.need === 'profile' ? fr.import.chooseList : fr.import.mapColumns}
                  </button>
                )}
                {s.mapping?.need === 'profile' && (
                  <button type="button" className="button-secondary" disabled={busy} onClick={() => importActions.setAside(s.inputId, !s.setAside)}>
                    {s.setAside ? fr.import.setAsideUndo : fr.import.setAside}
                  </button>
                )}
                <button
                  type="button"
                  className="button-secondary"
                  disabled={busy}
                  aria-label={`${fr.common.remove} ${s.path}`}
                  onClick={() => importActions.remove([s.inputId])}
                >
                  {fr.common.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
