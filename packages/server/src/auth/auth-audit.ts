import type { Kysely, Transaction } from 'kysely';
import { type AuditBasis, type AuditOutcome, appendAudit } from '../audit/append.ts';
import type { Database, Role } from '../db/schema.ts';

export interface AuthUser {
  id: string;
  role: Role;
  organisationId: string;
}

export interface AuthAuditEvent {
  action:
    | 'login'
    | 'login.failed'
    | 'logout'
    | 'password.change'
    | 'admin.user.create'
    | 'admin.user.reset_password'
    | 'recovery_codes.issue'
    | 'admin.user.list'
    | 'request.unauthenticated'
    | 'request.csrf_rejected';
  outcome: AuditOutcome;
  /** Null for an attempt on an unknown address: the typed address is not logged (it may be a password). */
  user: AuthUser | null;
  clientIp: string | null;
  basis?: AuditBasis;
  details?: Record<string, unknown>;
  at?: Date;
}

/**
 * NEN 7513 asks for every log-in, failed log-in and log-out in the same hash-chained log as data access. Inside
 * the caller's transaction when given one (so the record commits with the change), else in its own.
 */
export async function auditAuth(db: Kysely<Database>, event: AuthAuditEvent): Promise<void> {
  const entry = {
    action: event.action,
    outcome: event.outcome,
    userId: event.user?.id ?? null,
    userRole: event.user?.role ?? null,
    organisationId: event.user?.organisationId ?? null,
    // Administration is done for the organisation; a log-in or a password change only for oneself.
    onBehalfOf: event.basis === 'admin' && event.user ? `organisation:${event.user.organisationId}` : null,
    basis: event.basis ?? null,
    clientIp: event.clientIp,
    details: event.details ?? null,
    ...(event.at ? { at: event.at } : {}),
  };
  if (db.isTransaction) await appendAudit(db as Transaction<Database>, entry);
  else await db.transaction().execute((trx) => appendAudit(trx, entry));
}
