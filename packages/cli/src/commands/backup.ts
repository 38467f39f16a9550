import { BackupError, backupSqlite, databaseUrlFromEnv } from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson } from '../database.ts';
import { sqlitePath } from './restore.ts';

export const summary =
  'backup <file> [--force]   consistent copy of the live SQLite database (PostgreSQL: pg_dump)';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...DATABASE_OPTION, force: { type: 'boolean' } });
  const [file, ...rest] = positionals;
  if (file === undefined) throw new UsageError('file', 'Usage: nestwerk backup <file>');
  if (rest.length > 0) throw new UsageError('arguments', `Unexpected argument "${rest[0]}"`);
  const source = sqlitePath(values.database ?? databaseUrlFromEnv(), values.database === undefined, 'backup');
  try {
    const result = await backupSqlite(source, file, { overwrite: values.force === true });
    printJson({
      file: result.file,
      bytes: result.bytes,
      auditRows: result.audit.checked,
      auditHead: result.audit.head ?? null,
    });
    return 0;
  } catch (err) {
    if (err instanceof BackupError) throw new UsageError('file', err.message, 'refused');
    throw err;
  }
}
