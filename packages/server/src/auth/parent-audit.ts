import type { Kysely, Transaction } from 'kysely';
import { type AuditOutcome, appendAudit } from '../audit/append.ts';
import type { Database } from '../db/schema.ts';

export interface ParentActor {
  parentId: string;
  personId: string;
  familyId: string;
  organisationId: string;
}

/**
 * Every parent action goes into the same hash-chained log as professionals' (NEN 7513), with `user_role`
 * 'parent' and basis 'parent', on the family's file so it shows in the family's access history.
 */
export async function auditParent(
  db: Kysely<Database>,
  event: {
    action: string;
    outcome: AuditOutcome;
    parent: ParentActor | null;
    clientIp: string | null;
    details?: Record<string, unknown>;
    at?: Date | string;
  },
): Promise<void> {
  const entry = {
    action: event.action,
    outcome: event.outcome,
    userId: event.parent?.parentId ?? null,
    userRole: 'parent',
    organisationId: event.parent?.organisationId ?? null,
    basis: 'parent' as const,
    clientIp: event.clientIp,
    familyId: event.parent?.familyId ?? null,
    personIds: event.parent ? [event.parent.personId] : [],
    details: { actor: 'parent', ...(event.details ?? {}) },
    ...(event.at ? { at: event.at } : {}),
  };
  if (db.isTransaction) await appendAudit(db as Transaction<Database>, entry);
  else await db.transaction().execute((trx) => appendAudit(trx, entry));
}
