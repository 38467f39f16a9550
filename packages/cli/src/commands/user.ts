import { randomBytes } from 'node:crypto';
import {
  appendAudit,
  checkPasswordPolicy,
  type Db,
  hashPassword,
  migrateToLatest,
  type Role,
} from '@nestwerk/server';
import { oneOf, parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson, withDatabase } from '../database.ts';
import { newId } from '../ids.ts';
import { findOrganisation, findTeam } from './lookup.ts';

export const summary =
  'user add --email E --name N --role R --organisation ID|NAME [--team ID|NAME] [--password P]   create an account';

const ROLES = [
  'nurse',
  'physician',
  'team_lead',
  'imh_specialist',
  'application_manager',
  'analyst',
] as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...DATABASE_OPTION,
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    organisation: { type: 'string' },
    team: { type: 'string' },
    password: { type: 'string' },
  });
  const [sub, ...rest] = positionals;
  if (sub !== 'add')
    throw new UsageError(
      'subcommand',
      sub === undefined ? `Usage: nestwerk ${summary}` : `Unknown subcommand "user ${sub}"`,
    );
  if (rest.length > 0) throw new UsageError('arguments', `Unexpected argument "${rest[0]}"`);

  const email = required('--email', values.email).trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
    throw new UsageError('--email', `--email is not an e-mail address: "${values.email}"`);
  const name = required('--name', values.name).trim();
  if (name.length > 200) throw new UsageError('--name', '--name is longer than 200 characters');
  const role: Role = oneOf('--role', required('--role', values.role), ROLES, 'nurse');
  const organisationRef = required('--organisation', values.organisation);
  if (values.password !== undefined) {
    const policy = checkPasswordPolicy(values.password, { email, name, organisation: organisationRef });
    if (!policy.ok) throw new UsageError('--password', policy.message);
  }

  return withDatabase(values.database, async (handle) => {
    await migrateToLatest(handle);
    const organisation = await findOrganisation(handle, organisationRef);
    const team = values.team === undefined ? null : await findTeam(handle, organisation.id, values.team);
    const created = await addUser(handle, {
      email,
      name,
      role,
      organisationId: organisation.id,
      teamId: team?.id ?? null,
      password: values.password,
    });
    printJson({
      id: created.id,
      email,
      role,
      organisation: { id: organisation.id, name: organisation.name },
      team,
      ...(created.temporaryPassword
        ? { temporaryPassword: created.temporaryPassword, mustChangePassword: true }
        : {}),
    });
    return 0;
  });
}

function required(flag: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new UsageError(flag, `${flag} is required`);
  return value;
}

/**
 * Without --password the account gets a temporary one it must change at the first log-in (and, as every
 * non-demo account, enrol a second factor). The creation is audited like one made in the web app.
 */
async function addUser(
  handle: Db,
  input: {
    email: string;
    name: string;
    role: Role;
    organisationId: string;
    teamId: string | null;
    password: string | undefined;
  },
): Promise<{ id: string; temporaryPassword: string | null }> {
  const temporaryPassword = input.password === undefined ? randomBytes(15).toString('base64url') : null;
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  const id = newId();
  const now = new Date().toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (taken)
      throw new UsageError(
        '--email',
        `An account with e-mail address ${input.email} already exists`,
        'conflict',
      );
    await trx
      .insertInto('users')
      .values({
        id,
        organisation_id: input.organisationId,
        team_id: input.teamId,
        email: input.email,
        display_name: input.name,
        role: input.role,
        password_hash: passwordHash,
        totp_secret: null,
        totp_enrolled_at: null,
        is_demo: 0,
        must_change_password: temporaryPassword ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        disabled_at: null,
        created_at: now,
        version: 1,
      })
      .execute();
    await appendAudit(trx, {
      action: 'admin.user.create',
      outcome: 'success',
      organisationId: input.organisationId,
      basis: 'admin',
      purpose: 'Account created with the nestwerk command (operator at the server)',
      details: { targetUserId: id, role: input.role, via: 'cli' },
    });
  });
  return { id, temporaryPassword };
}
