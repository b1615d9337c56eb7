import { useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Dexie from 'dexie';
import { formatBytes } from '@raccord/core/util/errors.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { fr } from '../../i18n/fr.ts';
import { useFeedback } from '../../app/feedback.tsx';
import { DB_NAME, getDb, resetDbInstance } from '../../db/schema.ts';
import { listImports } from '../../db/store.ts';
import { cancelEngine, engineCall } from '../../lib/engine-client.ts';
import type { RestoreOutcome } from '../../engine/engine.ts';
import { downloadBlob } from '../../lib/download.ts';
import { keys, useOverview } from '../../lib/queries.ts';
import { importActions } from '../import/importStore.ts';
import { KEEP_DAYS_CHOICES, getKeepDays, setKeepDays } from '../bridge/retention.ts';
import { publishPlan } from '../bridge/useBridge.ts';

async function storageInfo() {
  const s = navigator.storage;
  const estimate = s?.estimate ? await s.estimate() : undefined;
  const persisted = s?.persisted ? await s.persisted() : false;
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

/** Storage, history, backup, restore and wipe. */
export function DataPage() {
  const qc = useQueryClient();
  const { notify } = useFeedback();
  const overview = useOverview();
  const storage = useQuery({ queryKey: keys.storage, queryFn: storageInfo });
  const imports = useQuery({ queryKey: keys.imports, queryFn: () => listImports(getDb()) });
  const mappings = useQuery({ queryKey: keys.mappings, queryFn: () => getDb().mappings.toArray() });
  const [persistRefused, setPersistRefused] = useState(false);
  const [wiping, setWiping] = useState(false);
  const [keepDays, setKeepDaysState] = useState(getKeepDays);
  const keepDaysId = useId();

  const changeKeepDays = async (days: number) => {
    setKeepDays(days);
    setKeepDaysState(days);
    await publishPlan();
    notify(fr.data.keepDaysSaved(days));
  };

  const persist = async () => {
    const ok = (await navigator.storage?.persist?.()) ?? false;
    setPersistRefused(!ok);
    await qc.invalidateQueries({ queryKey: keys.storage });
  };

  const backup = async () => {
    const { name, blob } = await engineCall((e) => e.backup());
    downloadBlob(name, blob);
    notify(fr.export.ready(name));
  };

  const restore = async (file: File | undefined) => {
    if (!file) return;
    if (overview.data?.result && !window.confirm(fr.data.restoreConfirm)) return;
    const r = await engineCall((e) => e.restore(file) as Promise<RestoreOutcome>);
    if (!r.ok) {
      notify(r.reason === 'newer' ? fr.data.backupNewer : fr.data.backupInvalid(r.message), { tone: 'error' });
      return;
    }
    importActions.reset();
    await qc.resetQueries();
    notify(fr.data.backupRestored(r.imports));
  };

  const school = overview.data?.school;
  const s = storage.data;
  return (
    <div className="page data-page">
      <PageTitle text={fr.data.title}>{fr.data.title}</PageTitle>

      <section className="card" aria-labelledby="st-title">
        <h2 id="st-title">{fr.data.storageTitle}</h2>
        <p data-testid="storage-usage">
          {s?.usage !== undefined && s.quota !== undefined ? fr.data.used(formatBytes(s.usage), formatBytes(s.quota)) : fr.data.unknownUsage}
        </p>
        <p>{s?.persisted ? fr.data.persisted : fr.data.notPersisted}</p>
        {!s?.persisted && (
          <button type="button" onClick={persist}>
            {fr.data.persist}
          </button>
        )}
        {persistRefused && <p className="hint">{fr.data.persistRefused}</p>}
      </section>

      <section className="card" aria-labelledby="bk-title">
        <h2 id="bk-title">{fr.data.backupTitle}</h2>
        <p className="hint">{fr.data.backupText}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={backup} disabled={!overview.data?.result}>
            {fr.data.backupExport}
          </button>
          <FilePicker
            label={fr.data.backupImport}
            inputLabel={fr.data.backupImportLabel}
            accept=".json,application/json"
            multiple={false}
            secondary
            onFiles={(f) => void restore(f[0])}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="im-title">
        <h2 id="im-title">{fr.data.importsTitle}</h2>
        {imports.data?.length ? (
          <table>
            <caption className="visually-hidden">{fr.data.importsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{fr.data.col.date}</th>
                <th scope="col">{fr.data.col.origin}</th>
                <th scope="col">{fr.data.col.files}</th>
              </tr>
            </thead>
            <tbody>
              {imports.data.map((i) => (
                <tr key={i.id}>
                  <td>{fr.common.dateTime(i.committedAt)}</td>
                  <td>{fr.data.origin[i.origin]}</td>
                  <td>{i.files.map((f) => f.path).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{fr.overview.emptyTitle}</p>
        )}
      </section>

      <EntAccountsSetting />

      <section className="card" aria-labelledby="br-title">
        <h2 id="br-title">{fr.data.bridgeTitle}</h2>
        <p>{fr.data.bridgeText}</p>
        <label htmlFor={keepDaysId}>{fr.data.keepDaysLabel}</label>{' '}
        <select id={keepDaysId} value={keepDays} onChange={(e) => void changeKeepDays(Number(e.target.value))}>
          {KEEP_DAYS_CHOICES.map((n) => (
            <option key={n} value={n}>
              {fr.data.keepDays(n)}
            </option>
          ))}
        </select>
      </section>

      <section className="card" aria-labelledby="mp-title">
        <h2 id="mp-title">{fr.data.mappingsTitle}</h2>
        {mappings.data?.length ? (
          <ul>
            {mappings.data.map((m) => (
              <li key={m.signature}>
                {m.header.join(' ; ')}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={async () => {
                    await getDb().mappings.delete(m.signature);
                    await qc.invalidateQueries({ queryKey: keys.mappings });
                  }}
                >
                  {fr.data.forgetMapping}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{fr.data.mappingsNone}</p>
        )}
      </section>

      <section className="card danger-zone" aria-labelledby="wp-title">
        <h2 id="wp-title">{fr.data.wipeTitle}</h2>
        <p>{fr.data.wipeText}</p>
        <button type="button" className="danger" onClick={() => setWiping(true)}>
          {fr.data.wipe}
        </button>
      </section>

      {wiping && (
        <WipeDialog
          expected={school?.uai || 'EFFACER'}
          onClose={() => setWiping(false)}
          onWipe={async () => {
            // End the worker first: its database connection would hold the deletion back.
            cancelEngine();
            resetDbInstance();
            await Dexie.delete(DB_NAME);
            importActions.reset();
            await qc.resetQueries();
            setWiping(false);
            notify(fr.data.wiped);
          }}
        />
      )}
    </div>
  );
}

type AccountChoice = 'inferred' | 'yes' | 'no';

/**
 * Does the ENT create accounts for « personnes en charge »? Kept in the database (settings) and
 * given to the analysis; left to Raccord, it is inferred from the ENT export and said so.
 */
function EntAccountsSetting() {
  const qc = useQueryClient();
  const { notify } = useFeedback();
  const q = useQuery({ queryKey: ['account-setting'], queryFn: () => engineCall((e) => e.accountSetting()) });
  const name = useId();
  // The admin's click shows at once; the stored value follows.
  const [picked, setPicked] = useState<AccountChoice>();
  const choice: AccountChoice = picked ?? (q.data?.setting === undefined ? 'inferred' : q.data.setting ? 'yes' : 'no');
  const change = async (c: AccountChoice) => {
    setPicked(c);
    await engineCall((e) => e.setAccountSetting(c === 'inferred' ? undefined : c === 'yes'));
    await qc.invalidateQueries();
    notify(fr.data.personInCharge.saved);
  };
  const t = fr.data.personInCharge;
  return (
    <section className="card" aria-labelledby="pic-title">
      <h2 id="pic-title">{t.title}</h2>
      <p className="hint">{t.text}</p>
      <fieldset>
        <legend>{t.legend}</legend>
        {(['inferred', 'yes', 'no'] as const).map((c) => (
          <div key={c}>
            <input type="radio" id={`${name}-${c}`} name={name} checked={choice === c} disabled={!q.data} onChange={() => void change(c)} />{' '}
            <label htmlFor={`${name}-${c}`}>{c === 'inferred' ? t.inferred(q.data?.inferred) : t[c]}</label>
          </div>
        ))}
      </fieldset>
    </section>
  );
}

function WipeDialog({ expected, onClose, onWipe }: { expected: string; onClose: () => void; onWipe: () => Promise<void> }) {
  const [typed, setTyped] = useState('');
  const id = useId();
  const ok = typed.trim().toUpperCase() === expected.toUpperCase();
  return (
    <ModalDialog
      title={fr.data.wipeConfirmTitle}
      submitLabel={fr.data.wipeConfirm}
      submitClass="danger"
      submitDisabled={!ok}
      onClose={onClose}
      onSubmit={async () => {
        if (!ok) return false;
        await onWipe();
      }}
    >
      <p>{expected === 'EFFACER' ? fr.data.wipeConfirmTextNoSchool : fr.data.wipeConfirmText(expected)}</p>
      <label htmlFor={id}>{fr.data.wipeConfirmLabel}</label>
      <input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
    </ModalDialog>
  );
}
