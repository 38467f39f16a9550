import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { precompiled } from './precompiled.ts';
import { IllFormedTextError } from './well-formed-text.ts';

const byName = precompiled((db, p: { name: string }) =>
  db.selectFrom('organisations').select(['id', 'name']).where('name', '=', p.name).orderBy('id'),
);
const insertOrganisation = precompiled((db, p: { id: string; name: string }) =>
  db
    .insertInto('organisations')
    .values({ id: p.id, name: p.name, region: 'nl', kind: 'jgz', created_at: '2026-12-01T00:00:00.000Z' }),
);

/** Counts the statements that went through Kysely's executor (a plugin sees every one of them). */
class Counting implements KyselyPlugin {
  executed = 0;
  transformQuery<T>(args: { node: T }): T {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.executed += 1;
    return args.result;
  }
}

describe('precompiled reads on SQLite run on the connection directly, when that is safe', () => {
  let dir: string;
  let handle: Db;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nestwerk-direct-'));
    handle = await openDatabase(`file:${join(dir, 'db.sqlite')}`);
    await migrateToLatest(handle);
    await insertOrganisation.execute(handle.db, { id: 'o1', name: 'A' });
  });
  afterEach(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a SELECT without the executor, and sends writes through it', async () => {
    const counting = new Counting();
    const db = handle.db.withPlugin(counting);
    expect(await byName.execute(db, { name: 'A' })).toEqual([{ id: 'o1', name: 'A' }]);
    expect(counting.executed).toBe(0);
    await insertOrganisation.execute(db, { id: 'o2', name: 'A' });
    expect(counting.executed).toBe(1);
    expect(await byName.execute(db, { name: 'A' })).toEqual([
      { id: 'o1', name: 'A' },
      { id: 'o2', name: 'A' },
    ]);
  });

  it("never reads inside another request's open transaction: it waits for it, as before", async () => {
    const counting = new Counting();
    const outside = handle.db.withPlugin(counting);
    let read: Promise<unknown> | undefined;
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insertOrganisation.execute(trx, { id: 'o2', name: 'A' });
        read = byName.execute(outside, { name: 'A' });
        // Let the read start before this transaction ends; read directly, it would see o2 now.
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await read).toEqual([{ id: 'o1', name: 'A' }]);
    expect(counting.executed).toBe(1);
  });

  it("reads a transaction's own uncommitted rows from within it", async () => {
    await handle.db.transaction().execute(async (trx) => {
      const counting = new Counting();
      await insertOrganisation.execute(trx, { id: 'o2', name: 'A' });
      expect(await byName.execute(trx.withPlugin(counting), { name: 'A' })).toHaveLength(2);
      expect(counting.executed).toBe(0);
    });
  });

  it('reads while the connection is held outside a transaction, where Kysely would wait', async () => {
    const rows = await handle.db.connection().execute(() => byName.execute(handle.db, { name: 'A' }));
    expect(rows).toEqual([{ id: 'o1', name: 'A' }]);
  });

  it('still refuses a parameter that is not well-formed text', async () => {
    await expect(byName.execute(handle.db, { name: 'x\uD800' })).rejects.toThrow(IllFormedTextError);
  });
});
