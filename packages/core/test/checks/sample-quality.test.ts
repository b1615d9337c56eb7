/** The rules against the sample school's ground truth (see sample-score.ts): the measured quality bar. */
import { describe, expect, it } from 'vitest';
import { refKey } from '../../src/match/types.js';
import { formatScore } from '../../src/match/score.js';
import { checkSample, schoolQuality, scoreFindings } from './sample-score.js';

describe('checks against the sample school', () => {
  it('a clean school gives no error (nor any other finding)', () => {
    const { findings } = checkSample({ seed: 3, pupils: 600, anomalies: false });
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.evidence[0]}`)).toEqual([]);
  }, 120_000);

  for (const [seed, pupils] of [[1, 1500], [2, 1500], [4, 900]] as const) {
    it(`seed ${seed}, ${pupils} pupils: precision and recall of 100 % for every rule`, () => {
      const { findings, truth } = checkSample({ seed, pupils });
      const scores = scoreFindings(findings, truth);
      const report = Object.entries(scores).map(
        ([code, s]) => `${code}: ${s.findings} constats / ${s.truth} attendus, précision ${(s.precision * 100).toFixed(1)} %, rappel ${(s.recall * 100).toFixed(1)} %`,
      );
      const failing = Object.entries(scores)
        .filter(([, s]) => s.precision < 1 || s.recall < 1)
        .map(([code, s]) => ({
          code,
          falsePositives: s.falsePositives.slice(0, 3).map((f) => [f.subjects.map(refKey).join(' '), ...f.evidence].join(' / ')),
          missed: s.missed.slice(0, 3).map((a) => `${a.subjects.map(refKey).join(' ')} — ${a.note}`),
        }));
      expect(failing, report.join('\n')).toEqual([]);
    }, 120_000);
  }
});

/**
 * Issue 11's bar, read as `raccord check` reads a folder, with the PRONOTE teachers list stripped of
 * its « Profil » column (only its names tell it): every file read, the list told by its names,
 * certain assignments at 100 % precision and ≥ 99 % recall, none on a trap, every finding code at
 * ≥ 99 % precision. `npm run bench` prints the same figures on larger schools.
 */
describe('issue 11 quality bar, teachers list without « Profil »', () => {
  for (const [seed, pupils] of [[5, 300], [7, 900]] as const) {
    it(`seed ${seed}, ${pupils} pupils`, () => {
      const q = schoolQuality({ seed, pupils }, 'unlabelled');
      expect(q.files.refused).toEqual([]);
      expect(q.unlabelled?.list).toMatchObject({ decidedBy: 'content', profile: 'teacher' });
      expect(q.unlabelled?.warning).toMatch(/noms sont des professeurs de STS-web, lue comme la liste des professeurs/);
      const report = formatScore(q.assignments);
      expect(q.assignments.certain.total, report).toBeGreaterThan(pupils);
      expect(q.assignments.certain.precision, report).toBe(1);
      expect(q.assignments.recall.recall, report).toBeGreaterThanOrEqual(0.99);
      expect(q.assignments.certainOnTraps, report).toBe(0);
      const codes = Object.entries(q.findings);
      expect(codes.filter(([, r]) => r.findings > 0).length).toBeGreaterThanOrEqual(10);
      const below = codes
        .filter(([, r]) => r.precision < 0.99)
        .map(([code, r]) => `${code}: ${r.findings} constats, précision ${(r.precision * 100).toFixed(1)} % — ${r.falsePositives.slice(0, 3).map((f) => [f.subjects.map(refKey).join(' '), ...f.evidence].join(' / ')).join(' | ')}`);
      expect(below).toEqual([]);
    }, 300_000);
  }
});
