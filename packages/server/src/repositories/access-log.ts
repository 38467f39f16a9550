import type { Db } from './db.ts';
import { auditRowsOfFamily } from './family-audit-rows.ts';

export interface AccessLogRow {
  seq: number;
  at: string;
  user_id: string | null;
  user_name: string | null;
  user_role: string | null;
  organisation_id: string | null;
  action: string;
  outcome: string;
  purpose: string | null;
  basis: string | null;
  basis_detail: string | null;
}

/** A family's access history (who looked, when, why), newest first, from the audit log. */
export function listFamilyAccess(
  db: Db,
  familyId: string,
  opts: { offset: number; limit: number },
): Promise<AccessLogRow[]> {
  return db
    .selectFrom(auditRowsOfFamily(db, familyId).as('a'))
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.seq',
      'a.at',
      'a.user_id',
      'u.display_name as user_name',
      'a.user_role',
      'a.organisation_id',
      'a.action',
      'a.outcome',
      'a.purpose',
      'a.basis',
      'a.basis_detail',
    ])
    .orderBy('a.seq', 'desc')
    .offset(opts.offset)
    .limit(opts.limit)
    .execute();
}

export async function countFamilyAccess(db: Db, familyId: string): Promise<number> {
  const row = await db
    .selectFrom(auditRowsOfFamily(db, familyId).as('a'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
