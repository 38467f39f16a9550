// `npm test`: lint, type-check and every test suite, then one summary line "N passed, N failed[, N skipped]".
// Each step's own output streams through, so a failure is readable in CI logs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, cmd, args) {
  const ok = run(label, cmd, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) process.stdout.write(`✗ ${label} failed\n`);
}

function vitest(label, args, env) {
  const out = join(root, 'test-results', `${label.replace(/\W+/g, '-')}.json`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  rmSync(out, { force: true });
  const ok = run(
    label,
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args],
    env,
  );
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
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

const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
