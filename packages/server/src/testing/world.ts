import type { Kysely } from 'kysely';
import { v7 as uuid } from 'uuid';
import { createTestUser, type TestUser } from '../auth/test-users.ts';
import type { Database, Role } from '../db/schema.ts';
import { personSearchKey, searchKey } from '../db/search-key.ts';
import { ApiClient, type TestServer } from '../http/test-server.ts';

/** Test support for the domain routes: organisations, users, families and relationships, straight into the database. */

export interface Org {
  organisationId: string;
  teamId: string;
  otherTeamId: string;
}

let n = 0;
const stamp = () => new Date('2026-01-01T00:00:00.000Z').toISOString();

export async function createOrg(
  db: Kysely<Database>,
  options: { name?: string; kind?: 'jgz' | 'partner'; region?: 'nl' | 'be' } = {},
): Promise<Org> {
  const organisationId = uuid();
  const teamId = uuid();
  const otherTeamId = uuid();
  await db
    .insertInto('organisations')
    .values({
      id: organisationId,
      name: options.name ?? `Organisatie ${++n}`,
      region: options.region ?? 'nl',
      kind: options.kind ?? 'jgz',
      created_at: stamp(),
    })
    .execute();
  await db
    .insertInto('teams')
    .values([
      { id: teamId, organisation_id: organisationId, name: 'Team Noord', created_at: stamp() },
      { id: otherTeamId, organisation_id: organisationId, name: 'Team Zuid', created_at: stamp() },
    ])
    .execute();
  return { organisationId, teamId, otherTeamId };
}

export interface Actor extends TestUser {
  role: Role;
  client: ApiClient;
}

/** A demo-flagged user (no TOTP) of the role, logged in through the real log-in endpoint. */
export async function actor(
  server: TestServer,
  db: Kysely<Database>,
  org: Org,
  role: Role,
  options: { team?: 'main' | 'other' } = {},
): Promise<Actor> {
  const user = await createTestUser(
    db,
    { organisationId: org.organisationId, teamId: options.team === 'other' ? org.otherTeamId : org.teamId },
    { email: `${role}.${++n}.${uuid().slice(-6)}@ggd.example`, role, isDemo: true },
  );
  const client = new ApiClient(server.url);
  const res = await client.post('/api/session', { email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`log-in failed for ${role}: ${res.status} ${res.text}`);
  return { ...user, role, client };
}

export interface SeededFamily {
  familyId: string;
  childId: string;
  caregiverId: string;
  name: string;
}

export async function seedFamily(
  db: Kysely<Database>,
  organisationId: string,
  createdBy: string,
  options: { name?: string; birthDate?: string | null; dueDate?: string | null } = {},
): Promise<SeededFamily> {
  const familyId = uuid();
  const childId = uuid();
  const caregiverId = uuid();
  const name = options.name ?? `Familie ${++n}`;
  const at = stamp();
  await db
    .insertInto('families')
    .values({
      id: familyId,
      organisation_id: organisationId,
      name,
      search_key: searchKey(name),
      postcode: '3511 AB',
      municipality: 'Utrecht',
      created_by: createdBy,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  const base = { family_id: familyId, created_at: at, updated_at: at, version: 1, phone: null };
  await db
    .insertInto('persons')
    .values([
      {
        ...base,
        id: childId,
        kind: 'child',
        given_name: 'Noor',
        family_name: name,
        search_key: personSearchKey('Noor', name),
        birth_date: options.dueDate ? null : (options.birthDate ?? '2025-06-15'),
        due_date: options.dueDate ?? null,
        first_child: 1,
        caregiver_role: null,
        birth_year: null,
        low_education: null,
      },
      {
        ...base,
        id: caregiverId,
        kind: 'caregiver',
        given_name: 'Sanne',
        family_name: name,
        search_key: personSearchKey('Sanne', name),
        birth_date: null,
        due_date: null,
        first_child: null,
        caregiver_role: 'mother',
        birth_year: 1994,
        low_education: 0,
      },
    ])
    .execute();
  return { familyId, childId, caregiverId, name };
}

export async function relate(
  db: Kysely<Database>,
  familyId: string,
  holder: { userId: string } | { teamId: string },
  createdBy: string,
  period: { start?: string; end?: string | null } = {},
): Promise<void> {
  await db
    .insertInto('care_relationships')
    .values({
      id: uuid(),
      family_id: familyId,
      user_id: 'userId' in holder ? holder.userId : null,
      team_id: 'teamId' in holder ? holder.teamId : null,
      start_date: period.start ?? '2025-06-15',
      end_date: period.end ?? null,
      created_by: createdBy,
      created_at: stamp(),
    })
    .execute();
}

export async function grantEmergency(
  db: Kysely<Database>,
  userId: string,
  familyId: string,
  now: Date,
  reason = 'Avonddienst: moeder belt in paniek over ernstig ziek kind',
): Promise<void> {
  await db
    .insertInto('emergency_access')
    .values({
      id: uuid(),
      user_id: userId,
      family_id: familyId,
      reason,
      started_at: new Date(now.getTime() - 60_000).toISOString(),
      expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
      reviewed_by: null,
      reviewed_at: null,
    })
    .execute();
}

export interface AuditRow {
  action: string;
  outcome: string;
  basis: string | null;
  basis_detail: string | null;
  family_id: string | null;
  purpose: string | null;
  user_role: string | null;
  organisation_id: string | null;
  client_ip: string | null;
  person_ids: string | null;
  details_json: string | null;
}

export async function lastAudit(db: Kysely<Database>, userId: string): Promise<AuditRow | undefined> {
  return db
    .selectFrom('audit_log')
    .select([
      'action',
      'outcome',
      'basis',
      'basis_detail',
      'family_id',
      'purpose',
      'user_role',
      'organisation_id',
      'client_ip',
      'person_ids',
      'details_json',
    ])
    .where('user_id', '=', userId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}
