import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EntProfile } from '@raccord/core';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorBox, Loading, NoDataPage } from '../../components/ui.tsx';
import { fr } from '../../i18n/fr.ts';
import { href } from '../../app/router.ts';
import { useFeedback } from '../../app/feedback.tsx';
import { keys, useOverview, useWorkMarks, useWorklist } from '../../lib/queries.ts';
import { countByCategory } from '../../lib/assignments.ts';
import { getDb } from '../../db/schema.ts';
import { setWorkMark } from '../../db/store.ts';
import type { WorkItem } from '../../engine/types.ts';
import { copyId } from './copy.ts';
import { NO_FILTER, allDivisions, doneCount, filterWork, isDone, type WorkFilter } from './filter.ts';

const PROFILES: EntProfile[] = ['pupil', 'guardian', 'teacher', 'staff', 'other'];

function who(i: WorkItem): string {
  return `${i.family} ${i.given} (${i.login})`;
}

/** « À faire dans l'ENT »: each account to change, its current and expected ID, Copier, done marks. */
export function WorklistPage() {
  const overview = useOverview();
  const work = useWorklist();
  const marks = useWorkMarks();
  const [filter, setFilter] = useState<WorkFilter>(NO_FILTER);
  const query = useDeferredValue(filter.query);
  const ids = { q: useId(), p: useId(), d: useId(), a: useId(), s: useId(), progress: useId() };
  const items = work.data ?? [];
  const shown = useMemo(() => filterWork(items, { ...filter, query }, marks.data), [items, filter, query, marks.data]);
  const divisions = useMemo(() => allDivisions(items), [items]);
  const profiles = useMemo(() => PROFILES.filter((p) => items.some((i) => i.profile === p)), [items]);

  if (overview.isPending || work.isPending) return <Loading />;
  if (overview.isError) return <ErrorBox error={overview.error} onRetry={() => overview.refetch()} />;
  if (!overview.data.result) return <NoDataPage title={fr.worklist.title} />;
  if (work.isError) return <ErrorBox error={work.error} onRetry={() => work.refetch()} />;

  const done = doneCount(items, marks.data);
  const counts = countByCategory(overview.data.result.assignments);
  const toDecide = counts.probable + counts.ambiguous;
  const set = <K extends keyof WorkFilter>(k: K, v: WorkFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));

  return (
    <div className="page worklist-page">
      <PageTitle text={fr.worklist.title}>{fr.worklist.title}</PageTitle>
      <p className="lead">{fr.worklist.intro}</p>
      {toDecide > 0 && (
        <p className="notice-warn">
          {fr.worklist.toDecide(toDecide)} <a href={href({ name: 'links' })}>{fr.worklist.goDecide}</a>
        </p>
      )}
      {items.length === 0 ? (
        <p>{fr.worklist.none}</p>
      ) : (
        <>
          <div className="work-progress">
            <label htmlFor={ids.progress}>{fr.worklist.progressLabel}</label>
            <progress id={ids.progress} max={items.length} value={done} />
            <span data-testid="work-progress">{fr.worklist.progress(done, items.length)}</span>
          </div>
          <div className="filters" role="search">
            <label htmlFor={ids.q}>{fr.worklist.filterLabel}</label>
            <input id={ids.q} type="search" value={filter.query} onChange={(e) => set('query', e.target.value)} />
            <label htmlFor={ids.p}>{fr.worklist.profile}</label>
            <select id={ids.p} value={filter.profile} onChange={(e) => set('profile', e.target.value as WorkFilter['profile'])}>
              <option value="">{fr.worklist.allProfiles}</option>
              {profiles.map((p) => (
                <option key={p} value={p}>
                  {fr.person.profile[p]}
                </option>
              ))}
            </select>
            <label htmlFor={ids.d}>{fr.worklist.division}</label>
            <select id={ids.d} value={filter.division} onChange={(e) => set('division', e.target.value)}>
              <option value="">{fr.worklist.allDivisions}</option>
              {divisions.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            <label htmlFor={ids.a}>{fr.worklist.action}</label>
            <select id={ids.a} value={filter.action} onChange={(e) => set('action', e.target.value as WorkFilter['action'])}>
              <option value="">{fr.worklist.allActions}</option>
              <option value="fill">{fr.worklist.actionLabel.fill}</option>
              <option value="replace">{fr.worklist.actionLabel.replace}</option>
            </select>
            <label htmlFor={ids.s}>{fr.worklist.state}</label>
            <select id={ids.s} value={filter.state} onChange={(e) => set('state', e.target.value as WorkFilter['state'])}>
              <option value="all">{fr.worklist.stateAll}</option>
              <option value="todo">{fr.worklist.stateTodo}</option>
              <option value="done">{fr.worklist.stateDone}</option>
            </select>
          </div>
          <p aria-live="polite" className="hint" data-testid="work-shown">
            {fr.worklist.shown(shown.length, items.length)}
          </p>
          {shown.length === 0 ? <p>{fr.worklist.noMatch}</p> : <WorkTable items={shown} marks={marks.data} rowsLeave={filter.state !== 'all'} />}
        </>
      )}
    </div>
  );
}

