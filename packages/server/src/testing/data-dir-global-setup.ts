import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest globalSetup: servers and CLI commands that tests spawn on PostgreSQL would otherwise make their
 * secrets key under ./data of the checkout. One scratch data folder for the whole run, inherited by workers
 * and their child processes; SQLite suites keep theirs beside each temporary database.
 */
export default function setup(): () => void {
  if (process.env.NESTWERK_DATA_DIR) return () => {};
  const dir = mkdtempSync(join(tmpdir(), 'nestwerk-test-data-'));
  process.env.NESTWERK_DATA_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
