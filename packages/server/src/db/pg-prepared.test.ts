import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.ts';
import { preparingPool } from './pg-prepared.ts';
import { precompiled } from './precompiled.ts';
import type { Database } from './schema.ts';

// A table of the test's own, which it can change under the prepared statement as a migration would.
const probe = precompiled((db, p: { id: number }) => ({
  compile: () => sql<{ id: number; a: string }>`select * from prep_probe where id = ${p.id}`.compile(db),
}));

describe.runIf(testDialects().includes('postgres'))('named prepared statements [postgres]', () => {
  let target: TestDatabase;
  const poolSize = process.env.NESTWERK_DATABASE_POOL_SIZE;
  beforeAll(async () => {
    // One connection: every statement below runs on the same session, whose prepared statements are visible.
    process.env.NESTWERK_DATABASE_POOL_SIZE = '1';
    try {
      target = await createTestDatabase('postgres');
    } finally {
      if (poolSize === undefined) delete process.env.NESTWERK_DATABASE_POOL_SIZE;
      else process.env.NESTWERK_DATABASE_POOL_SIZE = poolSize;
    }
    await sql`create table prep_probe (id integer primary key, a text not null)`.execute(target.db);
    await sql`insert into prep_probe values (1, 'een'), (2, 'twee')`.execute(target.db);
  });
  afterAll(async () => {
    await target?.dispose();
  });

  const prepared = async () =>
    (
      await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(target.db)
    ).rows.map((r) => r.statement);

  it('prepares a precompiled query by name once per connection, and an ad-hoc query not at all', async () => {
    expect(await probe.execute(target.db, { id: 1 })).toEqual([{ id: 1, a: 'een' }]);
    expect(await probe.execute(target.db, { id: 2 })).toEqual([{ id: 2, a: 'twee' }]);
    await sql`select a from prep_probe where id = ${2}`.execute(target.db);
    const statements = await prepared();
    expect(statements.filter((s) => s === probe.sql(target.db))).toHaveLength(1);
    expect(statements.some((s) => s.includes('select a from prep_probe'))).toBe(false);
  });

  it('closes a connection whose prepared statement a migration made stale, and prepares it again on the next', async () => {
    expect(await probe.execute(target.db, { id: 1 })).toEqual([{ id: 1, a: 'een' }]);
    await sql`alter table prep_probe add column b text`.execute(target.db);
    await expect(probe.execute(target.db, { id: 1 })).rejects.toThrow(
      /cached plan must not change result type/,
    );
    // The pool's one connection was closed: a new session, where the statement is prepared with the new columns.
    expect(await probe.execute(target.db, { id: 1 })).toEqual([{ id: 1, a: 'een', b: null }]);
    expect(await probe.execute(target.db, { id: 2 })).toEqual([{ id: 2, a: 'twee', b: null }]);
  });
});

describe.runIf(testDialects().includes('postgres'))(
  'a transaction’s begin goes with its first statement [postgres]',
  () => {
    let target: TestDatabase;
    let pool: pg.Pool;
    let db: Kysely<Database>;
    /** Every message the pool's connections sent to PostgreSQL: one per round trip. */
    const sent: string[] = [];
    beforeAll(async () => {
      target = await createTestDatabase('postgres');
      await sql`create table begin_probe (id integer primary key)`.execute(target.db);
      pool = new pg.Pool({ connectionString: target.url, max: 1 });
      const connect = pool.connect.bind(pool);
      const counted = new WeakSet<pg.PoolClient>();
      pool.connect = (async () => {
        const client = await connect();
        // The pool hands the same client out again: count its messages once.
        if (counted.has(client)) return client;
        counted.add(client);
        const query = client.query.bind(client);
        client.query = ((...args: Parameters<typeof query>) => {
          const [first] = args;
          sent.push(typeof first === 'string' ? first : (first as { text: string }).text);
          return query(...args);
        }) as typeof client.query;
        return client;
      }) as typeof pool.connect;
      db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    });
    afterAll(async () => {
      await db?.destroy();
      await target?.dispose();
    });

    const ids = async () =>
      (await sql<{ id: number }>`select id from begin_probe order by id`.execute(target.db)).rows.map(
        (r) => r.id,
      );

    it('sends begin with a first statement without parameters: one round trip less, same outcome', async () => {
      sent.length = 0;
      const rows = await db.transaction().execute(async (trx) => {
        await sql.raw('insert into begin_probe values (1)').execute(trx);
        return (await sql<{ n: number }>`select count(*)::int as n from begin_probe`.execute(trx)).rows;
      });
      expect(rows).toEqual([{ n: 1 }]);
      expect(sent).toEqual([
        'begin; insert into begin_probe values (1)',
        'select count(*)::int as n from begin_probe',
        'commit',
      ]);
      expect(await ids()).toEqual([1]);
    });

    it('sends begin alone before a first statement with parameters', async () => {
      sent.length = 0;
      await db.transaction().execute((trx) => sql`insert into begin_probe values (${2})`.execute(trx));
      expect(sent).toEqual(['begin', 'insert into begin_probe values ($1)', 'commit']);
      expect(await ids()).toEqual([1, 2]);
    });

    it('rolls back when the first statement fails, and leaves the connection clean', async () => {
      await expect(
        db.transaction().execute(async (trx) => {
          await sql.raw('insert into begin_probe values (3); select 1 / 0').execute(trx);
        }),
      ).rejects.toThrow(/division by zero/);
      expect(await ids()).toEqual([1, 2]);
      // The pool's one connection is not left in a failed transaction.
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    });

    it('answers a query of several statements with the last one’s rows', async () => {
      const { rows } = await sql.raw<{ n: number }>('select 1 as n; select 2 as n').execute(db);
      expect(rows).toEqual([{ n: 2 }]);
    });
  },
);
