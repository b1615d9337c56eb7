/**
 * Scoring the rules against the sample school's ground truth, through the real readers and
 * matcher: precision and recall per rule. A finding matches a truth anomaly of the same code when
 * they share at least two subjects (or all of them, when one side has fewer than two).
 */
import { generateSchool, ANOMALY_CODES, type SampleTruth } from '../../src/sample/index.js';
import { readFile } from '../../src/formats/read.js';
import { assembleDataset } from '../../src/model/dataset.js';
import { match } from '../../src/match/index.js';
import { runChecks } from '../../src/checks/index.js';
import { refKey, type Finding } from '../../src/match/types.js';

export interface RuleScore {
  findings: number;
  truth: number;
  precision: number;
  recall: number;
  falsePositives: Finding[];
  missed: SampleTruth['anomalies'];
}

export function scoreFindings(findings: Finding[], truth: SampleTruth): Record<string, RuleScore> {
  const out: Record<string, RuleScore> = {};
  for (const code of ANOMALY_CODES) {
    const fs = findings.filter((f) => f.code === code).map((f) => ({ f, keys: new Set(f.subjects.map(refKey)) }));
    const ts = truth.anomalies.filter((a) => a.code === code).map((a) => ({ a, keys: new Set(a.subjects.map(refKey)) }));
    const matches = (fk: Set<string>, tk: Set<string>) => {
      let n = 0;
      for (const k of fk) if (tk.has(k)) n++;
      return n >= Math.min(2, fk.size, tk.size);
    };
    const fp = fs.filter((x) => !ts.some((t) => matches(x.keys, t.keys))).map((x) => x.f);
    const missed = ts.filter((t) => !fs.some((x) => matches(x.keys, t.keys))).map((t) => t.a);
    out[code] = {
      findings: fs.length,
      truth: ts.length,
      precision: fs.length ? (fs.length - fp.length) / fs.length : 1,
      recall: ts.length ? (ts.length - missed.length) / ts.length : 1,
      falsePositives: fp,
      missed,
    };
  }
  return out;
}

export function checkSample(opts: Parameters<typeof generateSchool>[0]) {
  const school = generateSchool(opts);
  // The zipped copy of ElevesSansAdresses.xml is the same export twice: read the plain one.
  const files = school.files.filter((f) => !f.name.endsWith('.zip')).flatMap((f) => readFile(f.name, f.bytes));
  const ds = assembleDataset(files);
  const m = match(ds);
  const findings = runChecks({ dataset: ds, match: m, today: school.truth.school.exportDate });
  return { findings, truth: school.truth };
}
