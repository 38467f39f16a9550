import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.ts';
import { readOnly } from './read-only.ts';

forEachDatabase('reads (readOnly)', (current, dialect) => {
  it('answers the work’s value, on one connection; a transaction on SQLite, none on PostgreSQL', async () => {
    const { db } = current();
    await db
      .insertInto('organisations')
      .values({ id: 'o1', name: 'A', region: 'nl', kind: 'jgz', created_at: new Date().toISOString() })
      .execute();
    const seen = await readOnly(db, async (trx) => {
      const names = await trx.selectFrom('organisations').select('name').execute();
      if (dialect === 'sqlite')
        return { names, isTransaction: trx.isTransaction, sameBackend: true, autocommit: false };
      const first = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      // In a transaction block now() stays at the block's start; in autocommit each statement starts its own.
      const second = await sql<{ pid: number; autocommit: boolean }>`
        select pg_backend_pid() as pid, now() = statement_timestamp() as autocommit
        from (select pg_sleep(0.005)) as slept`.execute(trx);
      return {
        names,
        isTransaction: trx.isTransaction,
        sameBackend: first.rows[0]?.pid === second.rows[0]?.pid,
        autocommit: second.rows[0]?.autocommit === true,
      };
    });
    expect(seen.names).toEqual([{ name: 'A' }]);
    expect(seen.sameBackend).toBe(true);
    // SQLite: one snapshot for the whole read, at no round trip. PostgreSQL: no begin/commit round trips.
    expect(seen.isTransaction).toBe(dialect === 'sqlite');
    expect(seen.autocommit).toBe(dialect === 'postgres');
  });

  it('passes the work’s error on and leaves the handle usable', async () => {
    const { db } = current();
    await expect(
      readOnly(db, async () => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    const after = await readOnly(db, (trx) => sql<{ one: number }>`select 1 as one`.execute(trx));
    expect(after.rows).toEqual([{ one: 1 }]);
  });
});
