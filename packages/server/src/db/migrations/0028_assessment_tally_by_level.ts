import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';

const LEVELS = ['parent', 'family', 'child'] as const;
const SIDES = ['hindering', 'protective'] as const;
/** `balance_parent_hindering` … `balance_child_protective`, with the JSON path each comes from. */
const TALLIES = LEVELS.flatMap((level) =>
  SIDES.map((side) => ({ column: `balance_${level}_${side}`, level, side })),
);

/**
 * The burdens and strengths per level of an assessment (`balance.byLevel` of the engine's result, six whole
 * numbers) as columns beside the result, in the covering index of a contact's assessment.
 *
 * Why: every family read shows them on the timeline, one line per contact, and cut them out of `result_json`
 * with the database's JSON functions: SQLite read and parsed the whole result (≈ 4 kB, on overflow pages) of
 * every contact of the family, PostgreSQL parsed it as JSON. Measured on SQLite, the timeline's statement for a
 * family: 37–43 → 22–26 µs. Writers fill the columns from the result they store (domain/contact-rows.ts
 * `balanceSummary`); existing rows are filled here from the same JSON paths, so old and new rows answer alike.
 * A tally that is missing or not a whole number stays null, and the timeline then shows none, as before.
 */
export function assessmentTallyByLevel(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const { column } of TALLIES)
        await db.schema.alterTable('assessments').addColumn(column, 'integer').execute();
      await backfillTallies(db, dialect);
      // The timeline's lookup of a contact's assessment answered from the index alone, as the worklist's is
      // (migration 0023): the columns sit behind the kilobytes of JSON in the row. Replaces 0023's index, a
      // prefix of this one.
      await db.schema.dropIndex('assessments_contact_summary_idx').execute();
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
          'agreed_band_not_discussed',
          'refer_outside',
          ...TALLIES.map((t) => t.column),
        ])
        .execute();
    },
  };
}

/** Fills the tallies of every stored result from its JSON; exported for its test. */
export async function backfillTallies(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    // The result parsed once per row, not once per column.
    const sets = TALLIES.map(
      ({ column, level, side }) =>
        sql`${sql.ref(column)} = case when json_typeof(t.b->${sql.lit(level)}->${sql.lit(side)}) = 'number'
            and t.b->${sql.lit(level)}->>${sql.lit(side)} ~ '^-?[0-9]{1,9}$'
          then (t.b->${sql.lit(level)}->>${sql.lit(side)})::integer end`,
    );
    await sql`update assessments set ${sql.join(sets)}
      from (select id, (result_json::json)->'balance'->'byLevel' as b from assessments) as t
      where t.id = assessments.id`.execute(db);
  } else {
    const sets = TALLIES.map(({ column, level, side }) => {
      const path = sql.lit(`$.balance.byLevel.${level}.${side}`);
      return sql`${sql.ref(column)} = case when json_type(result_json, ${path}) = 'integer'
          then json_extract(result_json, ${path}) end`;
    });
    await sql`update assessments set ${sql.join(sets)}`.execute(db);
  }
}
