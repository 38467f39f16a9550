import { type Kysely, PostgresAdapter, type Selectable, sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { precompiled } from '../db/precompiled.ts';
import type { AuditLogTable, Database } from '../db/schema.ts';
import { auditAnchorOf } from './anchor.ts';
import { GENESIS_HASH, type KeyedAuditFields, keyedAuditRowHash, storableText } from './hash.ts';
import { type AuditKeyRing, envOnlyKeyRing } from './keys.ts';
import { foldListedWhenDue } from './listed-fold.ts';

export type AuditOutcome = AuditLogTable['outcome'];
/**
 * 'no_consent': shared without consent after the five questions of Thema 4 (referrals) — always flagged.
 * 'parent': a parent in the portal, acting on their own family's file (user_role 'parent').
 */
export type AuditBasis =
  | 'care_relationship'
  | 'consent'
  | 'no_consent'
  | 'emergency'
  | 'admin'
  | 'none'
  | 'parent';

/** What happened, by whom, to whom and on what basis (NEN 7513). */
export interface AuditEntry {
  /** e.g. 'family.read', 'family.search', 'contact.write', 'export', 'login', 'access.denied', 'audit.read'. */
  action: string;
  outcome: AuditOutcome;
  userId?: string | null;
  userRole?: string | null;
  organisationId?: string | null;
  /**
   * The principal the user acts for, beyond their own account: `team:<id>` for work within their team's
   * caseload, `emergency:<grant id>` under break-the-glass, `organisation:<id>` for organisation-wide
   * administration. Null when the user acts only for themselves (log-in, own password).
   */
  onBehalfOf?: string | null;
  purpose?: string | null;
  basis?: AuditBasis | null;
  /** Emergency access: the written reason. */
  basisDetail?: string | null;
  clientIp?: string | null;
  familyId?: string | null;
  personIds?: readonly string[] | null;
  details?: Readonly<Record<string, unknown>> | null;
  /**
   * A list's families (worklist, search, team overview): named in the row's details as `familyIds` and indexed
   * in `audit_log_listed`, so each family's log finds the listing without a hashed row per family.
   */
  listedFamilyIds?: readonly string[] | null;
  /** Defaults to now; tests and imports may set it. */
  at?: Date | string;
}

export type AuditRecord = Selectable<AuditLogTable>;

/**
 * Any constant will do, as long as nothing else in the database uses it: all appenders in all processes
 * queue on it, so reading the last hash and inserting the next row happen as one step.
 */
const AUDIT_CHAIN_LOCK = 75_107_513;

/**
 * Appends one row to the hash-chained audit log inside the caller's transaction, so the record commits (or
 * rolls back) together with the data it describes.
 *
 * Appenders are serialised: on PostgreSQL by a transaction-scoped advisory lock (held until commit, so call
 * this as the last statement of the transaction to keep the wait short); on SQLite by the write lock that
 * every read-write transaction takes at `begin immediate`. The unique index on chain_height is the backstop:
 * a forked chain cannot commit.
 */
/**
 * Precompiled: every audited request reads the chain's head. The limit is a literal: as a parameter, PostgreSQL
 * costed the generic plan of `limit $1` above the custom ones and so planned the statement anew on nearly
 * every batch (443 plans in 489 calls, pg_stat_statements).
 */
const chainHead = precompiled((db) =>
  db.selectFrom('audit_log').select(['hash', 'seq', 'chain_height']).orderBy('seq', 'desc').limit(sql.lit(1)),
);

/**
 * PostgreSQL: takes the chain's lock, then reads the head, in one round trip. The two are two statements of one
 * simple-protocol query (no parameters), which PostgreSQL runs in order: the read starts after the lock is
 * held, with a snapshot of its own that includes the row the previous holder committed. One statement could
 * not do this (its snapshot would predate the lock); two round trips did, at ≈ 150 µs of CPU more a batch. With
 * the transaction's `begin` (held back until now, db/pg-prepared.ts) the batch opens, locks and reads the head
 * in one round trip where it took three.
 */
async function lockedChainHead(trx: Transaction<Database>) {
  const { rows } = await sql<{
    isolation: string;
    hash: string | null;
    seq: number | string | null;
    chain_height: number | string | null;
  }>`${sql.raw(`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});`)}
    select current_setting('transaction_isolation') as isolation, h.hash, h.seq, h.chain_height
    from (select 1) as one left join (${sql.raw(chainHead.sql(trx))}) as h on true`.execute(trx);
  const [row] = rows;
  // Under repeatable read the snapshot predates the lock and would miss the row committed just before it.
  if (row?.isolation !== 'read committed')
    throw new Error('appendAudit needs a READ COMMITTED transaction on PostgreSQL');
  return row.hash === null || row.seq === null
    ? []
    : [{ hash: row.hash, seq: row.seq, chain_height: row.chain_height }];
}

