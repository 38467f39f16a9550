import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server on a fresh demo database (started once in global-setup), Debian's Chromium
 * driven by playwright-core. One file at a time: the machine has two cores and each file runs a browser.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    // The machine is shared: give the page time to settle before a polled expectation gives up.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
