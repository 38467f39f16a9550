import fc from 'fast-check';
import { Migrator } from 'kysely';
import pg from 'pg';
import { v7 as uuid } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../auth/test-users.ts';
import { createTestDatabase, forEachDatabase, testDialects } from '../../testing/databases.ts';
import { createOrg, seedFamily } from '../../testing/world.ts';
import type { Db } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';
import { InCodeMigrationProvider } from './index.ts';

const DATES = ['2026-03-01', '2026-03-02', '2026-03-15', '2026-04-01', null] as const;

type Op =
  | { kind: 'insert'; family: number; status: 'open' | 'done'; due: string | null }
  | { kind: 'update'; pick: number; status: 'open' | 'done'; due: string | null }
  | { kind: 'move'; pick: number; family: number }
  | { kind: 'delete'; pick: number };

const status = fc.constantFrom('open' as const, 'done' as const);
const due = fc.constantFrom(...DATES);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), family: fc.nat(2), status, due }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(20), status, due }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(20), family: fc.nat(2) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(20) }),
);

/** What the worklist computed per family before migration 0029, straight from the agreements. */
async function computed(db: Db['db'], familyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('agreements')
    .select((eb) => eb.fn.min('follow_up_due').as('d'))
    .where('family_id', '=', familyId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row?.d ?? null;
}

async function kept(db: Db['db'], familyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('families')
    .select('next_follow_up')
    .where('id', '=', familyId)
    .executeTakeFirstOrThrow();
  return row.next_follow_up;
}

forEachDatabase('migration 0029: the next follow-up kept on the family', (current, dialect) => {
  let families: string[] = [];
  let userId = '';
  beforeAll(async () => {
    const db = current().db;
    const org = await createOrg(db);
    userId = (await createTestUser(db, org, { email: 'vervolg@example.test' })).id;
    families = [];
    for (let i = 0; i < 3; i++) families.push((await seedFamily(db, org.organisationId, userId)).familyId);
  });

  const agreement = (familyId: string, s: 'open' | 'done', d: string | null) => {
    const at = new Date().toISOString();
    return {
      id: uuid(),
      family_id: familyId,
      contact_id: null,
      text: 'Afspraak',
      follow_up_due: d,
      status: s,
      next_topic_permission: 0,
      extra_contact: 0,
      version: 1,
      created_by: userId,
      created_at: at,
      updated_at: at,
    };
  };

  it('equals the earliest due date of the open agreements after any sequence of inserts, changes, moves and deletes', async () => {
    const db = current().db;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 14 }), async (ops) => {
        await db.deleteFrom('agreements').execute();
        const ids: string[] = [];
        for (const o of ops) {
          const id = ids.length > 0 && o.kind !== 'insert' ? ids[o.pick % ids.length] : undefined;
          if (o.kind === 'insert') {
            const row = agreement(families[o.family] ?? '', o.status, o.due);
            ids.push(row.id);
            await db.insertInto('agreements').values(row).execute();
          } else if (id === undefined) continue;
          else if (o.kind === 'update')
            await db
              .updateTable('agreements')
              .set({ status: o.status, follow_up_due: o.due })
              .where('id', '=', id)
              .execute();
          else if (o.kind === 'move')
            await db
              .updateTable('agreements')
              .set({ family_id: families[o.family] ?? '' })
              .where('id', '=', id)
              .execute();
          else {
            await db.deleteFrom('agreements').where('id', '=', id).execute();
            ids.splice(ids.indexOf(id), 1);
          }
        }
        for (const familyId of families) expect(await kept(db, familyId)).toBe(await computed(db, familyId));
      }),
      { numRuns: dialect === 'postgres' ? 25 : 60 },
    );
  });

  it('is kept by a statement that writes many agreements of many families at once (the demo loader, the import)', async () => {
    const db = current().db;
    await db.deleteFrom('agreements').execute();
    const rows = families.flatMap((f, i) => [
      agreement(f, 'open', DATES[i] ?? null),
      agreement(f, 'open', '2026-05-01'),
      agreement(f, 'done', '2026-01-01'),
    ]);
    await db.insertInto('agreements').values(rows).execute();
    for (const familyId of families) expect(await kept(db, familyId)).toBe(await computed(db, familyId));
    // One statement closes every open agreement: no follow-up is left.
    await db.updateTable('agreements').set({ status: 'done' }).execute();
    for (const familyId of families) expect(await kept(db, familyId)).toBeNull();
  });

  it('cannot be written by the app: the type allows neither insert nor update', () => {
    // @ts-expect-error next_follow_up is the database's to keep
    const update = current().db.updateTable('families').set({ next_follow_up: '2026-01-01' });
    expect(update).toBeDefined();
  });

  if (dialect === 'postgres')
    it('keeps the earlier date when two transactions add a follow-up to one family at the same time', async () => {
      const db = current().db;
      const familyId = families[0] ?? '';
      await db.deleteFrom('agreements').execute();
      const [first, second] = [new pg.Client(current().url), new pg.Client(current().url)];
      await Promise.all([first.connect(), second.connect()]);
      const insert = (client: pg.Client, date: string) => {
        const a = agreement(familyId, 'open', date);
        return client.query(
          `insert into agreements (id, family_id, text, follow_up_due, status, created_by, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [a.id, a.family_id, a.text, a.follow_up_due, a.status, a.created_by, a.created_at, a.updated_at],
        );
      };
      try {
        await first.query('begin');
        await second.query('begin');
        // The first writes the earlier date and holds the family; the second's trigger must wait for it and
        // then see it, or the second's later date (all its own snapshot knew) would overwrite it.
        await insert(first, '2026-03-01');
        const secondInsert = insert(second, '2026-03-20');
        await new Promise((resolve) => setTimeout(resolve, 150));
        await first.query('commit');
        await secondInsert;
        await second.query('commit');
      } finally {
        await Promise.all([first.end(), second.end()]);
      }
      expect(await kept(db, familyId)).toBe('2026-03-01');
    });
});

describe.each(testDialects())('migration 0029 on a database with agreements [%s]', (dialect) => {
  it('fills the column from the agreements that existed before it', async () => {
    const database = await createTestDatabase(dialect, { migrate: false });
    try {
      const migrator = new Migrator({ db: database.db, provider: new InCodeMigrationProvider(dialect) });
      expect((await migrator.migrateTo('0028_assessment_tally_by_level')).error).toBeUndefined();
      const db = database.db;
      const org = await createOrg(db);
      const user = await createTestUser(db, org, { email: 'voor-0029@example.test' });
      const { familyId } = await seedFamily(db, org.organisationId, user.id);
      const without = await seedFamily(db, org.organisationId, user.id);
      const at = new Date().toISOString();
      for (const [s, d] of [
        ['open', '2026-06-01'],
        ['open', '2026-04-01'],
        ['open', null],
        ['done', '2026-02-01'],
      ] as const)
        await db
          .insertInto('agreements')
          .values({
            id: uuid(),
            family_id: familyId,
            text: 'Afspraak',
            follow_up_due: d,
            status: s,
            next_topic_permission: 0,
            extra_contact: 0,
            version: 1,
            created_by: user.id,
            created_at: at,
            updated_at: at,
          })
          .execute();
      await migrateToLatest(database);
      expect(await kept(db, familyId)).toBe('2026-04-01');
      expect(await kept(db, without.familyId)).toBeNull();
    } finally {
      await database.dispose();
    }
  });
});
