import { readOnly } from '../../db/read-only.ts';
import { HttpError } from '../../http/errors.ts';
import {
  type AccessBasis,
  decideFamilyAccess,
  type FamilyAction,
  type FamilyDecision,
  type FamilyFacts,
} from '../../policies/family-access.ts';
import { resolveFamilyFacts, resolveFamilyFactsWithFile } from '../../policies/family-facts.ts';
import type { Db } from '../../repositories/db.ts';
import type { FamilyFile } from '../../repositories/family-file.ts';
import { auditRead } from './audit-batch.ts';
import { type DomainAuditLine, writeAudit } from './audit-trail.ts';
import type { RequestContext } from './context.ts';
import { notFound } from './not-found.ts';

/** How the principal came to this family, handed to the work so it can show it (emergency banner). */
export interface Grant {
  familyId: string;
  basis: AccessBasis;
  reason: string | null;
  expiresAt: string | null;
  /** The emergency access grant the principal acts under, when basis is 'emergency'. */
  emergencyId: string | null;
}

/** What the work returns: the response value and what the audit row should say about it. */
export interface Audited<T> {
  value: T;
  personIds?: string[];
  details?: Record<string, unknown>;
  /** Overrides the grant's reason, e.g. the reason just given when breaking the glass. */
  basisDetail?: string;
  /** The grant just created when breaking the glass (the row acts on behalf of it). */
  emergencyId?: string;
  /**
   * Families shown in a list (search, worklist): each gets a row of its own with its family_id, so the
   * family's access log and export show that it was listed, and by whom.
   */
  listedFamilyIds?: readonly string[];
}

export interface FamilyOperation {
  /** The family, or how to find it from the addressed resource (contact, person, …) inside the transaction. */
  family: string | ((trx: Db) => Promise<string | undefined>);
  action: FamilyAction;
  /** The audit action, e.g. 'family.read', 'contact.update', 'export'. */
  audit: string;
  /** Purpose of use (NEN 7513); 'care' unless said otherwise. */
  purpose?: string;
  /**
   * A read whose work needs the family file: on PostgreSQL the access check's own statement reads it
   * (resolveFamilyFactsWithFile, one round trip fewer) and the work is handed it once the read is allowed.
   */
  readsFile?: boolean;
}

/** Actions that only read: their audit row is group-committed (audit-batch.ts) before the answer leaves. */
const READS: ReadonlySet<FamilyAction> = new Set<FamilyAction>(['read', 'export', 'access_log']);

class Denied {
  constructor(
    readonly familyId: string | null,
    readonly why: string,
  ) {}
}

/** The grant, and the family file when the check read it too (only ever returned for an allowed operation). */
async function decide(
  trx: Db,
  ctx: RequestContext,
  op: FamilyOperation,
): Promise<{ grant: Grant; file: FamilyFile | undefined }> {
  const familyId = typeof op.family === 'string' ? op.family : await op.family(trx);
  if (familyId === undefined) throw new Denied(null, 'not_found');
  const args = [trx, ctx.principal, familyId, ctx.now, ctx.today, ctx.emergencyAccessHours] as const;
  let facts: FamilyFacts;
  let file: FamilyFile | undefined;
  if (op.readsFile && READS.has(op.action)) ({ facts, file } = await resolveFamilyFactsWithFile(...args));
  else facts = await resolveFamilyFacts(...args);
  const decision: FamilyDecision = decideFamilyAccess(ctx.principal.role, op.action, facts);
  // A denied read's file (read with the check) is dropped here, with the decision.
  if (!decision.allowed) throw new Denied(familyId, decision.why);
  const grant: Grant = {
    familyId,
    basis: decision.basis,
    reason: decision.reason,
    expiresAt: decision.expiresAt,
    emergencyId: decision.basis === 'emergency' ? (facts.emergency?.id ?? null) : null,
  };
  return { grant, file };
}

function successLine<T>(op: FamilyOperation, grant: Grant, done: Audited<T>): DomainAuditLine {
  return {
    action: op.audit,
    outcome: 'success',
    purpose: op.purpose ?? 'care',
    basis: grant.basis,
    basisDetail: done.basisDetail ?? grant.reason,
    familyId: grant.familyId,
    personIds: done.personIds ?? [],
    details: done.details ?? null,
    emergencyId: done.emergencyId ?? grant.emergencyId,
  };
}

function failureLine(op: FamilyOperation, grant: Grant, err: HttpError): DomainAuditLine {
  return {
    action: op.audit,
    outcome: 'failure',
    purpose: op.purpose ?? 'care',
    basis: grant.basis,
    basisDetail: grant.reason,
    familyId: grant.familyId,
    personIds: [],
    details: { error: err.error, field: err.field ?? null },
    emergencyId: grant.emergencyId,
  };
}

/** Under emergency access the file is read-only: the user knows they hold it, so a 403 can say so. */
function emergencyReadOnly(): HttpError {
  return new HttpError(
    'forbidden',
    'Emergency access is read-only: consents, referrals, exports, letters and changes to the file are for the family’s own professionals.',
    undefined,
    { basis: 'emergency' },
  );
}

/** 'access.denied' with what was attempted and why (internal only: the client sees a plain 404). */
export function denialLine(attempted: string, familyId: string | null, why: string): DomainAuditLine {
  return {
    action: 'access.denied',
    outcome: 'denied',
    purpose: 'care',
    basis: 'none',
    basisDetail: null,
    familyId,
    personIds: [],
    details: { attempted, why },
  };
}

export function auditDenial(ctx: RequestContext, attempted: string, familyId: string | null, why: string) {
  return auditRead(ctx, denialLine(attempted, familyId, why));
}

/**
 * The chain every family-scoped route runs through: find the family → decide (policies) → do the work → audit.
 * - A write runs in ONE transaction with its audit row, so data and record commit (or vanish) together.
 * - A read runs its check and work through readOnly (db/read-only.ts); its audit row is committed
 *   before the answer is returned.
 * A denial, or a family that does not exist, is audited and answers the same 404 (a change under emergency
 * access: 403, the grant being known to its holder); a failed allowed operation
 * (a stale version, an invalid reference) is audited as a failure.
 */
export async function withFamily<T>(
  ctx: RequestContext,
  op: FamilyOperation,
  /** `file`: the family file, when the access check read it (`readsFile` on PostgreSQL); else read it here. */
  work: (trx: Db, grant: Grant, file: FamilyFile | undefined) => Promise<Audited<T>>,
): Promise<T> {
  const reading = READS.has(op.action);
  // Set once the decision allowed the operation, so a later failure is audited with its basis.
  const state: { grant: Grant | null } = { grant: null };
  try {
    if (reading) {
      const { grant, done } = await readOnly(ctx.db, async (trx) => {
        const { grant, file } = await decide(trx, ctx, op);
        state.grant = grant;
        return { grant, done: await work(trx, grant, file) };
      });
      await auditRead(ctx, successLine(op, grant, done));
      return done.value;
    }
    return await ctx.db.transaction().execute(async (trx) => {
      const { grant } = await decide(trx, ctx, op);
      state.grant = grant;
      const done = await work(trx, grant, undefined);
      await writeAudit(trx, ctx, successLine(op, grant, done));
      return done.value;
    });
  } catch (err) {
    if (err instanceof Denied) {
      await auditDenial(ctx, op.audit, err.familyId, err.why);
      if (err.why === 'not_under_emergency') throw emergencyReadOnly();
      throw notFound();
    }
    const failed = state.grant;
    if (err instanceof HttpError && failed !== null) await auditRead(ctx, failureLine(op, failed, err));
    throw err;
  }
}
