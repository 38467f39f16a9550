import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../testing/databases.ts';
import { precompiled } from './precompiled.ts';

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
