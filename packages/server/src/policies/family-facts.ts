import { type Kysely, PostgresAdapter } from 'kysely';
import { precompiled } from '../db/precompiled.ts';
import type { Database, Role } from '../db/schema.ts';
import type { Principal } from '../http/principal.ts';
import type { FamilyFile } from '../repositories/family-file.ts';
import { familyFileColumns, familyFileOfRow } from '../repositories/family-file-at-once.ts';
import { emergencyStartedAfter } from './emergency.ts';
import type { FamilyFacts } from './family-access.ts';
import { relationshipFamilyIds } from './family-scope.ts';
import { holdsFamilyContent } from './roles.ts';

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

/**
 * Precompiled per shape (role × team or none: at most a dozen): the check runs on every family request, and
 * building its nested UNION with Kysely cost more CPU than SQLite spends answering it.
 */
function perShape<Q>(make: (role: Role, hasTeam: boolean) => Q): (role: Role, hasTeam: boolean) => Q {
  const byShape = new Map<string, Q>();
  return (role, hasTeam) => {
    const key = `${role}:${hasTeam ? 'team' : 'none'}`;
    let query = byShape.get(key);
    if (query === undefined) {
      query = make(role, hasTeam);
      byShape.set(key, query);
    }
    return query;
  };
}

const factsQueryFor = perShape((role, hasTeam) =>
  precompiled((db, p: FamilyFactsParams) => familyFactsQuery(db, { role, hasTeam }, p)),
);

/** The check with the family file's columns (PostgreSQL; see resolveFamilyFactsWithFile). */
const withFileQueryFor = perShape((role, hasTeam) =>
  precompiled((db, p: FamilyFactsParams) =>
    familyFactsQuery(db, { role, hasTeam }, p).select(familyFileColumns(db, p.familyId)),
  ),
);

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
  return factsOfRow(db, row);
}

/**
 * PostgreSQL: {@link resolveFamilyFacts} and the family file (repositories/family-file-at-once.ts) in ONE
 * statement, for a read of the file: each statement is a round trip that wakes the database's process and
 * then the server's, ≈ 100–170 µs of the server's CPU on our VMs, and the check and the file were two of a
 * read's four. The file is read before the decision is made: the caller must drop it unless
 * {@link decideFamilyAccess} allows the read (it then never leaves the server). A role that holds no family
 * content is never allowed one, so for it only the check runs; so it does on SQLite, which reads in-process and
 * has no trips to save. `file` is then undefined: the caller reads the file itself once the read is allowed.
 */
export async function resolveFamilyFactsWithFile(
  db: Kysely<Database>,
  principal: Principal,
  familyId: string,
  now: Date,
  today: string,
  emergencyHours: number,
): Promise<{ facts: FamilyFacts; file: FamilyFile | undefined }> {
  if (!holdsFamilyContent(principal.role) || !(db.getExecutor().adapter instanceof PostgresAdapter))
    return {
      facts: await resolveFamilyFacts(db, principal, familyId, now, today, emergencyHours),
      file: undefined,
    };
  const params = familyFactsParams(principal, familyId, now, today, emergencyHours);
  const [row] = await withFileQueryFor(principal.role, principal.teamId !== null).execute(db, params);
  return { facts: await factsOfRow(db, row), file: row ? await familyFileOfRow(db, row) : undefined };
}

async function factsOfRow(
  db: Kysely<Database>,
  row: { rel: unknown; emergency_id: string | null } | undefined,
): Promise<FamilyFacts> {
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
