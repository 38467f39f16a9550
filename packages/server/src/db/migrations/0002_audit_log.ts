import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';
import { inList } from './check.ts';

/**
 * The NEN 7513 audit log. No foreign keys on purpose: a log line must outlive (and never block changes to)
 * the users and families it names, and must record failed log-ins for addresses that match no user.
 */
export function auditLog(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigint', (c) =>
          // AUTOINCREMENT: SQLite never reuses the number of a (hypothetically) removed last row.
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
        )
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('user_role', 'text')
        .addColumn('organisation_id', 'text')
        .addColumn('on_behalf_of', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text')
        .addColumn('basis', 'text')
        .addColumn('basis_detail', 'text')
        .addColumn('client_ip', 'text')
        .addColumn('family_id', 'text')
        .addColumn('person_ids', 'text')
        .addColumn('details_json', 'text')
        // Unique: two writers that read the same predecessor cannot both commit, so the chain cannot fork.
        .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addCheckConstraint('audit_log_outcome_check', inList('outcome', ['success', 'denied', 'failure']))
        .execute();
      await db.schema
        .createIndex('audit_log_family_idx')
        .on('audit_log')
        .columns(['family_id', 'seq'])
        .execute();
      await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'seq']).execute();
      await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

      // Append-only in the database itself, so not even a bug or a stray SQL console can rewrite history.
      // (The owner of the table can still drop the trigger: production runs the app as a role that is not it.)
      if (dialect === 'sqlite') {
        for (const op of ['update', 'delete']) {
          await sql
            .raw(
              `create trigger audit_log_no_${op} before ${op} on audit_log ` +
                `begin select raise(abort, 'audit_log is append-only: ${op} is not allowed'); end`,
            )
            .execute(db);
        }
      } else {
        await sql
          .raw(
            `create function audit_log_reject_change() returns trigger language plpgsql as $$
             begin
               raise exception 'audit_log is append-only: % is not allowed', lower(tg_op)
                 using errcode = 'insufficient_privilege';
             end $$`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger audit_log_no_update_or_delete before update or delete on audit_log
             for each row execute function audit_log_reject_change()`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger audit_log_no_truncate before truncate on audit_log
             for each statement execute function audit_log_reject_change()`,
          )
          .execute(db);
      }
    },
  };
}
