import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';

/**
 * The balance the worklist shows of a family's last assessment — burdens and strengths counted, and which
 * way it tipped — as three columns beside the stored engine result. The worklist read them out of
 * `result_json` with the database's JSON functions, which parse the whole result (kilobytes) for every row
 * of every page: most of that query's time. Writers fill them from the same result they store
 * (domain/contact-rows.ts `balanceSummary`); existing rows are filled here, in one statement, by the same
 * JSON paths the worklist used, so old and new rows answer alike. Nullable: a result without a balance
 * stays null, as the JSON functions said.
 */
export function assessmentBalanceSummary(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('assessments').addColumn('balance_hindering', 'integer').execute();
      await db.schema.alterTable('assessments').addColumn('balance_protective', 'integer').execute();
      await db.schema.alterTable('assessments').addColumn('balance_tilt', 'text').execute();
      await backfillBalanceSummary(db, dialect);
      // The worklist's latest-assessment lookup answered from the index alone: the new columns sit at the end
      // of the row, behind the kilobytes of input and result JSON (overflow pages on SQLite), and PostgreSQL
      // can answer with an index-only scan. Replaces the (contact_id) index of 0001, its prefix.
      await db.schema
        .createIndex('assessments_contact_summary_idx')
        .on('assessments')
        .columns([
          'contact_id',
          'suggested_band',
          'agreed_band',
          'cumulative_risk',
          'safety_concern',
          'balance_hindering',
          'balance_protective',
          'balance_tilt',
        ])
        .execute();
      await db.schema.dropIndex('assessments_contact_idx').execute();
    },
  };
}

/** Fills the summary of every stored result from its JSON; exported for its test. */
export async function backfillBalanceSummary(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres')
    await sql`update assessments set
        balance_hindering = json_array_length((result_json::json)->'balance'->'hindering'),
        balance_protective = json_array_length((result_json::json)->'balance'->'protective'),
        balance_tilt = (result_json::json)->'balance'->>'tilt'`.execute(db);
  else
    await sql`update assessments set
        balance_hindering = json_array_length(result_json, '$.balance.hindering'),
        balance_protective = json_array_length(result_json, '$.balance.protective'),
        balance_tilt = json_extract(result_json, '$.balance.tilt')`.execute(db);
}
