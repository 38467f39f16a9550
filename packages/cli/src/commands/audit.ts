import { verifyAuditChain } from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson, withDatabase } from '../database.ts';

export const summary =
  'audit verify [--database URL]   check the keyed audit chain and its checkpoints; exit 1 if it is broken';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, DATABASE_OPTION);
  const [sub, ...rest] = positionals;
  if (sub !== 'verify')
    throw new UsageError(
      'subcommand',
      sub === undefined ? 'Usage: nestwerk audit verify' : `Unknown subcommand "audit ${sub}"`,
    );
  if (rest.length > 0) throw new UsageError('arguments', `Unexpected argument "${rest[0]}"`);
  return withDatabase(values.database, async (handle) => {
    const result = await verifyAuditChain(handle.db);
    printJson({
      ok: result.ok,
      checked: result.checked,
      firstBroken: result.firstBroken ?? null,
      head: result.head ?? null,
      legacyRows: result.legacy ?? 0,
      checkpointsCompared: result.checkpoints ?? 0,
      listedEntriesChecked: result.listed ?? 0,
    });
    return result.ok ? 0 : 1;
  });
}
