import type { Kysely, Migration } from 'kysely';

/**
 * Pre-aggregated counts for the municipal dashboard: one row per region, municipality, fixed quarter,
 * indicator, row and column. The dashboard reads only these (a few thousand rows, whatever the number of
 * families), so it answers fast at 10^5 families; they are rebuilt on a schedule, at demo load and by the
 * `dashboard` command. They hold counts only — never an id of a family, child or person.
 */
export function dashboardAggregates(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('dashboard_counts')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('municipality', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('row_key', 'text', (c) => c.notNull())
        .addColumn('column_key', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('dashboard_counts_pk', [
          'region',
          'period',
          'indicator',
          'municipality',
          'row_key',
          'column_key',
        ])
        .execute();
      await db.schema
        .createTable('dashboard_refresh')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('refreshed_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('dashboard_refresh').execute();
      await db.schema.dropTable('dashboard_counts').execute();
    },
  };
}
