import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CachingSqliteDatabase } from './statement-cache.ts';

describe('the SQLite statement cache', () => {
  let dir: string;
  let raw: SQLite.Database;
  let cache: CachingSqliteDatabase;
  let prepared: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nestwerk-stmt-'));
    raw = new SQLite(join(dir, 'db.sqlite'));
    prepared = [];
    const prepare = raw.prepare.bind(raw);
    // Counting the real prepares: the cache's whole point is to do fewer of them.
    raw.prepare = ((text: string) => {
      prepared.push(text);
      return prepare(text);
    }) as typeof raw.prepare;
    cache = new CachingSqliteDatabase(raw, 3);
    raw.exec('create table t (id integer primary key, name text)');
  });
  afterEach(() => {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prepares a statement once and reuses it with other parameters', () => {
    const insert = 'insert into t (id, name) values (?, ?)';
    cache.prepare(insert).run([1, 'a']);
    cache.prepare(insert).run([2, 'b']);
    const select = 'select name from t where id = ?';
    expect(cache.prepare(select).all([1])).toEqual([{ name: 'a' }]);
    expect(cache.prepare(select).all([2])).toEqual([{ name: 'b' }]);
    expect(cache.prepare(select)).toBe(cache.prepare(select));
    expect(prepared).toEqual([insert, select]);
  });

  it('is bounded, the least recently used statement going first', () => {
    for (const id of [1, 2, 3]) cache.prepare(`select ${id} as n`);
    cache.prepare('select 1 as n');
    cache.prepare('select 4 as n');
    expect(cache.size).toBe(3);
    prepared.length = 0;
    cache.prepare('select 1 as n');
    expect(prepared).toEqual([]);
    cache.prepare('select 2 as n');
    expect(prepared).toEqual(['select 2 as n']);
  });

  it('answers with the new schema after a migration on this connection or another', () => {
    cache.prepare('insert into t (id, name) values (?, ?)').run([1, 'a']);
    const star = 'select * from t';
    expect(cache.prepare(star).all([])).toEqual([{ id: 1, name: 'a' }]);
    cache.prepare('alter table t add column note text').run([]);
    expect(cache.prepare(star).all([])).toEqual([{ id: 1, name: 'a', note: null }]);
    // Another process migrating: SQLite notices the changed schema and recompiles the kept statement.
    const other = new SQLite(join(dir, 'db.sqlite'));
    other.exec("alter table t add column extra text default 'x'");
    other.close();
    expect(cache.prepare(star).all([])).toEqual([{ id: 1, name: 'a', note: null, extra: 'x' }]);
  });

  it('does not hand out a statement that is still being iterated', () => {
    for (const id of [1, 2, 3]) cache.prepare('insert into t (id, name) values (?, ?)').run([id, `n${id}`]);
    const text = 'select id from t where id >= ? order by id';
    const outer = cache.prepare(text).iterate([1]);
    const seen: unknown[] = [];
    for (const row of outer) seen.push([row, cache.prepare(text).all([3])]);
    expect(seen).toEqual([
      [{ id: 1 }, [{ id: 3 }]],
      [{ id: 2 }, [{ id: 3 }]],
      [{ id: 3 }, [{ id: 3 }]],
    ]);
  });

  it('serves Kysely: transactions, reads and writes through kept statements', async () => {
    const db = new Kysely<{ t: { id: number; name: string | null } }>({
      dialect: new SqliteDialect({ database: cache }),
    });
    for (const id of [1, 2, 3])
      await db.transaction().execute((trx) =>
        trx
          .insertInto('t')
          .values({ id, name: `n${id}` })
          .execute(),
      );
    const read = (id: number) => db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst();
    expect(await read(2)).toEqual({ name: 'n2' });
    expect(await read(3)).toEqual({ name: 'n3' });
    await sql`create index t_name on t (name)`.execute(db);
    expect(await read(1)).toEqual({ name: 'n1' });
    expect(prepared.filter((p) => p.startsWith('select')).length).toBe(2);
  });

  describe('rows of a kept statement', () => {
    /** The oracle: a statement prepared outside the cache, so in better-sqlite3's own object mode. */
    const direct = (text: string, parameters: unknown[] = []) => raw.prepare(text).all(parameters);

    it('are the objects better-sqlite3 makes, for any column names', () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              fc.string({ minLength: 1, maxLength: 8 }),
              fc.constantFrom(
                'constructor',
                '__defineGetter__',
                'toString',
                '1',
                '0',
                'a"b',
                "a'b",
                'a\\b',
                '\u2028',
              ),
            ),
            { minLength: 1, maxLength: 6 },
          ),
          fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.string(), fc.constant(null)), {
            minLength: 6,
            maxLength: 6,
          }),
          (names, values) => {
            const columns = names.map((n) => `? as "${n.replaceAll('"', '""')}"`).join(', ');
            const text = `select ${columns}`;
            const parameters = values.slice(0, names.length);
            const expected = direct(text, parameters) as Record<string, unknown>[];
            const actual = cache.prepare(text).all(parameters) as Record<string, unknown>[];
            expect(actual).toStrictEqual(expected);
            expect(Object.keys(actual[0]!)).toEqual(Object.keys(expected[0]!));
            expect(Object.getPrototypeOf(actual[0])).toBe(Object.prototype);
          },
        ),
      );
    });

    it('keep a column named __proto__ as a property, not as the prototype', () => {
      // better-sqlite3's own rows drop it; a literal `{ "__proto__": v }` would set the prototype instead.
      const [row] = cache.prepare(`select 'x' as "__proto__", 1 as n`).all([]) as Record<string, unknown>[];
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('x');
      expect(row?.n).toBe(1);
    });

    it('take the last of repeated column names, as better-sqlite3 does', () => {
      const text = `select 1 as a, 2 as b, 3 as a`;
      expect(cache.prepare(text).all([])).toStrictEqual(direct(text));
      expect(cache.prepare(text).all([])).toStrictEqual([{ a: 3, b: 2 }]);
    });

    it('come from one run of a statement that writes and returns', () => {
      const text = 'insert into t (id, name) values (?, ?) returning id, name';
      expect(cache.prepare(text).all([7, 'seven'])).toEqual([{ id: 7, name: 'seven' }]);
      expect(cache.prepare(text).all([8, 'eight'])).toEqual([{ id: 8, name: 'eight' }]);
      expect(direct('select count(*) as n from t')).toEqual([{ n: 2 }]);
    });

    it('follow a schema changed by another connection, when iterated too', () => {
      cache.prepare('insert into t (id, name) values (?, ?)').run([1, 'a']);
      const star = 'select * from t';
      expect([...cache.prepare(star).iterate([])]).toEqual([{ id: 1, name: 'a' }]);
      const other = new SQLite(join(dir, 'db.sqlite'));
      other.exec("alter table t add column extra text default 'x'");
      other.close();
      expect([...cache.prepare(star).iterate([])]).toEqual([{ id: 1, name: 'a', extra: 'x' }]);
      expect(cache.prepare(star).all([])).toEqual([{ id: 1, name: 'a', extra: 'x' }]);
    });
  });
});
