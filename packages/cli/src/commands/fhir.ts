import { exportBundle, loadFhirInput, migrateToLatest, recordAudit, secretBoxFor } from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson, withDatabase } from '../database.ts';
import { importSummary, runImport } from './fhir-import.ts';

export const summary = `fhir export --family ID                                 one family as a FHIR R4 Bundle (JSON)\n  ${importSummary}`;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `fhir export --family ID`: the Bundle on stdout, the read in the audit log as the server writes it. */
async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...DATABASE_OPTION, family: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('arguments', `Unexpected argument "${positionals[0]}"`);
  const familyId = values.family;
  if (familyId === undefined) throw new UsageError('--family', 'give the family: --family ID');
  if (!ID.test(familyId)) throw new UsageError('--family', `--family must be a family id; got "${familyId}"`);
  return withDatabase(values.database, async (handle) => {
    await migrateToLatest(handle);
    const now = new Date();
    const at = now.toISOString();
    const loaded = await handle.db
      .transaction()
      .execute((trx) => loadFhirInput(trx, familyId, { at, today: at.slice(0, 10) }, secretBoxFor(handle)));
    if (!loaded) throw new UsageError('--family', `No family "${familyId}"`, 'not_found');
    const bundle = exportBundle(loaded.input);
    await recordAudit(handle.db, {
      action: 'fhir.export',
      outcome: 'success',
      basis: 'admin',
      purpose: 'care',
      organisationId: loaded.input.organisation.id,
      familyId,
      personIds: loaded.personIds,
      details: { format: 'fhir-r4', entries: bundle.entry?.length ?? 0, via: 'cli' },
    });
    printJson(bundle);
    return 0;
  });
}

const subcommands: Record<string, (args: string[]) => Promise<number>> = {
  export: exportCommand,
  import: runImport,
};

export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const sub = name === undefined ? undefined : subcommands[name];
  if (!sub)
    throw new UsageError(
      'command',
      `Use "fhir ${Object.keys(subcommands).join('|')}"${name === undefined ? '' : `; got "${name}"`}`,
    );
  return sub(rest);
}
