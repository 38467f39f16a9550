import { DatabaseUrlError, type Db, databaseUrlFromEnv, openDatabase } from '@nestwerk/server';
import { UsageError } from './cli-error.ts';

export const DATABASE_OPTION = { database: { type: 'string' } } as const;

/**
 * Opens the database named by `--database` or NESTWERK_DATABASE_URL (default: the embedded SQLite file),
 * runs `fn` and always closes it again. A malformed URL is a usage error naming where it came from.
 */
export async function withDatabase<T>(
  option: string | undefined,
  fn: (handle: Db) => Promise<T>,
): Promise<T> {
  const url = option ?? databaseUrlFromEnv();
  let handle: Db;
  try {
    handle = await openDatabase(url);
  } catch (err) {
    if (err instanceof DatabaseUrlError)
      throw new UsageError(option === undefined ? 'NESTWERK_DATABASE_URL' : '--database', err.message);
    throw err;
  }
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
