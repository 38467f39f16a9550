import { appendAudit, migrateToLatest } from '@nestwerk/server';
import { oneOf, parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson, withDatabase } from '../database.ts';
import { newId } from '../ids.ts';
import { findOrganisation } from './lookup.ts';

export const summary =
  'organisation add --name N --region nl|be [--kind jgz|partner] [--phone NUMBER]   create an organisation (a tenant); the phone is printed on parent tips';

/** A phone number as people write it: digits, spaces and + ( ) - . / */
const PHONE = /^\+?[0-9][0-9 ()./-]{5,38}$/;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...DATABASE_OPTION,
    name: { type: 'string' },
    region: { type: 'string' },
    kind: { type: 'string' },
    phone: { type: 'string' },
  });
  const [sub, ...rest] = positionals;
  if (sub !== 'add')
    throw new UsageError(
      'subcommand',
      sub === undefined ? `Usage: nestwerk ${summary}` : `Unknown subcommand "organisation ${sub}"`,
    );
  if (rest.length > 0) throw new UsageError('arguments', `Unexpected argument "${rest[0]}"`);
  const name = values.name?.trim() ?? '';
  if (name === '' || name.length > 200)
    throw new UsageError('--name', '--name is required (at most 200 characters)');
  if (values.region === undefined) throw new UsageError('--region', '--region is required: nl or be');
  const region = oneOf('--region', values.region, ['nl', 'be'] as const, 'nl');
  const kind = oneOf('--kind', values.kind, ['jgz', 'partner'] as const, 'jgz');
  const phone = values.phone?.trim() || null;
  if (phone !== null && !PHONE.test(phone))
    throw new UsageError('--phone', '--phone is a phone number: digits, spaces and + ( ) - . / (at most 40)');

  return withDatabase(values.database, async (handle) => {
    await migrateToLatest(handle);
    const existing = await findOrganisation(handle, name).catch(() => null);
    if (existing)
      throw new UsageError('--name', `An organisation named "${existing.name}" already exists`, 'conflict');
    const id = newId();
    await handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('organisations')
        .values({ id, name, region, kind, phone, created_at: new Date().toISOString() })
        .execute();
      await appendAudit(trx, {
        action: 'admin.organisation.create',
        outcome: 'success',
        organisationId: id,
        basis: 'admin',
        details: { name, region, kind, phone, via: 'cli' },
      });
    });
    printJson({ id, name, region, kind, phone });
    return 0;
  });
}
