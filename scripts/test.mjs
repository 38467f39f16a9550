// `npm test`: lint, type-check and every test suite, then one summary line "N passed, N failed[, N skipped]".
// Each step's own output streams through, so a failure is readable in CI logs.
// With NESTWERK_TEST_NODE_LINES (`all`, or `24`, `22`; .ci/run sets `all`) it also runs suites on the other
// supported Node lines (scripts/node-lines.mjs), and the summary counts the tests of every line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { nodeHome, prepareCheckout, selectedLines, vitestOnLine } from './node-lines.mjs';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Every failed test (or suite that failed to load), repeated just above the summary: CI shows only the tail. */
const failures = [];

const timings = [];

/** Runs `step` (returning true when it passed) and notes how long it took, for the timings at the end. */
function timed(label, step) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = Date.now();
  const ok = step();
  timings.push({ label, seconds: Math.round((Date.now() - started) / 1000), ok });
  return ok;
}

function run(label, cmd, args, env = {}) {
  return timed(label, () => {
    const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    return result.status === 0;
  });
}

function check(label, cmd, args) {
  const ok = run(label, cmd, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) process.stdout.write(`✗ ${label} failed\n`);
}

/** A vitest run whose JSON report is added to the totals; `runner` runs vitest with the given arguments. */
/** `label › file › test: first line of the error` for each failure in a vitest JSON report. */
function failedTests(label, report) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const where = file.name.startsWith(root) ? file.name.slice(root.length) : file.name;
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failed)
      lines.push(`${label} › ${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (failed.length === 0 && file.status === 'failed')
      lines.push(`${label} › ${where}: ${firstLine(file.message)}`);
  }
  return lines;
}

function firstLine(text) {
  return (text ?? '').split('\n').find((line) => line.trim() !== '') ?? '(no message)';
}

function vitest(label, args, runner = (vitestArgs) => run(label, bin('vitest'), vitestArgs)) {
  const out = join(root, 'test-results', `${label.replace(/\W+/g, '-')}.json`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  rmSync(out, { force: true });
  const ok = runner(['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    failures.push(...failedTests(label, report));
    // A suite that fails to load has no tests to count, but it is a failure all the same.
    if (!ok && report.numFailedTests === 0) totals.failed += Math.max(1, report.numFailedTestSuites);
  } catch {
    totals.failed += 1;
    process.stdout.write(`✗ ${label}: no test report was written\n`);
  }
}

check('lint (biome)', bin('biome'), ['check', '.']);
check('type-check (tsc)', bin('tsc'), ['-p', '.', '--noEmit']);
check('layering (dependencies point one way)', process.execPath, ['scripts/check-layers.mjs']);
// Builds the web app when its sources changed; fails when the first screens' JavaScript outgrows its budget.
check('web bundle budget (initial JS ≤ 200 kB gzip)', bin('tsx'), ['scripts/web-budget.ts']);
vitest('unit and integration tests', []);
// Real server, fresh demo database, Debian's Chromium (installed when missing and root, else a clear failure).
vitest('browser tests (e2e)', ['--config', 'e2e/vitest.config.ts']);

// The other Node lines, each in its own copy of the checkout with its own node_modules (native builds differ).
for (const line of selectedLines()) {
  let home;
  let dir = null;
  const installed = timed(`install on Node ${line.version} (separate copy)`, () => {
    try {
      home = nodeHome(line.version);
      dir = prepareCheckout(home, line.version);
    } catch (err) {
      process.stdout.write(`${err instanceof Error ? err.message : String(err)}\n`);
    }
    return dir !== null;
  });
  totals[installed ? 'passed' : 'failed'] += 1;
  if (!installed) {
    process.stdout.write(`✗ install on Node ${line.version} failed; its ${line.suites} did not run\n`);
    continue;
  }
  try {
    const label = `${line.suites} on Node ${line.version}`;
    vitest(label, line.args, (vitestArgs) => timed(label, () => vitestOnLine(home, dir, vitestArgs) === 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.stdout.write('\nTime per step:\n');
for (const { label, seconds, ok } of timings)
  process.stdout.write(
    `  ${ok ? '✓' : '✗'} ${label}: ${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s\n`,
  );

if (failures.length > 0) {
  process.stdout.write('\nFailed:\n');
  for (const line of failures) process.stdout.write(`  ✗ ${line.slice(0, 400)}\n`);
}

const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
