import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.ts';
import { inList } from './check.ts';

/**
 * The audit chain's fork guard moves from a unique index on `prev_hash` to one on `chain_height`, the row's
 * position in the chain (its predecessor's height + 1). Both refuse a second row after the same predecessor,
 * but a hash is random: every append landed on a random page of the prev_hash index, and at commit each such
 * page is written to the WAL. That index alone was about half of what an audit row cost to insert (832 rows:
 * 55 ms with it, 28 ms without). Heights only grow, so their index is appended to at its right edge.
 *
 * Rows written before keep a null height (the unique index ignores nulls); the first new row counts on from
 * its predecessor's `seq`, which is as unique. The height is not hashed: it guards appends, the hash chain
 * stays the evidence, and verification is unchanged.
 *
 * PostgreSQL drops the unique constraint in place. SQLite cannot drop a column's UNIQUE, so the table is
 * rebuilt: same columns, rows and `seq` values, indexes, append-only triggers and AUTOINCREMENT counter. It runs
 * once, inside the migration's transaction (about a second per million rows).
 */
export function auditChainHeight(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'postgres') {
        await db.schema.alterTable('audit_log').addColumn('chain_height', 'bigint').execute();
        const { rows } = await sql<{ name: string }>`
          select c.conname as name from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
          where c.conrelid = 'audit_log'::regclass and c.contype = 'u' and a.attname = 'prev_hash'
            and cardinality(c.conkey) = 1`.execute(db);
        for (const { name } of rows)
          await sql`alter table audit_log drop constraint ${sql.id(name)}`.execute(db);
      } else {
        await rebuildSqliteAuditLog(db);
      }
      await db.schema
        .createIndex('audit_log_chain_height_idx')
        .unique()
        .on('audit_log')
        .column('chain_height')
        .execute();
    },
  };
}

const COLUMNS = [
  'seq',
  'id',
  'at',
  'user_id',
  'user_role',
  'organisation_id',
  'on_behalf_of',
  'action',
  'outcome',
  'purpose',
  'basis',
  'basis_detail',
  'client_ip',
  'family_id',
  'person_ids',
  'details_json',
  'prev_hash',
  'hash',
  'key_id',
];

async function rebuildSqliteAuditLog(db: Kysely<unknown>): Promise<void> {
  // As migrations 0002 and 0006 made it, without UNIQUE on prev_hash, plus the height.
  await db.schema
    .createTable('audit_log_rebuilt')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
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
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('chain_height', 'integer')
    .addCheckConstraint('audit_log_outcome_check', inList('outcome', ['success', 'denied', 'failure']))
    .execute();
  const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into audit_log_rebuilt (${columns}) select ${columns} from audit_log order by seq`.execute(
    db,
  );
  // The counter may stand above the last row (a rolled-back append): numbers are never given out twice.
  const counter = await sql<{
    seq: number;
  }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(db);
  // Dropping the table takes its triggers and indexes with it; no delete trigger fires for a dropped table.
  await sql`drop table audit_log`.execute(db);
  await sql`alter table audit_log_rebuilt rename to audit_log`.execute(db);
  const before = counter.rows[0]?.seq;
  if (before !== undefined) {
    const now = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(
      db,
    );
    const keep = Math.max(Number(before), Number(now.rows[0]?.seq ?? 0));
    await sql`delete from sqlite_sequence where name = 'audit_log'`.execute(db);
    await sql`insert into sqlite_sequence (name, seq) values ('audit_log', ${keep})`.execute(db);
  }
  await db.schema.createIndex('audit_log_family_idx').on('audit_log').columns(['family_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  for (const op of ['update', 'delete']) {
    await sql
      .raw(
        `create trigger audit_log_no_${op} before ${op} on audit_log ` +
          `begin select raise(abort, 'audit_log is append-only: ${op} is not allowed'); end`,
      )
      .execute(db);
  }
}
