import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Principal } from '../http/principal.ts';
import { emergencyStartedAfter } from './emergency.ts';
import type { FamilyFacts } from './family-access.ts';
import { relationshipFamilyIds } from './family-scope.ts';

/**
 * Gathers, in one query, what {@link decideFamilyAccess} needs about one family. A family of another
 * organisation is looked up with the principal's organisation in the WHERE clause, so it is simply absent.
 */
export async function resolveFamilyFacts(
  db: Kysely<Database>,
  principal: Principal,
  familyId: string,
  now: Date,
  today: string,
  emergencyHours: number,
): Promise<FamilyFacts> {
  const at = now.toISOString();
  const earliestStart = emergencyStartedAfter(now, emergencyHours);
  const row = await db
    .selectFrom('families')
    .where('families.id', '=', familyId)
    .where('families.organisation_id', '=', principal.organisationId)
    .select((eb) => [
      eb.exists(relationshipFamilyIds(db, principal, today, 'any', familyId)).as('rel'),
      eb
        .selectFrom('emergency_access')
        .select('emergency_access.id')
        .where('emergency_access.family_id', '=', familyId)
        .where('emergency_access.user_id', '=', principal.userId)
        .where('emergency_access.started_at', '<=', at)
        .where('emergency_access.started_at', '>', earliestStart)
        .where('emergency_access.expires_at', '>', at)
        .orderBy('emergency_access.expires_at', 'desc')
        .limit(1)
        .as('emergency_id'),
    ])
    .executeTakeFirst();
  if (!row) return { inOwnOrganisation: false, activeRelationship: false, emergency: null };
  const emergency = row.emergency_id
    ? await db
        .selectFrom('emergency_access')
        .select(['reason', 'expires_at'])
        .where('id', '=', row.emergency_id)
        .executeTakeFirst()
    : undefined;
  return {
    inOwnOrganisation: true,
    // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
    activeRelationship: Boolean(row.rel),
    emergency:
      emergency && row.emergency_id
        ? { id: row.emergency_id, reason: emergency.reason, expiresAt: emergency.expires_at }
        : null,
  };
}
