import { readFileSync } from 'node:fs';
import { HttpError, importFamilyFromCli, migrateToLatest } from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson, withDatabase } from '../database.ts';

export const importSummary =
  'fhir import FILE|- [--user EMAIL]   import a family from a FHIR R4 Bundle; prints {"familyId": "…"}';

function readInput(source: string): string {
  try {
    return source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
  } catch (err) {
    throw new UsageError('file', `Cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/**
 * `fhir import`: the same import as POST /api/fhir/import. A Bundle that is not JSON, or whose entries are
 * wrong, exits 2 with one JSON line on stderr naming the entry (index, resource type, path, code).
 */
export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...DATABASE_OPTION, user: { type: 'string' } });
  const [source, extra] = positionals;
  if (source === undefined) throw new UsageError('file', 'Name the Bundle file, or - for standard input');
  if (extra !== undefined) throw new UsageError('arguments', `Unexpected argument "${extra}"`);
  let bundle: unknown;
  try {
    bundle = JSON.parse(readInput(source));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError('file', `${source} is not JSON: ${(err as Error).message}`);
  }
  return withDatabase(values.database, async (handle) => {
    await migrateToLatest(handle);
    try {
      const result = await importFamilyFromCli(handle, bundle, { email: values.user });
      printJson({ familyId: result.familyId });
      return 0;
    } catch (err) {
      if (err instanceof HttpError && err.status < 500) {
        process.stderr.write(`${JSON.stringify(err.toBody())}\n`);
        return 2;
      }
      throw err;
    }
  });
}
