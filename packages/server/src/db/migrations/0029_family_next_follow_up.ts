import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';

/**
 * The family's next follow-up — the earliest `follow_up_due` of its open agreements — on the family's own row,
 * kept there by the database whenever an agreement is inserted, changed or deleted.
 *
 * Why: the worklist sorts a professional's whole caseload (hundreds of families) by it on every page, and
 * worked it out per family with a subquery on the agreements: ≈ 0.9 µs a family on SQLite, 40 % of the page
 * query. Read from the family's row, which the page reads for the name anyway, it costs nothing more.
 *
 * Why triggers and not the writers: agreements are written by the contact moment, the agreement edit, the
 * supersession of older follow-ups, the FHIR import and the demo loader, and will be by code not yet written.
 * A trigger cannot be forgotten by any of them; `0029_family_next_follow_up.test.ts` holds the column to the
 * agreements after random sequences of writes, on both databases.
 */
export function familyNextFollowUp(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('families').addColumn('next_follow_up', 'text').execute();
      if (dialect === 'postgres') await postgresTriggers(db);
      else await sqliteTriggers(db);
      await sql`update families set next_follow_up = (select min(a.follow_up_due) from agreements a
        where a.family_id = families.id and a.status = 'open')`.execute(db);
    },
  };
}

// SQLite runs one writer at a time: a row trigger that recomputes the family's minimum is enough.
async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const recompute = (family: string) => `update families set next_follow_up = (
      select min(a.follow_up_due) from agreements a where a.family_id = families.id and a.status = 'open')
    where id = ${family};`;
  await sql
    .raw(`create trigger agreements_next_follow_up_insert after insert on agreements
      begin ${recompute('new.family_id')} end`)
    .execute(db);
  await sql
    .raw(`create trigger agreements_next_follow_up_update
      after update of family_id, status, follow_up_due on agreements
      begin ${recompute('new.family_id')} ${recompute('old.family_id')} end`)
    .execute(db);
  await sql
    .raw(`create trigger agreements_next_follow_up_delete after delete on agreements
      begin ${recompute('old.family_id')} end`)
    .execute(db);
}

/**
 * PostgreSQL: statement triggers over the transition tables, so the demo loader's COPY of thousands of
 * agreements updates each family once, not once per row.
 *
 * Two transactions writing agreements of one family at once must not leave the minimum of either one's
 * snapshot behind. Each locks the family's row first (in id order, so two bulk writers cannot deadlock) and
 * computes after it holds the lock: under READ COMMITTED (the app's level; audit/append.ts insists on it) a
 * function's next statement takes a fresh snapshot, which then includes what the other committed.
 */
async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function families_keep_next_follow_up() returns trigger language plpgsql as $$
    declare
      ids text[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(distinct family_id) into ids from new_rows;
      elsif tg_op = 'DELETE' then
        select array_agg(distinct family_id) into ids from old_rows;
      else
        select array_agg(distinct c.family_id) into ids from (
          select n.family_id, o.family_id as old_family_id from new_rows n join old_rows o on o.id = n.id
          where (n.family_id, n.status, n.follow_up_due) is distinct from (o.family_id, o.status, o.follow_up_due)
        ) changed, lateral (values (changed.family_id), (changed.old_family_id)) as c(family_id);
      end if;
      if ids is null then
        return null;
      end if;
      perform 1 from families where id = any(ids) order by id for update;
      update families f set next_follow_up = (select min(a.follow_up_due) from agreements a
        where a.family_id = f.id and a.status = 'open')
      where f.id = any(ids);
      return null;
    end $$`.execute(db);
  await sql`create trigger agreements_next_follow_up_insert after insert on agreements
    referencing new table as new_rows for each statement execute function families_keep_next_follow_up()`.execute(
    db,
  );
  await sql`create trigger agreements_next_follow_up_update after update on agreements
    referencing old table as old_rows new table as new_rows
    for each statement execute function families_keep_next_follow_up()`.execute(db);
  await sql`create trigger agreements_next_follow_up_delete after delete on agreements
    referencing old table as old_rows for each statement execute function families_keep_next_follow_up()`.execute(
    db,
  );
  // The demo loader skips the foreign-key triggers with `session_replication_role = replica`
  // (demo/bulk-insert.ts); these must fire even then.
  for (const event of ['insert', 'update', 'delete'])
    await sql`alter table agreements enable always trigger ${sql.ref(`agreements_next_follow_up_${event}`)}`.execute(
      db,
    );
}
