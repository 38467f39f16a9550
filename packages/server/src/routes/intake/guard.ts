import { readOnly } from '../../db/read-only.ts';
import { HttpError } from '../../http/errors.ts';
import { decideReceiverAccess, type SharingState, sharingState } from '../../policies/referrals.ts';
import { findConsent } from '../../repositories/consents.ts';
import type { Db } from '../../repositories/db.ts';
import { findReferral, type ReferralRow } from '../../repositories/referrals.ts';
import { auditRead } from '../shared/audit-batch.ts';
import { type DomainAuditLine, writeAudit } from '../shared/audit-trail.ts';
import type { RequestContext } from '../shared/context.ts';
import { type Audited, auditDenial } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

class Denied {
  constructor(
    readonly familyId: string | null,
    readonly why: string,
  ) {}
}

export interface ReceivedOperation {
  /** The audit action, e.g. 'referral.intake.read'. */
  audit: string;
  /** Whether this operation reads or adds to what was shared: refused once sharing has stopped. */
  sharesData: boolean;
  /** A read runs in a read-only transaction and group-commits its audit row (audit-batch.ts) before answering. */
  reads?: boolean;
}

function closedSharing(referral: ReferralRow, sharing: Exclude<SharingState, { open: true }>): HttpError {
  return new HttpError(
    'forbidden',
    sharing.reason === 'consent_withdrawn'
      ? 'The parents withdrew their consent: the information shared with this referral can no longer be read or added to.'
      : 'The consent for this referral has expired: the information shared with it can no longer be read or added to.',
    undefined,
    {
      reason: sharing.reason,
      referral: {
        id: referral.id,
        status: referral.status,
        consentWithdrawnAt: referral.consent_withdrawn_at,
      },
    },
  );
}

/**
 * The receiving side's chain, the counterpart of withFamily: find the referral → decide (policies) → check
 * that sharing still rests on a valid basis → work → audit. A change commits with its audit row in one
 * transaction; a read runs through readOnly (db/read-only.ts) and its row is committed before the answer
 * leaves. The audit row names the family (internally: the family's access log shows who at the partner read
 * its referral) with the basis the sharing rests on; the receiver itself only ever sees the referral id.
 */
export async function withReceivedReferral<T>(
  ctx: RequestContext,
  referralId: string,
  op: ReceivedOperation,
  work: (trx: Db, referral: ReferralRow, sharing: SharingState) => Promise<Audited<T>>,
): Promise<T> {
  const state: { referral: ReferralRow | null } = { referral: null };
  const line = (referral: ReferralRow, done: Audited<T>): DomainAuditLine => ({
    action: op.audit,
    outcome: 'success',
    purpose: 'referral',
    basis: referral.basis,
    basisDetail: null,
    familyId: referral.family_id,
    personIds: [],
    details: { referralId, ...done.details },
  });
  const run = async (trx: Db) => {
    const referral = await findReferral(trx, referralId);
    const decision = decideReceiverAccess(
      ctx.principal,
      referral
        ? { receiverOrganisationId: referral.receiver_organisation_id, status: referral.status }
        : undefined,
    );
    if (!decision.allowed || !referral)
      throw new Denied(referral?.family_id ?? null, decision.allowed ? 'not_found' : decision.why);
    state.referral = referral;
    const consent = referral.consent_id ? await findConsent(trx, referral.consent_id) : undefined;
    const sharing = sharingState(referral, consent, ctx.today);
    if (op.sharesData && !sharing.open) throw closedSharing(referral, sharing);
    return { referral, done: await work(trx, referral, sharing) };
  };
  try {
    if (op.reads) {
      const { referral, done } = await readOnly(ctx.db, run);
      await auditRead(ctx, line(referral, done));
      return done.value;
    }
    return await ctx.db.transaction().execute(async (trx) => {
      const { referral, done } = await run(trx);
      await writeAudit(trx, ctx, line(referral, done));
      return done.value;
    });
  } catch (err) {
    if (err instanceof Denied) {
      await auditDenial(ctx, op.audit, err.familyId, err.why);
      throw notFound();
    }
    const seen = state.referral;
    if (err instanceof HttpError && seen !== null)
      await auditRead(ctx, {
        action: op.audit,
        outcome: err.status === 403 ? 'denied' : 'failure',
        purpose: 'referral',
        basis: seen.basis,
        basisDetail: null,
        familyId: seen.family_id,
        personIds: [],
        details: {
          referralId,
          error: err.error,
          field: err.field ?? null,
          ...(err.extra ? { reason: err.extra.reason } : {}),
        },
      });
    throw err;
  }
}
