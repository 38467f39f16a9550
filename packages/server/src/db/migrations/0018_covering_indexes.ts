import type { Kysely, Migration } from 'kysely';

/**
 * Covering indexes for the care-relationship check that every family access runs and the worklist's caseload
 * (see policies/family-scope.ts): holder, family, and the dates that say whether the relationship is active,
 * so the check is answered from the index alone, without reading the table rows. They replace the
 * (holder, family) indexes of 0001, which are their prefixes. Same statements on SQLite and PostgreSQL.
 */
export function coveringIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('care_relationships_user_active_idx')
        .on('care_relationships')
        .columns(['user_id', 'family_id', 'start_date', 'end_date'])
        .execute();
      await db.schema
        .createIndex('care_relationships_team_active_idx')
        .on('care_relationships')
        .columns(['team_id', 'family_id', 'start_date', 'end_date'])
        .execute();
      await db.schema.dropIndex('care_relationships_user_idx').execute();
      await db.schema.dropIndex('care_relationships_team_idx').execute();
    },
  };
}
