/**
 * Scoring the rules against the sample school's ground truth, through the real readers and
 * matcher: precision and recall per rule. A finding matches a truth anomaly of the same code when
 * they share at least two subjects (or all of them, when one side has fewer than two).
 */
import { generateSchool, ANOMALY_CODES, type SampleOptions, type SampleTruth } from '../../src/sample/index.js';
import { readFile } from '../../src/formats/read.js';
import { assembleDataset } from '../../src/model/dataset.js';
import { match } from '../../src/match/index.js';
import { runChecks } from '../../src/checks/index.js';
import { refKey, type Finding } from '../../src/match/types.js';
import { readInputs } from '../../src/cli/main.js';
import { reconcileDetailed } from '../../src/reconcile.js';
import { scoreAssignments, type Score } from '../../src/match/score.js';
import type { PronoteListKind } from '../../src/model/types.js';
import { UNLABELLED_TEACHERS, withUnlabelledTeachers } from '../helpers/unlabelled-list.js';

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

/** The school's teachers list as generated (« Profil » column), or stripped of it (told by its names). */
export type TeachersList = 'labelled' | 'unlabelled';

export interface SchoolQuality {
  pupils: number;
  seed: number;
  teachersList: TeachersList;
  /** Every file given, and the paths of those refused (with why). */
  files: { given: number; refused: string[] };
  /** How the stripped list was told (`decidedBy: 'content'` expected), and the warning that says so. */
  unlabelled?: { list: PronoteListKind | undefined; warning: string | undefined };
  assignments: Score;
  /** Per planted code, plus any code the school never plants (all its findings are false). */
  findings: Record<string, RuleScore>;
}

/**
 * The whole quality bar on one generated school, every file read as `raccord check` reads them
 * (the zipped copy of an export included, counted once): certain assignments against the truth,
 * and each finding code's precision and recall.
 */
export function schoolQuality(opts: SampleOptions & { seed: number; pupils: number }, teachersList: TeachersList): SchoolQuality {
  const school = generateSchool(opts);
  const given = teachersList === 'unlabelled' ? withUnlabelledTeachers(school.files) : school.files;
  const files = readInputs(given.map((f) => ({ path: f.name, bytes: f.bytes })), {});
  const ds = assembleDataset(files);
  const { result } = reconcileDetailed(ds, { today: school.truth.school.exportDate });
  const findings: Record<string, RuleScore> = scoreFindings(result.findings, school.truth);
  for (const f of result.findings) {
    if (findings[f.code] && (ANOMALY_CODES as readonly string[]).includes(f.code)) continue;
    const r = (findings[f.code] ??= { findings: 0, truth: 0, precision: 0, recall: 1, falsePositives: [], missed: [] });
    r.findings++;
    r.falsePositives.push(f);
  }
  const stripped = teachersList === 'unlabelled' ? files.find((f) => f.path === UNLABELLED_TEACHERS) : undefined;
  return {
    pupils: opts.pupils,
    seed: opts.seed,
    teachersList,
    files: { given: files.length, refused: files.filter((f) => f.error).map((f) => `${f.path} : ${f.error!.message}`) },
    ...(teachersList === 'unlabelled'
      ? { unlabelled: { list: stripped?.pronoteList, warning: stripped?.warnings.find((w) => w.code === 'pronote-profile-from-content')?.message } }
      : {}),
    assignments: scoreAssignments(result.assignments, school.truth.assignments),
    findings,
  };
}
