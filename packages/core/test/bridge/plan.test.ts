/**
 * The plan for the extension, on a small generated school: what it says of each account against
 * the generator's ground truth. Only certain or confirmed IDs; a person without a PRONOTE row is
 * told apart from a link left to confirm; what each account carries today is there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBridgePlan } from '../../src/bridge/plan.js';
import type { BridgePlan } from '../../src/bridge/protocol.js';
import { readFile } from '../../src/formats/read.js';
import { assembleDataset } from '../../src/model/dataset.js';
import { reconcile } from '../../src/reconcile.js';
import { generateSchool, type SampleSchool } from '../../src/sample/index.js';

let school: SampleSchool;
let plan: BridgePlan;
const personOf = (login: string) => plan.people.find((p) => p.entLogins.includes(login));

beforeAll(() => {
  school = generateSchool({ seed: 3, pupils: 400 });
  const ds = assembleDataset(school.files.flatMap((f) => readFile(f.name, f.bytes)));
  plan = buildBridgePlan(reconcile(ds), ds, { generatedAt: '2026-12-04T19:15:00.000Z' });
}, 120_000);

describe('bridge plan', () => {
  it('an ID only for certain or admin-confirmed links', () => {
    for (const p of plan.people) if (p.pronoteId) expect(p.decision === 'certain' || p.confirmedByAdmin, p.key).toBe(true);
  });

  it('a current person with no PRONOTE row is « no-pronote-row », never a probable link', () => {
    const absent = Object.entries(school.truth.assignments).filter(([, a]) => a.trap === 'not-in-pronote');
    expect(absent.length).toBeGreaterThan(0);
    for (const [login] of absent) {
      const p = personOf(login);
      expect(p, login).toBeDefined();
      expect(p!.pronoteId, login).toBeUndefined();
      expect(p!.pronoteStatus, login).toBe('no-pronote-row');
    }
    // …while every person with an ID is a linked (or chosen) one.
    for (const p of plan.people) if (p.pronoteId) expect(['linked', 'chosen']).toContain(p.pronoteStatus);
  });

  it('what each account carries today, by login, as in the ENT export', () => {
    let carrying = 0;
    for (const [login, a] of Object.entries(school.truth.assignments)) {
      const p = personOf(login);
      if (!p) continue;
      expect(p.currentByLogin?.[login], login).toBe(a.current ?? undefined);
      if (a.current) carrying++;
    }
    expect(carrying).toBeGreaterThan(0);
  });
});
