import { appendAudit, migrateToLatest } from '@nestwerk/server';
import { parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson, withDatabase } from '../database.ts';
import { newId } from '../ids.ts';
import { findOrganisation, findTeam } from './lookup.ts';

export const summary = 'team add --organisation ID|NAME --name N   create a team in an organisation';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...DATABASE_OPTION,
    organisation: { type: 'string' },
    name: { type: 'string' },
  });
  const [sub, ...rest] = positionals;
  if (sub !== 'add')
    throw new UsageError(
      'subcommand',
      sub === undefined ? `Usage: nestwerk ${summary}` : `Unknown subcommand "team ${sub}"`,
    );
  if (rest.length > 0) throw new UsageError('arguments', `Unexpected argument "${rest[0]}"`);
  const name = values.name?.trim() ?? '';
  if (name === '' || name.length > 200)
    throw new UsageError('--name', '--name is required (at most 200 characters)');
  if (!values.organisation) throw new UsageError('--organisation', '--organisation is required');
  const organisationRef = values.organisation;

  return withDatabase(values.database, async (handle) => {
    await migrateToLatest(handle);
    const organisation = await findOrganisation(handle, organisationRef);
    const existing = await findTeam(handle, organisation.id, name).catch(() => null);
    if (existing) throw new UsageError('--name', `The team "${existing.name}" already exists`, 'conflict');
    const id = newId();
    await handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('teams')
        .values({ id, organisation_id: organisation.id, name, created_at: new Date().toISOString() })
        .execute();
      await appendAudit(trx, {
        action: 'admin.team.create',
        outcome: 'success',
        organisationId: organisation.id,
        basis: 'admin',
        details: { teamId: id, name, via: 'cli' },
      });
    });
    printJson({ id, name, organisation: { id: organisation.id, name: organisation.name } });
    return 0;
  });
}
