import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'scripts/**/*.test.mjs'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Finds, installs or starts the PostgreSQL the database suites run on (never skips them silently).
    globalSetup: ['packages/server/src/testing/postgres-global-setup.ts'],
  },
});
