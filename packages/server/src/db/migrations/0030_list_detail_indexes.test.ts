import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { forEachDatabase } from '../../testing/databases.ts';
import { indexNames } from '../../testing/index-names.ts';

forEachDatabase('migration 0030: family indexes for a worklist page', (current, dialect) => {
  const indexesOf = (table: string) => indexNames(current().db, dialect, table);

  it('replaces the family indexes of contacts and persons by the wider ones', async () => {
    const contacts = await indexesOf('contacts');
    expect(contacts).toContain('contacts_family_date_id_idx');
    expect(contacts).not.toContain('contacts_family_date_idx');
    const persons = await indexesOf('persons');
    expect(persons).toContain('persons_family_kind_idx');
    expect(persons).not.toContain('persons_family_idx');
  });

  // PostgreSQL chooses by table statistics, so a plan on a near-empty test table says nothing.
  if (dialect === 'sqlite') {
    const plan = async (query: ReturnType<typeof sql>) => {
      const { rows } = await sql<{ detail: string }>`explain query plan ${query}`.execute(current().db);
      return rows.map((r) => r.detail).join('\n');
    };

    it("finds a family's latest contact in the index alone, without sorting (SQLite plan)", async () => {
      const text = await plan(sql`select id from contacts where family_id = ${'f1'}
        order by date desc, id desc limit 1`);
      expect(text).toMatch(/USING COVERING INDEX contacts_family_date_id_idx/);
      expect(text).not.toMatch(/TEMP B-TREE/);
    });

    it("seeks a family's children by kind and reads them in order of birth (SQLite plan)", async () => {
      const text = await plan(sql`select id from persons where family_id = ${'f1'} and kind = 'child'
        order by birth_date`);
      expect(text).toMatch(/USING INDEX persons_family_kind_idx \(family_id=\? AND kind=\?\)/);
      expect(text).not.toMatch(/TEMP B-TREE/);
    });
  }
});
