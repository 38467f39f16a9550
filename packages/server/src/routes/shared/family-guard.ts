import { HttpError } from '../../http/errors.ts';
import { type AccessBasis, decideFamilyAccess, type FamilyAction } from '../../policies/family-access.ts';
import { resolveFamilyFacts } from '../../policies/family-facts.ts';
import type { Db } from '../../repositories/db.ts';
import { writeAudit } from './audit-trail.ts';
import type { RequestContext } from './context.ts';
import { notFound } from './not-found.ts';

/** How the principal came to this family, handed to the work so it can show it (emergency banner). */
export interface Grant {
  familyId: string;
  basis: AccessBasis;
  reason: string | null;
  expiresAt: string | null;
}

/** What the work returns: the response value and what the audit row should say about it. */
export interface Audited<T> {
  value: T;
  personIds?: string[];
  details?: Record<string, unknown>;
  /** Overrides the grant's reason, e.g. the reason just given when breaking the glass. */
  basisDetail?: string;
}

export interface FamilyOperation {
  /** The family, or how to find it from the addressed resource (contact, person, …) inside the transaction. */
  family: string | ((trx: Db) => Promise<string | undefined>);
  action: FamilyAction;
  /** The audit action, e.g. 'family.read', 'contact.update', 'export'. */
  audit: string;
  /** Purpose of use (NEN 7513); 'care' unless said otherwise. */
  purpose?: string;
}

class Denied {
  constructor(
    readonly familyId: string | null,
    readonly why: string,
  ) {}
}

/**
 * The chain every family-scoped route runs through: find the family → decide (policies) → do the work → write
 * the audit row, all in ONE transaction, so the audit record commits with the data and before the response.
 * A denial (or a family that does not exist) is audited in a transaction of its own and answers the same 404;
 * a failed allowed operation (a stale version, an invalid reference) is audited as a failure.
 */
export async function withFamily<T>(
  ctx: RequestContext,
  op: FamilyOperation,
  work: (trx: Db, grant: Grant) => Promise<Audited<T>>,
): Promise<T> {
  const { principal } = ctx;
  // Set once the decision allowed the operation, so a later failure is audited with its basis.
  const state: { grant: Grant | null } = { grant: null };
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const familyId = typeof op.family === 'string' ? op.family : await op.family(trx);
      if (familyId === undefined) throw new Denied(null, 'not_found');
      const facts = await resolveFamilyFacts(trx, principal, familyId, ctx.now, ctx.today);
      const decision = decideFamilyAccess(principal.role, op.action, facts);
      if (!decision.allowed) throw new Denied(familyId, decision.why);
      const grant: Grant = {
        familyId,
        basis: decision.basis,
        reason: decision.reason,
        expiresAt: decision.expiresAt,
      };
      state.grant = grant;
      const done = await work(trx, grant);
      await writeAudit(trx, ctx, {
        action: op.audit,
        outcome: 'success',
        purpose: op.purpose ?? 'care',
        basis: grant.basis,
        basisDetail: done.basisDetail ?? grant.reason,
        familyId,
        personIds: done.personIds ?? [],
        details: done.details ?? null,
      });
      return done.value;
    });
  } catch (err) {
    if (err instanceof Denied) {
      await auditDenial(ctx, op.audit, err.familyId, err.why);
      throw notFound();
    }
    const failed = state.grant;
    if (err instanceof HttpError && failed !== null) {
      await ctx.db.transaction().execute((trx) =>
        writeAudit(trx, ctx, {
          action: op.audit,
          outcome: 'failure',
          purpose: op.purpose ?? 'care',
          basis: failed.basis,
          basisDetail: failed.reason,
          familyId: failed.familyId,
          personIds: [],
          details: { error: err.error, field: err.field ?? null },
        }),
      );
    }
    throw err;
  }
}

/** 'access.denied' with what was attempted and why (internal only: the client sees a plain 404). */
export async function auditDenial(
  ctx: RequestContext,
  attempted: string,
  familyId: string | null,
  why: string,
): Promise<void> {
  await ctx.db.transaction().execute((trx) =>
    writeAudit(trx, ctx, {
      action: 'access.denied',
      outcome: 'denied',
      purpose: 'care',
      basis: 'none',
      basisDetail: null,
      familyId,
      personIds: [],
      details: { attempted, why },
    }),
  );
}
