/** The rules against the sample school's ground truth (see sample-score.ts): the measured quality bar. */
import { describe, expect, it } from 'vitest';
import { refKey } from '../../src/match/types.js';
import { checkSample, scoreFindings } from './sample-score.js';

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
