import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'scripts/**/*.test.mjs'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Finds, installs or starts the PostgreSQL the database suites run on (never skips them silently).
    // And a scratch data folder, so spawned servers never write a secrets key into the checkout; the audit chain
    // is keyed: one fixed test key (checkpoint files go to the same scratch folder).
    globalSetup: [
      'packages/server/src/testing/postgres-global-setup.ts',
      'packages/server/src/testing/data-dir-global-setup.ts',
      'packages/server/src/testing/audit-key-global-setup.ts',
    ],
  },
});
