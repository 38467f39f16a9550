import type { Db } from '@nestwerk/server';
import { UsageError } from '../cli-error.ts';

/** By id, or by name ignoring case: operators type names, scripts pass ids. */
export async function findOrganisation(handle: Db, ref: string): Promise<{ id: string; name: string }> {
  const all = await handle.db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();
  const found = all.find((o) => o.id === ref) ?? all.find((o) => o.name.toLowerCase() === ref.toLowerCase());
  if (found) return found;
  const known =
    all.length > 0
      ? ` Known: ${all.map((o) => `"${o.name}"`).join(', ')}.`
      : ' There are none yet: create one with "nestwerk organisation add".';
  throw new UsageError('--organisation', `No organisation "${ref}".${known}`);
}

export async function findTeam(
  handle: Db,
  organisationId: string,
  ref: string,
): Promise<{ id: string; name: string }> {
  const all = await handle.db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
  const found = all.find((t) => t.id === ref) ?? all.find((t) => t.name.toLowerCase() === ref.toLowerCase());
  if (found) return found;
  const known =
    all.length > 0 ? ` Teams of this organisation: ${all.map((t) => `"${t.name}"`).join(', ')}.` : '';
  throw new UsageError('--team', `No team "${ref}" in this organisation.${known}`);
}
