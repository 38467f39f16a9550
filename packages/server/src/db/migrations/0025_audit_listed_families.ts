import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';

/**
 * A list (worklist, search, team overview) is recorded as ONE hashed audit row that names every family shown
 * (`details_json.familyIds`), plus one narrow row per family here: (family, the row's chain height). The
 * family's access log, its export and the audit search by family find a listing through this table.
 *
 * Before, each family shown had a full audit row of its own, hashed into the chain: 51 rows for a page of 50,
 * about 40 % of a worklist request's CPU (and the audit log grew 51 rows per page). This table is an index,
 * not evidence: the hashed row is, and `verifyAuditChain` checks that both agree. Rows written before stay as
 * they are and are still found by their own `family_id`.
 *
 * Append-only like `audit_log`. On SQLite without rowid: the key is the whole row. A second index by height
 * serves verification.
 */
export function auditListedFamilies(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let table = db.schema
        .createTable('audit_log_listed')
        .addColumn('family_id', 'text', (c) => c.notNull())
        .addColumn('chain_height', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_log_listed_pk', ['family_id', 'chain_height']);
      if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`);
      await table.execute();
      // `nestwerk audit verify` reads the entries by height, page by page; appended at the right edge.
      await db.schema
        .createIndex('audit_log_listed_height_idx')
        .on('audit_log_listed')
        .column('chain_height')
        .execute();
      if (dialect === 'postgres') {
        await sql`create function audit_log_listed_reject_change() returns trigger language plpgsql as $$
          begin
            raise exception 'audit_log_listed is append-only: % is not allowed', lower(tg_op)
              using errcode = 'insufficient_privilege';
          end $$`.execute(db);
        await sql`create trigger audit_log_listed_no_update_or_delete before update or delete on audit_log_listed
          for each row execute function audit_log_listed_reject_change()`.execute(db);
        await sql`create trigger audit_log_listed_no_truncate before truncate on audit_log_listed
          for each statement execute function audit_log_listed_reject_change()`.execute(db);
      } else {
        for (const op of ['update', 'delete'])
          await sql
            .raw(
              `create trigger audit_log_listed_no_${op} before ${op} on audit_log_listed ` +
                `begin select raise(abort, 'audit_log_listed is append-only: ${op} is not allowed'); end`,
            )
            .execute(db);
      }
    },
  };
}
