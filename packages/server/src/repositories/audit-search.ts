import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema.ts';
import type { Db } from './db.ts';
import { auditRowsOfFamily } from './family-audit-rows.ts';

export interface OrganisationAuditQuery {
  organisationId: string;
  familyId?: string | undefined;
  userId?: string | undefined;
  /** Inclusive ISO instant. */
  from?: string | undefined;
  /** Exclusive ISO instant. */
  before?: string | undefined;
  offset: number;
  limit: number;
}

/**
 * The audit search for one organisation's application manager: what its own users did, and every attempt on
 * its families (including from other organisations). Another tenant's log stays invisible.
 */
export async function searchOrganisationAudit(
  db: Db,
  q: OrganisationAuditQuery,
): Promise<{ rows: Selectable<AuditLogTable>[]; total: number }> {
  // By family: its own rows and the lists that showed it (each list's own row names all its families).
  const source =
    q.familyId === undefined
      ? db.selectFrom('audit_log as a')
      : db.selectFrom(auditRowsOfFamily(db, q.familyId).as('a'));
  let base = source.where((eb) =>
    eb.or([
      eb('a.organisation_id', '=', q.organisationId),
      eb(
        'a.family_id',
        'in',
        eb
          .selectFrom('families')
          .select('families.id')
          .where('families.organisation_id', '=', q.organisationId),
      ),
    ]),
  );
  if (q.userId !== undefined) base = base.where('a.user_id', '=', q.userId);
  if (q.from !== undefined) base = base.where('a.at', '>=', q.from);
  if (q.before !== undefined) base = base.where('a.at', '<', q.before);
  const [rows, counted] = await Promise.all([
    base.selectAll('a').orderBy('a.seq', 'desc').offset(q.offset).limit(q.limit).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(counted?.n ?? 0) };
}
