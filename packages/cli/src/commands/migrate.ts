import { MigrationError, migrateToLatest } from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson, withDatabase } from '../database.ts';

export const summary = 'migrate [--database URL]  bring the database schema up to date (safe to repeat)';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, DATABASE_OPTION);
  if (positionals.length > 0) throw new UsageError('arguments', `Unexpected argument "${positionals[0]}"`);
  return withDatabase(values.database, async (handle) => {
    try {
      const { applied } = await migrateToLatest(handle);
      printJson({ database: handle.dialect, applied });
      return 0;
    } catch (err) {
      if (err instanceof MigrationError) throw new Error(err.message);
      throw err;
    }
  });
}
