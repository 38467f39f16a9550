import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, Role } from '../db/schema.ts';
import { hashPassword } from './password.ts';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  organisationId: string;
  teamId: string | null;
}

/** An organisation with one team, for the users of a test. */
export async function createTestOrganisation(
  db: Kysely<Database>,
  name = 'JGZ Testregio',
): Promise<{ organisationId: string; teamId: string }> {
  const organisationId = uuidv7();
  const teamId = uuidv7();
  const at = new Date().toISOString();
  await db
    .insertInto('organisations')
    .values({ id: organisationId, name, region: 'nl', kind: 'jgz', created_at: at })
    .execute();
  await db
    .insertInto('teams')
    .values({ id: teamId, organisation_id: organisationId, name: 'Team Noord', created_at: at })
    .execute();
  return { organisationId, teamId };
}

let hashed: Promise<string> | undefined;
const DEFAULT_PASSWORD = 'groene-boot-vaart-langzaam';

export async function createTestUser(
  db: Kysely<Database>,
  org: { organisationId: string; teamId: string },
  options: { email: string; role?: Role; isDemo?: boolean; mustChangePassword?: boolean },
): Promise<TestUser> {
  // One argon2 hash shared by all test users keeps suites fast.
  hashed ??= hashPassword(DEFAULT_PASSWORD);
  const id = uuidv7();
  await db
    .insertInto('users')
    .values({
      id,
      organisation_id: org.organisationId,
      team_id: org.teamId,
      email: options.email,
      display_name: options.email.split('@')[0] ?? 'user',
      role: options.role ?? 'nurse',
      password_hash: await hashed,
      totp_secret: null,
      totp_enrolled_at: null,
      is_demo: options.isDemo ? 1 : 0,
      must_change_password: options.mustChangePassword ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      disabled_at: null,
      created_at: new Date().toISOString(),
      version: 1,
    })
    .execute();
  return {
    id,
    email: options.email,
    password: DEFAULT_PASSWORD,
    organisationId: org.organisationId,
    teamId: org.teamId,
  };
}
