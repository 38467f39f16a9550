import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';

/**
 * The listed-families index (0025) is filled in arrears. Inserting a list's 50 entries with the list's own
 * audit row scattered them over as many pages of the (family, height) index, and every commit wrote those
 * pages out again: ≈ 6–12 µs an entry on SQLite, ≈ 0.6 ms of a worklist page. Now a list's row alone is
 * written with the request; from time to time an append folds every listing row above a mark into the index
 * in one statement (audit/listed-fold.ts), where pages shared by many entries are written once.
 *
 * `audit_listed_folded` is that mark: the chain height up to which every listing row has its entries, and
 * above which none has. A family's log reads the index up to the mark and the few rows above it directly.
 * One row; the mark only moves up. At this migration every listing row already has its entries (0025 wrote
 * them with the row), so the mark starts at the chain's head, and `since` keeps that height: above it, a row
 * naming `familyIds` is a list and must have its entries once folded; at or below it, the notification list's
 * summary row also named `familyIds` (now `shownFamilyIds`) without being indexed.
 */
export function auditListedFolded(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_listed_folded')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('chain_height', 'bigint', (c) => c.notNull())
        .addColumn('since', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into audit_listed_folded (id, chain_height, since)
        select 1, h, h from (select coalesce(max(coalesce(chain_height, seq)), 0) as h from audit_log) as head`.execute(
        db,
      );
      if (dialect === 'postgres') {
        await sql`create function audit_listed_folded_guard() returns trigger language plpgsql as $$
          begin
            if tg_op = 'UPDATE' and new.chain_height >= old.chain_height and new.id = old.id
              and new.since = old.since then
              return new;
            end if;
            raise exception 'audit_listed_folded only moves up: % is not allowed', lower(tg_op)
              using errcode = 'insufficient_privilege';
          end $$`.execute(db);
        await sql`create trigger audit_listed_folded_only_up before update or delete on audit_listed_folded
          for each row execute function audit_listed_folded_guard()`.execute(db);
        await sql`create trigger audit_listed_folded_no_truncate before truncate on audit_listed_folded
          for each statement execute function audit_listed_folded_guard()`.execute(db);
      } else {
        await sql`create trigger audit_listed_folded_only_up before update on audit_listed_folded
          when new.chain_height < old.chain_height or new.id != old.id or new.since != old.since
          begin select raise(abort, 'audit_listed_folded only moves up: update is not allowed'); end`.execute(
          db,
        );
        await sql`create trigger audit_listed_folded_no_delete before delete on audit_listed_folded
          begin select raise(abort, 'audit_listed_folded only moves up: delete is not allowed'); end`.execute(
          db,
        );
      }
    },
  };
}
