import {
  BackupError,
  DatabaseUrlError,
  databaseUrlFromEnv,
  parseDatabaseUrl,
  restoreSqlite,
} from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson } from '../database.ts';

export const summary =
  'restore <file>            replace the (stopped) SQLite database with a checked backup';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, DATABASE_OPTION);
  const [file, ...rest] = positionals;
  if (file === undefined) throw new UsageError('file', 'Usage: nestwerk restore <file>');
  if (rest.length > 0) throw new UsageError('arguments', `Unexpected argument "${rest[0]}"`);
  const target = sqlitePath(
    values.database ?? databaseUrlFromEnv(),
    values.database === undefined,
    'restore',
  );
  try {
    const result = await restoreSqlite(file, target);
    printJson({ restored: result.restored, previous: result.previous, auditRows: result.audit.checked });
    return 0;
  } catch (err) {
    if (err instanceof BackupError) throw new UsageError('file', err.message, 'refused');
    throw err;
  }
}

/** The SQLite file behind a database URL; PostgreSQL has its own tools, which docs/operations.md describes. */
export function sqlitePath(url: string, fromEnv: boolean, command: 'backup' | 'restore'): string {
  let location: ReturnType<typeof parseDatabaseUrl>;
  try {
    location = parseDatabaseUrl(url);
  } catch (err) {
    if (err instanceof DatabaseUrlError)
      throw new UsageError(fromEnv ? 'NESTWERK_DATABASE_URL' : '--database', err.message);
    throw err;
  }
  if (location.dialect === 'postgres')
    throw new UsageError(
      'database',
      command === 'backup'
        ? 'For PostgreSQL use pg_dump: pg_dump --format=custom --file=nestwerk.dump "$NESTWERK_DATABASE_URL" (see docs/operations.md)'
        : 'For PostgreSQL use pg_restore into an empty database (see docs/operations.md)',
      'unsupported',
    );
  return location.path;
}
