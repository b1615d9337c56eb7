// Prints one closing line over every runner: "tests: N passed, N failed, N skipped".
// Reports: vitest's JSON, Playwright's JSON, and the Firefox run's own { passed, failed, skipped }.
import { readFileSync, existsSync } from 'node:fs';
let passed = 0, failed = 0, skipped = 0;
const [vitestJson, e2eJson, firefoxJson] = process.argv.slice(2);
const read = (file) => {
  if (!file) return undefined;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  console.error(`rapport absent : ${file} (ses tests ne sont pas comptés)`);
  return undefined;
};
const v = read(vitestJson);
if (v) {
  passed += v.numPassedTests ?? 0; failed += v.numFailedTests ?? 0; skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
const e = read(e2eJson);
if (e) {
  passed += e.stats?.expected ?? 0; failed += (e.stats?.unexpected ?? 0) + (e.stats?.flaky ?? 0); skipped += e.stats?.skipped ?? 0;
}
const f = read(firefoxJson);
if (f) {
  passed += f.passed ?? 0; failed += f.failed ?? 0; skipped += f.skipped ?? 0;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
