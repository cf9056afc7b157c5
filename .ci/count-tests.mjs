// Sums vitest's JSON reports (packages/*/test-results/vitest.json) and prints
// the closing line CI reads. Exits 1 when a test failed or a package that has
// tests left no report.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let missing = 0;
for (const dir of readdirSync('packages')) {
  const pkg = join('packages', dir);
  if (!existsSync(join(pkg, 'vitest.config.ts'))) continue;
  const report = join(pkg, 'test-results', 'vitest.json');
  if (!existsSync(report)) {
    console.error(`no test report from ${pkg} (${report} is missing)`);
    missing++;
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  // A suite that fails to load has no failed tests of its own: count it as one failure.
  failed += Math.max(r.numFailedTests ?? 0, r.numFailedTestSuites ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || missing > 0 ? 1 : 0);
