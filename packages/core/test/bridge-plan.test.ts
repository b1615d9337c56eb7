/**
 * The plan for the extension on the generated sample school: the records of one person entered
 * twice in SIECLE share a `sameAs` key (their accounts get the same PRONOTE ID, seed 001 5/5);
 * different people never do, even under one name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BridgePlan } from '../src/bridge/protocol.js';
import { buildBridgePlan } from '../src/bridge/plan.js';
import { readFile } from '../src/formats/read.js';
import { assembleDataset } from '../src/model/dataset.js';
import { reconcile } from '../src/reconcile.js';
import { generateSchool, type SampleSchool } from '../src/sample/index.js';

let school: SampleSchool;
let plan: BridgePlan;
beforeAll(() => {
  school = generateSchool({ pupils: 900, seed: 7 });
  const ds = assembleDataset(school.files.flatMap((f) => readFile(f.name, f.bytes)));
  plan = buildBridgePlan(reconcile(ds), ds);
}, 300_000);

const personOf = (login: string) => plan.people.find((p) => p.entLogins.includes(login));

describe('plan: duplicate records of one person', () => {
  it('each person with two SIECLE records and two accounts: both plan entries share one sameAs key, no one else has it', () => {
    const duplicates = school.truth.people.list.filter((p) => p.kind !== 'staff' && p.siecle.length > 1 && p.ent.length > 1);
    expect(duplicates.some((p) => p.kind === 'guardian')).toBe(true);
    const seen = new Set<string>();
    for (const human of duplicates) {
      const entries = human.ent.map(personOf);
      const keys = new Set(entries.map((e) => e?.sameAs));
      expect(keys.size, human.name).toBe(1);
      const key = [...keys][0];
      expect(key, human.name).toBeTruthy();
      expect(seen.has(key!), human.name).toBe(false);
      seen.add(key!);
      expect(plan.people.filter((p) => p.sameAs === key).length, human.name).toBe(human.ent.length);
    }
  });

  it('two different people with one name (the same-name guardians trap) are never grouped', () => {
    const pairs = school.truth.traps.filter((t) => t.code === 'same-name-guardian');
    let checked = 0;
    for (const t of pairs) {
      const logins = t.subjects.flatMap((s) => Object.entries(school.truth.assignments).filter(([, a]) => a.person.id === s.id).map(([l]) => l));
      if (logins.length < 2) continue;
      checked++;
      const groups = logins.map((l) => personOf(l)?.sameAs);
      expect(groups.filter(Boolean), t.note).toEqual([]);
    }
    expect(checked).toBeGreaterThan(0);
    const lone = school.truth.people.list.filter((p) => p.siecle.length === 1);
    for (const human of lone) for (const l of human.ent) expect(personOf(l)?.sameAs, human.name).toBeUndefined();
  });
});