function WorkTable({ items, marks, rowsLeave }: { items: WorkItem[]; marks: ReturnType<typeof useWorkMarks>['data']; rowsLeave: boolean }) {
  return (
    <div className="table-wrap">
      <table className="work-table">
        <caption className="visually-hidden">{fr.worklist.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{fr.worklist.col.person}</th>
            <th scope="col">{fr.worklist.col.profile}</th>
            <th scope="col">{fr.worklist.col.division}</th>
            <th scope="col">{fr.worklist.col.action}</th>
            <th scope="col">{fr.worklist.col.current}</th>
            <th scope="col">{fr.worklist.col.expected}</th>
            <th scope="col">{fr.worklist.col.done}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <WorkRow key={i.login} item={i} done={isDone(i, marks)} leaves={rowsLeave} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `leaves`: the state filter hides the row once it is (un)marked; the focus then goes to the next one. */
function WorkRow({ item: i, done, leaves }: { item: WorkItem; done: boolean; leaves: boolean }) {
  const qc = useQueryClient();
  const { notify } = useFeedback();
  const idRef = useRef<HTMLElement>(null);
  // Shown at once (a controlled checkbox would wait for the database), then read back from it.
  const [checked, setChecked] = useState(done);
  useEffect(() => setChecked(done), [done]);
  const label = who(i);
  const name = `${i.family} ${i.given}`;
  return (
    <tr className={done ? 'row-done' : undefined} data-login={i.login}>
      <td>
        {i.personKey ? <a href={href({ name: 'person', refKey: i.personKey })}>{name}</a> : <span>{name}</span>}
        <br />
        <code className="id">{i.login}</code>
      </td>
      <td>{fr.person.profile[i.profile]}</td>
      <td>{i.division || fr.common.none}</td>
      <td>
        <span className={`badge ${i.action === 'fill' ? 'badge-info' : 'badge-warn'}`}>{fr.worklist.actionLabel[i.action]}</span>
      </td>
      <td>{i.currentPronoteId ? <code className="id">{i.currentPronoteId}</code> : <span className="absent">{fr.worklist.empty}</span>}</td>
      <td className="id-cell">
        <code className="id" ref={idRef}>
          {i.expectedPronoteId}
        </code>{' '}
        <button
          type="button"
          className="small"
          aria-label={fr.worklist.copyLabel(i.expectedPronoteId, label)}
          onClick={async () => {
            const how = await copyId(i.expectedPronoteId, idRef.current);
            notify(how === 'copied' ? fr.worklist.copied(i.expectedPronoteId) : fr.worklist.copyFallback(i.expectedPronoteId));
          }}
        >
          {fr.worklist.copy}
        </button>
      </td>
      <td>
        <input
          type="checkbox"
          checked={checked}
          aria-label={fr.worklist.doneLabel(label)}
          onChange={async (e) => {
            const now = e.target.checked;
            setChecked(now);
            if (leaves) {
              const row = e.currentTarget.closest('tr');
              const next = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector<HTMLInputElement>('input[type="checkbox"]');
              next?.focus();
            }
            await setWorkMark(getDb(), i.login, i.expectedPronoteId, now);
            await qc.invalidateQueries({ queryKey: keys.workmarks });
            notify(now ? fr.worklist.markedDone(label) : fr.worklist.unmarked(label));
          }}
        />
      </td>
    </tr>
  );
}