export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<AuditRecord> {
  const [record] = await appendAuditRows(trx, [entry], true);
  if (!record) throw new Error('The audit row was not written');
  return record;
}

/**
 * Several rows at once, chained in order: one lock, one read of the head and one insert per 500 rows, however
 * many rows (a search that shows 200 families writes 201). Same transaction rules as appendAudit.
 */
export async function appendAudits(
  trx: Transaction<Database>,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length > 0) await appendAuditRows(trx, entries, false);
}

async function appendAuditRows(
  trx: Transaction<Database>,
  entries: readonly AuditEntry[],
  returning: boolean,
): Promise<AuditRecord[]> {
  if (!trx.isTransaction)
    throw new Error('appendAudit must run inside the transaction of the change it records');
  const [last] = isPostgres(trx) ? await lockedChainHead(trx) : await chainHead.execute(trx, {});

  const ring = keyRingFor(trx);
  let prev = last?.hash ?? GENESIS_HASH;
  // A row written before migration 0024 has no height: its seq is as unique, so the chain counts on from it.
  const base = last ? Number(last.chain_height ?? last.seq) : 0;
  const rows = entries.map((entry, i): AuditRow => {
    const fields = auditFields(entry, prev, ring.current.id);
    const hash = keyedAuditRowHash(fields, ring.current.secret);
    prev = hash;
    return Object.assign(fields, { hash, chain_height: base + 1 + i });
  });
  const records: AuditRecord[] = [];
  for (let i = 0; i < rows.length; i += PRECOMPILED_ROWS)
    records.push(...(await insertPrecompiled(trx, rows.slice(i, i + PRECOMPILED_ROWS), returning)));
  // A list's entries in the listed-families index are written later, many lists at once (listed-fold.ts).
  const listed = entries.reduce((n, entry) => n + (entry.listedFamilyIds?.length ?? 0), 0);
  await foldListedWhenDue(trx, { rows: rows.length, entries: listed, top: base + rows.length });
  const anchor = auditAnchorOf(trx);
  for (let i = 0; i < rows.length; i++) anchor?.noteAppend();
  return records;
}

type AuditRow = KeyedAuditFields & { hash: string; chain_height: number };

/** Every column of an audit row, in the order the insert names them. */
const AUDIT_COLUMNS = [
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
  'key_id',
  'hash',
  'chain_height',
] as const satisfies ReadonlyArray<keyof AuditRow>;

/**
 * Every insert is precompiled, one per row count up to this many rows; more rows go in chunks of this size.
 * Building the insert with Kysely each time cost more CPU than SQLite spends on it, and large inserts are not
 * rare: a group commit of 16 worklist pages writes 16 × 51 rows. 18 columns × 64 rows stays well below both
 * databases' limits on bound parameters; at most 64 × 2 statements are kept.
 */
const PRECOMPILED_ROWS = 64;

type InsertParams = Record<string, string | number | null>;
type Precompiled<R> = ReturnType<typeof precompiled<InsertParams, R>>;
const plainInserts = new Map<number, Precompiled<unknown>>();
const returningInserts = new Map<number, Precompiled<AuditRecord>>();

/** The same Kysely insert as the fallback, with row i's column c bound to the argument `i:c`. */
function auditValues(count: number, p: InsertParams): AuditRow[] {
  return Array.from({ length: count }, (_, i) => {
    const row: Record<string, string | number | null | undefined> = {};
    for (const column of AUDIT_COLUMNS) row[column] = p[`${i}:${column}`];
    return row as unknown as AuditRow;
  });
}

