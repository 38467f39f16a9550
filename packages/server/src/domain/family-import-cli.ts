import type { ImportResult } from '@nestwerk/contract';
import type { Db as DbHandle } from '../db/connect.ts';
import { createSecretBox, dataDirFor, resolveSecretsKey, type SecretBox } from '../db/secrets.ts';
import { HttpError } from '../http/errors.ts';
import { localDate } from '../policies/calendar.ts';
import { holdsFamilyContent } from '../policies/roles.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import { importFamilyBundle } from './family-import.ts';

/** The secrets the server would use with this database (NESTWERK_SECRETS_KEY, else the key file). */
export function secretBoxFor(handle: DbHandle): SecretBox {
  return createSecretBox(resolveSecretsKey(process.env, dataDirFor(process.env, handle.url)));
}

/** The region a Bundle's children come from: Belgian profiles or INSZ identifiers mean be, else nl. */
function bundleRegion(bundle: unknown): 'nl' | 'be' {
  return JSON.stringify(bundle).includes('ehealth.fgov.be') ? 'be' : 'nl';
}

/**
 * `nestwerk fhir import`: the import as a user of the receiving organisation would do it, with the same checks,
 * care relationship and audit line. The user is `--user` (a care professional), else the first team lead of
 * the JGZ organisation of the Bundle's region, who then assigns the family.
 */
export async function importFamilyFromCli(
  handle: DbHandle,
  bundle: unknown,
  options: { email?: string | undefined; now?: Date },
): Promise<ImportResult> {
  const now = options.now ?? new Date();
  let query = handle.db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.role', 'u.organisation_id', 'u.team_id', 'u.display_name'])
    .where('u.disabled_at', 'is', null);
  query = options.email
    ? query.where('u.email', '=', options.email.toLowerCase())
    : query
        .where('u.role', '=', 'team_lead')
        .where('o.kind', '=', 'jgz')
        .where('o.region', '=', bundleRegion(bundle))
        .orderBy('u.created_at')
        .orderBy('u.id');
  const user = await query.executeTakeFirst();
  if (!user || !holdsFamilyContent(user.role))
    throw new HttpError(
      'invalid_input',
      options.email
        ? `No active care professional with the e-mail address ${options.email}.`
        : 'No team lead of a JGZ organisation of this region to import for; name one with --user.',
      '--user',
    );
  const ctx: RequestContext = {
    db: handle.db,
    principal: {
      userId: user.id,
      role: user.role,
      organisationId: user.organisation_id,
      teamId: user.team_id,
      sessionIdHash: 'cli',
      displayName: user.display_name,
    },
    now,
    at: now.toISOString(),
    today: localDate(now),
    clientIp: null,
    emergencyAccessHours: 0,
    secrets: secretBoxFor(handle),
  };
  return importFamilyBundle(ctx, bundle);
}
