// Prints one closing line over both runners: "tests: N passed, N failed, N skipped".
import { readFileSync, existsSync } from 'node:fs';
let passed = 0, failed = 0, skipped = 0;
const [vitestJson, e2eJson] = process.argv.slice(2);
if (vitestJson && existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0; failed += v.numFailedTests ?? 0; skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (e2eJson && existsSync(e2eJson)) {
  const e = JSON.parse(readFileSync(e2eJson, 'utf8'));
  passed += e.stats?.expected ?? 0; failed += (e.stats?.unexpected ?? 0) + (e.stats?.flaky ?? 0); skipped += e.stats?.skipped ?? 0;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
