import SQLite from 'better-sqlite3';
import { expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.ts';
import { parseDatabaseUrl } from './connect.ts';

forEachDatabase('transactions', (current, dialect) => {
  it('a read-write transaction holds the write lock from its begin; a read-only one does not', async () => {
    const { db, url } = current();
    const location = parseDatabaseUrl(url);
    const otherWriterBlocked = () => {
      if (location.dialect !== 'sqlite') return null;
      const other = new SQLite(location.path, { timeout: 0 });
      try {
        other.exec('begin immediate');
        other.exec('rollback');
        return false;
      } catch (err) {
        return (err as { code?: string }).code === 'SQLITE_BUSY';
      } finally {
        other.close();
      }
    };

    await db.transaction().execute(async (trx) => {
      // Nothing written yet, and still no other writer can start: the lock was taken at `begin immediate`,
      // so this transaction cannot fail with SQLITE_BUSY halfway when it does write.
      if (dialect === 'sqlite') expect(otherWriterBlocked()).toBe(true);
      await trx
        .insertInto('organisations')
        .values({ id: 'o1', name: 'A', region: 'nl', kind: 'jgz', created_at: new Date().toISOString() })
        .execute();
    });
    await db
      .transaction()
      .setAccessMode('read only')
      .execute(async (trx) => {
        expect(await trx.selectFrom('organisations').select('name').execute()).toEqual([{ name: 'A' }]);
        if (dialect === 'sqlite') expect(otherWriterBlocked()).toBe(false);
      });
    if (dialect === 'postgres')
      await expect(
        db
          .transaction()
          .setAccessMode('read only')
          .execute((trx) => trx.deleteFrom('organisations').execute()),
      ).rejects.toThrow(/read-only/);
  });
});
