import type { Kysely } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { Database, Role } from '../db/schema.ts';
import type { Principal } from '../http/principal.ts';
import { emergencyStartedAfter } from './emergency.ts';
import type { FamilyFacts } from './family-access.ts';
import { relationshipFamilyIds } from './family-scope.ts';

/** The values the access check binds; everything else in its SQL depends only on the principal's shape. */
export type FamilyFactsParams = {
  familyId: string;
  userId: string;
  organisationId: string;
  /** The principal's team; ignored (and may be anything) when the principal has none. */
  teamId: string;
  today: string;
  at: string;
  earliestStart: string;
};

/**
 * The access check's query, the one definition of it: the family (only if it is in the principal's
 * organisation), whether an active care relationship holds it, and the newest running emergency grant.
 * `shape` carries what decides the SQL's form (the role: a team lead also sees the team members'
 * relationships; whether there is a team); the rest are bound values.
 */
export function familyFactsQuery(
  db: Kysely<Database>,
  shape: { role: Role; hasTeam: boolean },
  p: FamilyFactsParams,
) {
  const principal: Principal = {
    userId: p.userId,
    role: shape.role,
    organisationId: p.organisationId,
    teamId: shape.hasTeam ? p.teamId : null,
    // Not used by the query; present because relationshipFamilyIds takes a whole principal.
    sessionIdHash: '',
    displayName: '',
  };
  return db
    .selectFrom('families')
    .where('families.id', '=', p.familyId)
    .where('families.organisation_id', '=', p.organisationId)
    .select((eb) => [
      eb.exists(relationshipFamilyIds(db, principal, p.today, 'any', p.familyId)).as('rel'),
      eb
        .selectFrom('emergency_access')
        .select('emergency_access.id')
        .where('emergency_access.family_id', '=', p.familyId)
        .where('emergency_access.user_id', '=', p.userId)
        .where('emergency_access.started_at', '<=', p.at)
        .where('emergency_access.started_at', '>', p.earliestStart)
        .where('emergency_access.expires_at', '>', p.at)
        .orderBy('emergency_access.expires_at', 'desc')
        .limit(1)
        .as('emergency_id'),
    ]);
}

type FactsQuery = ReturnType<
  typeof precompiled<FamilyFactsParams, { rel: unknown; emergency_id: string | null }>
>;

/**
 * Precompiled per shape (role × team or none: at most a dozen): the check runs on every family request, and
 * building its nested UNION with Kysely cost more CPU than SQLite spends answering it.
 */
const factsByShape = new Map<string, FactsQuery>();

function factsQueryFor(role: Role, hasTeam: boolean): FactsQuery {
  const key = `${role}:${hasTeam ? 'team' : 'none'}`;
  let query = factsByShape.get(key);
  if (!query) {
    query = precompiled((db, p: FamilyFactsParams) => familyFactsQuery(db, { role, hasTeam }, p));
    factsByShape.set(key, query);
  }
  return query;
}

const emergencyGrant = precompiled((db, p: { id: string }) =>
  db.selectFrom('emergency_access').select(['reason', 'expires_at']).where('id', '=', p.id),
);

/** The bound values of the access check for this principal, family and moment. */
export function familyFactsParams(
  principal: Principal,
  familyId: string,
  now: Date,
  today: string,
  emergencyHours: number,
): FamilyFactsParams {
  return {
    familyId,
    userId: principal.userId,
    organisationId: principal.organisationId,
    teamId: principal.teamId ?? '',
    today,
    at: now.toISOString(),
    earliestStart: emergencyStartedAfter(now, emergencyHours),
  };
}

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
  const params = familyFactsParams(principal, familyId, now, today, emergencyHours);
  const [row] = await factsQueryFor(principal.role, principal.teamId !== null).execute(db, params);
  if (!row) return { inOwnOrganisation: false, activeRelationship: false, emergency: null };
  const [emergency] = row.emergency_id ? await emergencyGrant.execute(db, { id: row.emergency_id }) : [];
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
