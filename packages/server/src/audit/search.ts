import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { auditRowsOfFamily } from '../repositories/family-audit-rows.ts';
import type { AuditRecord } from './append.ts';

export interface AuditQuery {
  familyId?: string;
  userId?: string;
  /** Inclusive. A date (`YYYY-MM-DD`) means the start of that day (UTC). */
  from?: string;
  /** Inclusive. A date (`YYYY-MM-DD`) means the whole of that day (UTC). */
  to?: string;
  offset: number;
  limit: number;
}

export const AUDIT_SEARCH_MAX_LIMIT = 500;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Newest first. `total` counts every match, for paging. */
export async function searchAudit(
  db: Kysely<Database>,
  query: AuditQuery,
): Promise<{ items: AuditRecord[]; total: number }> {
  // By family: its own rows and the lists that showed it (each list's own row names all its families).
  let base =
    query.familyId === undefined
      ? db.selectFrom('audit_log')
      : db.selectFrom(auditRowsOfFamily(db, query.familyId).as('audit_log'));
  if (query.userId !== undefined) base = base.where('user_id', '=', query.userId);
  if (query.from !== undefined) base = base.where('at', '>=', normaliseInstant(query.from));
  if (query.to !== undefined) {
    // Timestamps are ISO text, so comparing strings compares instants; a bare date must cover its whole day.
    base = DATE.test(query.to)
      ? base.where('at', '<', nextDay(query.to))
      : base.where('at', '<=', normaliseInstant(query.to));
  }
  const limit = Math.max(0, Math.min(query.limit, AUDIT_SEARCH_MAX_LIMIT));
  const [items, counted] = await Promise.all([
    base.selectAll().orderBy('seq', 'desc').offset(Math.max(0, query.offset)).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(counted.n) };
}

function normaliseInstant(value: string): string {
  if (DATE.test(value)) return `${value}T00:00:00.000Z`;
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) throw new RangeError(`Not a date or timestamp: "${value}"`);
  return t.toISOString();
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: "${date}"`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