async function insertPrecompiled(
  trx: Transaction<Database>,
  rows: readonly AuditRow[],
  returning: boolean,
): Promise<AuditRecord[]> {
  const count = rows.length;
  const params = insertParams(rows);
  if (returning) {
    let insert = returningInserts.get(count);
    if (!insert) {
      insert = precompiled((db, p: InsertParams) =>
        db.insertInto('audit_log').values(auditValues(count, p)).returningAll(),
      );
      returningInserts.set(count, insert);
    }
    return insert.execute(trx, params);
  }
  let insert = plainInserts.get(count);
  if (!insert) {
    insert = precompiled((db, p: InsertParams) => db.insertInto('audit_log').values(auditValues(count, p)));
    plainInserts.set(count, insert);
  }
  await insert.execute(trx, params);
  return [];
}

function insertParams(rows: readonly AuditRow[]): InsertParams {
  const params: InsertParams = {};
  rows.forEach((row, i) => {
    for (const column of AUDIT_COLUMNS) params[`${i}:${column}`] = row[column];
  });
  return params;
}

function auditFields(entry: AuditEntry, prevHash: string, keyId: string): KeyedAuditFields {
  const at = entry.at === undefined ? new Date() : new Date(entry.at);
  const text = (value: string | null | undefined): string | null =>
    value === null || value === undefined ? null : storableText(value);
  return {
    id: uuidv7(),
    at: at.toISOString(),
    user_id: text(entry.userId),
    user_role: text(entry.userRole),
    organisation_id: text(entry.organisationId),
    on_behalf_of: text(entry.onBehalfOf),
    action: storableText(entry.action),
    outcome: entry.outcome,
    purpose: text(entry.purpose),
    basis: entry.basis ?? null,
    basis_detail: text(entry.basisDetail),
    client_ip: text(entry.clientIp),
    family_id: text(entry.familyId),
    // JSON.stringify escapes lone surrogates (well-formed JSON.stringify), and escapes NUL, so its output is
    // already what will be stored.
    person_ids: entry.personIds ? JSON.stringify(entry.personIds) : null,
    details_json: detailsJson(entry),
    prev_hash: prevHash,
    key_id: keyId,
  };
}

/** The listed families go into the hashed details: the evidence of what was shown is the chained row. */
function detailsJson(entry: AuditEntry): string | null {
  const listed = entry.listedFamilyIds;
  // `familyIds` is what the listed-families index is folded from: only a list may name families there.
  if (entry.details && 'familyIds' in entry.details)
    throw new Error('details.familyIds is reserved for listedFamilyIds');
  if (listed) return JSON.stringify({ ...entry.details, familyIds: listed });
  return entry.details ? JSON.stringify(entry.details) : null;
}

let envKeyRing: { raw: string | undefined; ring: AuditKeyRing | null } | undefined;

/**
 * The key of the database's anchor (openDatabase attaches one); for a Kysely instance made some other way,
 * NESTWERK_AUDIT_KEY. Never an unkeyed row: once a chain is keyed, a legacy row after it fails verification.
 */
function keyRingFor(trx: Transaction<Database>): AuditKeyRing {
  const anchored = auditAnchorOf(trx)?.settings.keyRing;
  if (anchored) return anchored;
  const raw = process.env.NESTWERK_AUDIT_KEY;
  const cached: { raw: string | undefined; ring: AuditKeyRing | null } =
    envKeyRing !== undefined && envKeyRing.raw === raw
      ? envKeyRing
      : { raw, ring: raw ? envOnlyKeyRing() : null };
  envKeyRing = cached;
  if (!cached.ring)
    throw new Error('No audit key: set NESTWERK_AUDIT_KEY or open the database with openDatabase');
  return cached.ring;
}

function isPostgres(trx: Transaction<Database>): boolean {
  return trx.getExecutor().adapter instanceof PostgresAdapter;
}

/** For events that change nothing else (a log-in, a denial, a read): the audit row in its own transaction. */
export function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<AuditRecord> {
  return db.transaction().execute((trx) => appendAudit(trx, entry));
}
