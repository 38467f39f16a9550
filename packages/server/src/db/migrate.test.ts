import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.ts';
import { migrateToLatest, migrationState } from './migrate.ts';

const TABLES = [
  'agreements',
  'assessments',
  'audit_log',
  'care_network_members',
  'care_relationships',
  'consents',
  'contacts',
  'emergency_access',
  'families',
  'instrument_responses',
  'notifications',
  'observations',
  'organisations',
  'partner_interventions',
  'partner_municipalities',
  'partners',
  'persons',
  'rate_limits',
  'referral_feedback',
  'referral_status_history',
  'referrals',
  'safety_route_steps',
  'safety_routes',
  'sessions',
  'teams',
  'users',
];

describe.each(testDialects())('migrations [%s]', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it('create every table of the schema from scratch, and a second run changes nothing', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const first = await migrateToLatest(database);
    expect(first.applied).toEqual(['0001_core_tables', '0002_audit_log', '0003_network_referrals']);
    const tables = (await database.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(TABLES);

    const second = await migrateToLatest(database);
    expect(second.applied).toEqual([]);
    expect(await migrationState(database)).toEqual({
      applied: ['0001_core_tables', '0002_audit_log', '0003_network_referrals'],
      pending: [],
      unknown: [],
    });
  });

  it('run safely from several connections at once', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const others = await Promise.all(
      [1, 2, 3].map(() => import('./connect.ts').then((m) => m.openDatabase(database!.url))),
    );
    try {
      const results = await Promise.all([database, ...others].map((h) => migrateToLatest(h)));
      expect(results.flatMap((r) => r.applied).sort()).toEqual(['0001_core_tables', '0002_audit_log', '0003_network_referrals']);
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it('enforce lowercased unique e-mail addresses and the other constraints', async () => {
    database = await createTestDatabase(dialect);
    const { db } = database;
    const now = new Date().toISOString();
    await db
      .insertInto('organisations')
      .values({ id: 'o1', name: 'Org', region: 'nl', kind: 'jgz', created_at: now })
      .execute();
    const user = {
      organisation_id: 'o1',
      team_id: null,
      display_name: 'A',
      role: 'nurse' as const,
      password_hash: 'x',
      totp_secret: null,
      totp_enrolled_at: null,
      is_demo: 0,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      disabled_at: null,
      created_at: now,
      version: 1,
    };
    await db
      .insertInto('users')
      .values({ ...user, id: 'u1', email: 'a@example.test' })
      .execute();
    await expect(
      db
        .insertInto('users')
        .values({ ...user, id: 'u2', email: 'a@example.test' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('users')
        .values({ ...user, id: 'u3', email: 'B@example.test' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('users')
        .values({ ...user, id: 'u4', email: 'c@example.test', role: 'admin' as never })
        .execute(),
    ).rejects.toThrow();
    // Foreign keys are on (SQLite needs the pragma for that).
    await expect(
      db
        .insertInto('users')
        .values({ ...user, id: 'u5', email: 'd@example.test', organisation_id: 'nope' })
        .execute(),
    ).rejects.toThrow();
    const count = await sql<{ n: number }>`select count(*) as n from users`.execute(db);
    expect(Number(count.rows[0]?.n)).toBe(1);
  });
});
