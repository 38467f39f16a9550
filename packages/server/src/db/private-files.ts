import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * Health data and the keys that protect it are for the service account only. Modes are set with chmod after
 * creating, because the mode given to mkdir/open is filtered through the process umask (a umask of 0 would
 * otherwise leave the database world-readable).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates a folder (and missing parents) as 0700. An existing folder keeps its mode: it may be a shared
 * parent the operator chose (`file:/srv/nestwerk.db`), which is not ours to lock down.
 */
export function ensurePrivateDir(path: string): void {
  if (existsSync(path)) return;
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(path, PRIVATE_DIR_MODE);
}

/** Creates the file empty if missing, and makes it (new or not) readable by the owner only. */
export function ensurePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** The same for a file that may or may not exist (SQLite's -wal and -shm come and go). */
export function restrictIfPresent(path: string): void {
  if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}
