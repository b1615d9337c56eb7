import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../src/sample/index.js';
import { readFile } from '../../src/formats/read.js';
import { listOverlap, looksForeign } from '../../src/formats/list-overlap.js';
import type { ParsedFile } from '../../src/model/types.js';

function parsed(s: ReturnType<typeof generateSchool>): ParsedFile[] {
  return s.files.flatMap((f) => readFile(f.name, f.bytes));
}

describe("listOverlap: la liste ENT ou PRONOTE d'un autre établissement", () => {
  const mine = parsed(generateSchool({ pupils: 80, seed: 3 }));
  const theirs = parsed(generateSchool({ pupils: 80, seed: 9, uai: '0999999Z' }));
  const reference = mine.filter((f) => f.kind.startsWith('siecle') || f.kind === 'sts-emp');

  it("finds most names of the school's own ENT export, few of the other school's", () => {
    const own = listOverlap(mine.find((f) => f.kind === 'ent-accounts')!, reference)!;
    expect(own.found / own.total).toBeGreaterThan(0.8);
    expect(looksForeign(own)).toBe(false);
    const other = listOverlap(theirs.find((f) => f.kind === 'ent-accounts')!, reference)!;
    expect(other.total).toBeGreaterThan(50);
    expect(looksForeign(other)).toBe(true);
  });

  it('says nothing without a reference, or for a list too short to tell', () => {
    expect(listOverlap(theirs.find((f) => f.kind === 'ent-accounts')!, [])).toBeUndefined();
    expect(looksForeign({ found: 0, total: 3 })).toBe(false);
  });
});

describe('listOverlap: only the profiles the reference can tell', () => {
  it("does not hold a school's teachers list against its SIECLE pupils alone", () => {
    const mine = parsed(generateSchool({ pupils: 80, seed: 3 }));
    const pupilsOnly = mine.filter((f) => f.kind === 'siecle-eleves');
    const teachers = mine.find((f) => f.kind === 'pronote-ids' && f.data.pronoteRows?.every((r) => r.profile === 'teacher'))!;
    expect(listOverlap(teachers, pupilsOnly)).toEqual({ found: 0, total: 0 });
    expect(looksForeign(listOverlap(teachers, pupilsOnly))).toBe(false);
    const withSts = listOverlap(teachers, mine.filter((f) => f.kind === 'sts-emp'))!;
    expect(withSts.total).toBeGreaterThan(5);
    expect(looksForeign(withSts)).toBe(false);
  });
});
