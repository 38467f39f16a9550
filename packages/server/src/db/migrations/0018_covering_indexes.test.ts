import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { forEachDatabase } from '../../testing/databases.ts';
import { indexNames } from '../../testing/index-names.ts';

forEachDatabase('migration 0018: covering indexes for the care-relationship check', (current, dialect) => {
  it('replaces the (holder, family) indexes by ones that also hold the dates', async () => {
    const names = await indexNames(current().db, dialect, 'care_relationships');
    expect(names).toEqual(
      expect.arrayContaining(['care_relationships_user_active_idx', 'care_relationships_team_active_idx']),
    );
    expect(names).not.toContain('care_relationships_user_idx');
    expect(names).not.toContain('care_relationships_team_idx');
  });

  // PostgreSQL chooses by table statistics, so a plan on a near-empty test table says nothing.
  if (dialect === 'sqlite')
    it('answers the active-relationship check from the index alone (SQLite plan)', async () => {
      const { db } = current();
      const { rows } = await sql<{ detail: string }>`explain query plan
      select family_id from care_relationships
      where user_id = ${'u1'} and family_id = ${'f1'} and start_date <= ${'2026-01-01'}
        and (end_date is null or end_date >= ${'2026-01-01'})`.execute(db);
      expect(rows.map((r) => r.detail).join('\n')).toMatch(
        /USING COVERING INDEX care_relationships_user_active_idx/,
      );
    });
});
