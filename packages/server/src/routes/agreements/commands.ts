import type { Agreement, AgreementPatchIn } from '@nestwerk/contract';
import { presentAgreement } from '../../presenters/agreement.ts';
import { type AgreementPatch, findAgreement, updateAgreement } from '../../repositories/agreements.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

/** Mark an agreement done, or move its follow-up date (what the worklist shows). */
export function patchAgreement(
  ctx: RequestContext,
  agreementId: string,
  body: AgreementPatchIn,
): Promise<Agreement> {
  return withFamily(
    ctx,
    {
      family: (trx) => findAgreement(trx, agreementId).then((a) => a?.family_id),
      action: 'write',
      audit: 'agreement.update',
    },
    async (trx) => {
      const patch: AgreementPatch = {};
      if (body.status !== undefined) patch.status = body.status;
      // Reopened by hand: it is no longer "replaced by a later follow-up".
      if (body.status === 'open') patch.superseded_by = null;
      if (body.followUpDue !== undefined) patch.follow_up_due = body.followUpDue;
      const current = await findAgreement(trx, agreementId);
      if (!current) throw notFound();
      if (!(await updateAgreement(trx, agreementId, body.version, patch, ctx.at)))
        throw conflict('agreement', presentAgreement(current, ctx.today));
      const saved = (await findAgreement(trx, agreementId)) ?? current;
      return {
        value: presentAgreement(saved, ctx.today),
        details: { agreementId, fields: Object.keys(patch) },
      };
    },
  );
}
