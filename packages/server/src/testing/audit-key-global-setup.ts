import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fixed key, so a failing chain can be recomputed by hand; never used outside tests. */
export const TEST_AUDIT_KEY = 'a1'.repeat(32);

/**
 * Vitest globalSetup: every worker and every process a test spawns signs the audit chain with the test key,
 * and keeps its checkpoint files in a throwaway folder instead of the repository's ./data.
 */
export default function setup(): () => void {
  const given = process.env.NESTWERK_DATA_DIR;
  const dir = mkdtempSync(join(tmpdir(), 'nestwerk-test-data-'));
  process.env.NESTWERK_AUDIT_KEY ??= TEST_AUDIT_KEY;
  if (!given) process.env.NESTWERK_DATA_DIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
