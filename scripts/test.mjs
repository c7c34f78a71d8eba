#!/usr/bin/env node
// Runs the whole suite with Vitest and ends with the plain summary line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

mkdirSync('artifacts', { recursive: true });
const report = 'artifacts/vitest-report.json';
const args = ['vitest', 'run', '--reporter=default', `--reporter=json`, `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0) - (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (failed < 0) failed = 0;
}
const code = run.status ?? 1;
if (code !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code);
