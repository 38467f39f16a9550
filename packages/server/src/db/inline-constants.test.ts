import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholderOffsets, type Slot, sqliteTemplate } from './inline-constants.ts';

describe('placeholderOffsets', () => {
  it('finds the placeholders outside quoted text, quoted names and comments', () => {
    const sql = `select '?', "a?b", \`c?\`, [d?] from t -- where x = ?\nwhere y = ? /* ? */ and z = ?`;
    expect(placeholderOffsets(sql)?.map((at) => sql.slice(at - 4, at + 1))).toEqual(['y = ?', 'z = ?']);
    expect(placeholderOffsets(`select 'it''s ?' , ?`)).toEqual([19]);
  });

  it('refuses texts it does not follow', () => {
    for (const sql of ['select ?1', 'select :name', 'select @n', 'select $n', "select 'open", 'select /* x'])
      expect(placeholderOffsets(sql)).toBeNull();
  });
});

describe('sqliteTemplate', () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec(`create table t (id integer primary key, status text, n integer);
    insert into t (status, n) values ('open', 1), ('done', 2), ('it''s', 3), ('open', 4), (null, 5);`);
  const run = (sql: string, params: unknown[]) => sqlite.prepare(sql).all(...params);

  it('writes the constants in, keeps the arguments bound and cuts the text at the per-value ones', () => {
    const sql = 'select n from t where status = ? and n > ? order by n limit ? offset ?';
    const slots: Slot[] = [{ value: 'open' }, 'min', 'limit', { value: 0 }];
    const template = sqliteTemplate(sql, slots, new Set(['limit']));
    expect(template).toEqual({
      parts: ["select n from t where status = 'open' and n > ? order by n limit ", ' offset 0'],
      names: ['limit'],
      slots: ['min'],
    });
    if (!template) throw new Error('no template');
    expect(fillTemplate(template, [1])).toBe(
      "select n from t where status = 'open' and n > ? order by n limit 1 offset 0",
    );
    expect(run(fillTemplate(template, [5]), [0])).toEqual([{ n: 1 }, { n: 4 }]);
    expect(() => fillTemplate(template, ['1; drop table t'])).toThrow(TypeError);
    expect(() => fillTemplate(template, [1.5])).toThrow(TypeError);
  });

  it('leaves bound what would not read back the same as a literal', () => {
    const slots: Slot[] = [
      { value: 1.5 },
      { value: null },
      { value: 'a\u0000b' },
      { value: '\ud800' },
      { value: true },
    ];
    const template = sqliteTemplate('select ?, ?, ?, ?, ?', slots);
    expect(template?.parts).toEqual(['select ?, ?, ?, ?, ?']);
    expect(template?.slots).toEqual(slots);
  });

  it('answers null when the placeholders and the slots do not match', () => {
    expect(sqliteTemplate('select ?', [])).toBeNull();
    expect(sqliteTemplate('select ?1', [{ value: 1 }])).toBeNull();
  });

  it('answers the same rows as the statement with everything bound, whatever the constants', () => {
    const text = fc.oneof(fc.constantFrom('open', 'done', "it's", "''", '?', '--', '/*'), fc.string());
    const value = fc.oneof(text, fc.integer({ min: -1_000, max: 1_000 }));
    fc.assert(
      fc.property(value, value, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        const sql =
          "select id, ? as shown from t where (status = ? or n = ?) and status is not '?' order by id limit ?";
        const params = [a, b, b, limit];
        const template = sqliteTemplate(
          sql,
          [{ value: a }, { value: b }, { value: b }, 'limit'],
          new Set(['limit']),
        );
        if (!template) throw new Error('no template');
        expect(run(fillTemplate(template, [limit]), [])).toEqual(run(sql, params));
      }),
    );
  });
});
