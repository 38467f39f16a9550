import type { AuditBasis } from '../../audit/index.ts';
import { readOnly } from '../../db/read-only.ts';
import type { Role } from '../../db/schema.ts';
import { HttpError } from '../../http/errors.ts';
import type { Db } from '../../repositories/db.ts';
import { auditRead } from './audit-batch.ts';
import { type DomainAuditLine, writeAudit } from './audit-trail.ts';
import type { RequestContext } from './context.ts';
import { type Audited, auditDenial } from './family-guard.ts';

export interface Operation {
  audit: string;
  purpose: string;
  /** The basis of access recorded with the row, e.g. 'care_relationship' for a caseload list, 'admin'. */
  basis: AuditBasis;
  familyId?: string | null;
}

function line<T>(op: Operation, done: Audited<T>): DomainAuditLine {
  return {
    action: op.audit,
    outcome: 'success',
    purpose: op.purpose,
    basis: op.basis,
    basisDetail: null,
    familyId: op.familyId ?? null,
    personIds: done.personIds ?? [],
    details: done.details ?? null,
  };
}

/**
 * A read that is not about one family (search, worklist, audit search, review queue): its reads (readOnly),
 * then its audit row, committed before the answer is returned.
 */
export async function readAudited<T>(
  ctx: RequestContext,
  op: Operation,
  work: (trx: Db) => Promise<Audited<T>>,
): Promise<T> {
  const done = await readOnly(ctx.db, work);
  // One row names every family shown (`familyIds`, hashed); each family's log finds it by the listed index.
  await auditRead(ctx, { ...line(op, done), listedFamilyIds: done.listedFamilyIds ?? [] });
  return done.value;
}

/** A change that is not about one family's file (reviewing an emergency access): change and audit row, one transaction. */
export function writeAudited<T>(
  ctx: RequestContext,
  op: Operation,
  work: (trx: Db) => Promise<Audited<T>>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const done = await work(trx);
    await writeAudit(trx, ctx, line(op, done));
    return done.value;
  });
}

/**
 * A role-level refusal (an analyst asking for the worklist): it reveals nothing about any family, so it is an
 * honest 403 — audited like every denial.
 */
export async function requireRoleFor(
  ctx: RequestContext,
  allowed: (role: Role) => boolean,
  attempted: string,
): Promise<void> {
  if (allowed(ctx.principal.role)) return;
  await auditDenial(ctx, attempted, null, 'role');
  throw new HttpError('forbidden', 'Your role does not give access to this.');
}
