/**
 * `npm run bench`, quality part: issue 11's bar on generated schools of several seeds and sizes,
 * each read twice — as generated, and with its PRONOTE teachers list stripped of its « Profil »
 * column (so that only its names tell it). Certain assignments against the truth, and each finding
 * code's precision and recall. Figures, never assertions (the thresholds are asserted by
 * test/checks/sample-quality.test.ts on two small schools).
 */
import { schoolQuality, type SchoolQuality, type TeachersList } from '../test/checks/sample-score.js';
import { contentFigure } from '../src/formats/pronote-list-kind.js';

const CASES: { seed: number; pupils: number }[] = (process.env.BENCH_QUALITY_CASES ?? '1x300,2x900,3x2500,4x5000')
  .split(',')
  .map((c) => {
    const [seed, pupils] = c.split('x').map(Number);
    return { seed: seed!, pupils: pupils! };
  });

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const short = (x: number) => (x === 1 ? '100' : (x * 100).toFixed(1));

/** « sans Profil : d'après les noms (41 des 41…) » — how the stripped list was told, or that it was not. */
function listCell(q: SchoolQuality): string {
  if (q.teachersList === 'labelled') return 'avec « Profil »';
  const l = q.unlabelled?.list;
  if (l?.decidedBy === 'content' && l.profile && l.content) return `sans : noms, ${l.content.found[l.profile]}/${l.content.rows} ${l.profile === 'teacher' ? 'profs' : l.profile}`;
  return `sans : ${l?.decidedBy ?? 'illisible'}${l?.content && l.profile ? ` (${contentFigure(l.content, l.profile)})` : ''}`;
}

const label = (q: SchoolQuality) => `${q.seed}×${q.pupils}${q.teachersList === 'unlabelled' ? ' sans Profil' : ''}`;

const results: SchoolQuality[] = [];
for (const c of CASES) {
  for (const variant of ['labelled', 'unlabelled'] as TeachersList[]) results.push(schoolQuality(c, variant));
}

console.log("\n## Qualité — affectations « sûres » (vérité terrain des établissements générés ; liste des professeurs avec ou sans colonne « Profil »)\n");
console.log(table(
  ['graine × élèves', 'liste des professeurs', 'fichiers lus', 'refusés', 'comptes ENT', 'sûrs', 'probables', 'ambigus', 'précision sûrs', 'rappel sûrs', 'sûrs sur pièges'],
  results.map((q) => {
    const s = q.assignments;
    return [label(q), listCell(q), q.files.given - q.files.refused.length, q.files.refused.length, s.accounts, s.decisions.certain, s.decisions.probable, s.decisions.ambiguous, pct(s.certain.precision), pct(s.recall.recall), s.certainOnTraps];
  }),
));
for (const q of results) for (const r of q.files.refused) console.log(`  ✖ ${label(q)} — ${r}`);

const codes = [...new Set(results.flatMap((q) => Object.keys(q.findings)))];
console.log('\n## Qualité — constats par code : précision / rappel en % (constats / attendus)\n');
console.log(table(
  ['code', ...results.map(label), 'précision min', 'rappel min'],
  codes.map((code) => {
    const per = results.map((q) => q.findings[code] ?? { findings: 0, truth: 0, precision: 1, recall: 1 });
    return [
      code,
      ...per.map((r) => (r.findings || r.truth ? `${short(r.precision)}/${short(r.recall)} (${r.findings}/${r.truth})` : '—')),
      pct(Math.min(...per.map((r) => r.precision))),
      pct(Math.min(...per.map((r) => r.recall))),
    ];
  }),
));
const failures = results.flatMap((q) => [
  ...(q.assignments.certain.precision < 1 ? [`${label(q)} : précision des sûrs ${pct(q.assignments.certain.precision)}`] : []),
  ...(q.assignments.recall.recall < 0.99 ? [`${label(q)} : rappel des sûrs ${pct(q.assignments.recall.recall)}`] : []),
  ...(q.assignments.certainOnTraps ? [`${label(q)} : ${q.assignments.certainOnTraps} sûrs sur des pièges`] : []),
  ...Object.entries(q.findings).filter(([, r]) => r.precision < 0.99).map(([code, r]) => `${label(q)} : ${code} à ${pct(r.precision)} de précision`),
  ...q.files.refused.map((r) => `${label(q)} : fichier refusé ${r}`),
]);
console.log(failures.length ? `\nSous le seuil du ticket 11 :\n${failures.map((f) => `  - ${f}`).join('\n')}` : '\nSeuils du ticket 11 tenus partout : tous les fichiers lus, sûrs à 100 % de précision et ≥ 99 % de rappel, 0 sûr sur un piège, chaque code de constat ≥ 99 % de précision.');
