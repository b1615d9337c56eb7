/**
 * The matcher on the generated sample school: parse its files as the app does, match, and score
 * against the ground truth. Never a wrong `certain`; recall over accounts with exactly one true
 * PRONOTE row; no `certain` on the traps the files cannot settle.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from '../../src/formats/read.js';
import { match } from '../../src/match/index.js';
import { formatScore, scoreAssignments } from '../../src/match/score.js';
import { refKey } from '../../src/match/types.js';
import { assembleDataset } from '../../src/model/dataset.js';
import { generateSchool, type SampleOptions } from '../../src/sample/index.js';

function run(opts: SampleOptions) {
  const school = generateSchool(opts);
  const ds = assembleDataset(school.files.flatMap((f) => readFile(f.name, f.bytes)));
  const m = match(ds);
  return { school, m, score: scoreAssignments(m.assignments, school.truth.assignments) };
}

describe.each([
  { seed: 1 },
  { seed: 7, pupils: 900 },
  { seed: 11, pupils: 400 },
])('sample school %o', (opts) => {
  let school: ReturnType<typeof run>['school'];
  let m: ReturnType<typeof run>['m'];
  let score: ReturnType<typeof run>['score'];
  beforeAll(() => {
    ({ school, m, score } = run(opts));
  }, 300_000);

  it('certain assignments: precision 100 %, recall ≥ 99 %, none on traps', () => {
    const report = formatScore(score);
    expect(score.missing, report).toBe(0);
    expect(score.certain.precision, report).toBe(1);
    expect(score.recall.recall, report).toBeGreaterThanOrEqual(0.99);
    expect(score.certainOnTraps, report).toBe(0);
    expect(score.certainErrors, report).toEqual([]);
  });

  it('« personnes en charge » and cousins of another class with a near name: every account certain and right', () => {
    const report = formatScore(score);
    for (const trap of ['guardian-in-charge', 'near-name-other-class']) {
      const t = score.traps[trap];
      expect(t?.accounts, `${trap}\n${report}`).toBeGreaterThan(0);
      expect(t!.certain, `${trap}\n${report}`).toBe(t!.accounts);
      expect(t!.right, `${trap}\n${report}`).toBe(t!.accounts);
    }
  });

  it('ambiguous assignments never carry an ID, and list their candidates', () => {
    for (const a of m.assignments.filter((x) => x.decision === 'ambiguous')) {
      expect(a.pronoteId).toBeNull();
      expect(a.candidates?.length).toBeGreaterThan(0);
    }
  });

  it('every certain SIECLE/STS ↔ PRONOTE link is a true pair', () => {
    let checked = 0;
    for (const p of school.truth.people.list) {
      const refs =
        p.kind === 'staff'
          ? p.sts
            ? [refKey({ source: 'sts', kind: 'staff', id: p.sts })]
            : []
          : p.siecle.map((id) => refKey({ source: 'siecle', kind: p.kind, id }));
      for (const k of refs) {
        const l = m.pronoteOf.get(k);
        if (!l || l.decision !== 'certain') continue;
        checked++;
        expect(l.to.id, `${p.name} (${k})`).toBe(p.pronote);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('every certain ENT ↔ SIECLE/STS link is the account’s own record', () => {
    for (const [login, t] of Object.entries(school.truth.assignments)) {
      const l = m.entOwner.get(login);
      if (l?.decision === 'certain') expect(l.to.id, login).toBe(t.person.id);
    }
  });
});
