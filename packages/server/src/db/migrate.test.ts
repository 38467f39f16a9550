import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.ts';
import { runDbWorker } from '../testing/processes.ts';
import { migrateToLatest, migrationState } from './migrate.ts';
import { migrations } from './migrations/index.ts';

/** The tables the first two migrations make; later migrations may add more. */
const CORE_TABLES = [
  'agreements',
  'assessments',
  'audit_log',
  'care_relationships',
  'consents',
  'contacts',
  'emergency_access',
  'families',
  'instrument_responses',
  'observations',
  'organisations',
  'persons',
  'rate_limits',
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
    const all = Object.keys(migrations(dialect));
    const first = await migrateToLatest(database);
    expect(first.applied).toEqual(all);
    expect(all.slice(0, 2)).toEqual(['0001_core_tables', '0002_audit_log']);
    const tables = (await database.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(CORE_TABLES));

    const second = await migrateToLatest(database);
    expect(second.applied).toEqual([]);
    expect(await migrationState(database)).toEqual({ applied: all, pending: [], unknown: [] });
  });

  it('run safely from several processes at once', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const url = database.url;
    const outputs = await Promise.all([1, 2, 3].map(() => runDbWorker(url, 'migrate')));
    const applied = outputs.flatMap((o) => (JSON.parse(o) as { applied: string[] }).applied);
    // Each migration ran exactly once, in one of the processes.
    expect(applied.sort()).toEqual(Object.keys(migrations(dialect)).sort());
  }, 60_000);

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
