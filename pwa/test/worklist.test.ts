import { describe, expect, it } from 'vitest';
import { workMarkKey, type WorkMarkRow } from '../src/db/schema.ts';
import type { WorkItem } from '../src/engine/types.ts';
import { NO_FILTER, allDivisions, doneCount, filterWork } from '../src/features/worklist/filter.ts';

const item = (login: string, x: Partial<WorkItem>): WorkItem => ({
  login,
  family: login.toUpperCase(),
  given: 'Prénom',
  profile: 'pupil',
  division: '',
  expectedPronoteId: `PN-${login}`,
  decision: 'certain',
  confirmedByAdmin: false,
  evidence: [],
  currentPronoteId: '',
  action: 'fill',
  candidates: [],
  ...x,
});

describe("À faire dans l'ENT : filtres et avancement", () => {
  const items = [
    item('lea', { division: '3A' }),
    item('hugo', { division: '3B', action: 'replace', currentPronoteId: 'OLD' }),
    item('mere', { profile: 'guardian', division: '3A, 4C' }),
    item('prof', { profile: 'teacher' }),
  ];
  const mark = (i: WorkItem): [string, WorkMarkRow] => [workMarkKey(i.login, i.expectedPronoteId), { key: workMarkKey(i.login, i.expectedPronoteId), entLogin: i.login, pronoteId: i.expectedPronoteId, at: 'x' }];
  const marks = new Map([mark(items[0]!)]);

  it('filters by profile, division (a guardian in each of their children’s classes), action and state', () => {
    const logins = (f: Partial<typeof NO_FILTER>) => filterWork(items, { ...NO_FILTER, ...f }, marks).map((i) => i.login);
    expect(logins({})).toEqual(['lea', 'hugo', 'mere', 'prof']);
    expect(logins({ profile: 'guardian' })).toEqual(['mere']);
    expect(logins({ division: '3A' })).toEqual(['lea', 'mere']);
    expect(logins({ division: '4C' })).toEqual(['mere']);
    expect(logins({ action: 'replace' })).toEqual(['hugo']);
    expect(logins({ state: 'done' })).toEqual(['lea']);
    expect(logins({ state: 'todo' })).toEqual(['hugo', 'mere', 'prof']);
    expect(logins({ query: 'old' })).toEqual(['hugo']);
    expect(allDivisions(items)).toEqual(['3A', '3B', '4C']);
  });

  it('counts a mark only while the account still expects the same ID', () => {
    expect(doneCount(items, marks)).toBe(1);
    const changed = [{ ...items[0]!, expectedPronoteId: 'AUTRE' }, ...items.slice(1)];
    expect(doneCount(changed, marks)).toBe(0);
  });
});
