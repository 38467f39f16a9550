import type { ContactIn, ContactWithAssessment } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { ageColumns, compute } from '../../domain/contact-assessment.ts';
import { agreementFields, observationRows, parentFactorRows } from '../../domain/contact-rows.ts';
import { presentContactWithAssessment } from '../../presenters/contact.ts';
import {
  findAgreementByContact,
  insertAgreement,
  rewriteAgreement,
  supersedeFollowUps,
} from '../../repositories/agreements.ts';
import { insertAssessment, replaceAssessment } from '../../repositories/assessments.ts';
import {
  findContact,
  findContactFamilyId,
  insertContact,
  updateContact,
} from '../../repositories/contacts.ts';
import type { Db } from '../../repositories/db.ts';
import { listObservations, replaceObservations } from '../../repositories/observations.ts';
import { listParentFactors, replaceParentFactors } from '../../repositories/parent-factors.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { loadContactParts } from './contact-parts.ts';

/**
 * A finished contact that plans a follow-up replaces the family's older open follow-ups: the nurse has seen the
 * family, and the new date is the one to keep. Left open, the old ones stayed "overdue" on the worklist until
 * someone found and closed them by hand. A draft closes nothing: it may still change or be discarded.
 */
async function supersedeOlderFollowUps(
  trx: Db,
  ctx: RequestContext,
  familyId: string,
  body: ContactIn,
  agreement: { id: string; createdAt: string } | null,
): Promise<string[]> {
  if (body.status !== 'final' || !body.agreement?.followUpDue || !agreement) return [];
  return supersedeFollowUps(trx, familyId, agreement, ctx.at);
}

export function recordContact(
  ctx: RequestContext,
  familyId: string,
  body: ContactIn,
): Promise<ContactWithAssessment> {
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'contact.create' }, async (trx) => {
    const { age, values } = await compute(trx, ctx, familyId, body);
    const id = uuid();
    const { at, principal } = ctx;
    await insertContact(trx, {
      id,
      family_id: familyId,
      child_id: body.childId,
      professional_id: principal.userId,
      type: body.type,
      date: body.date,
      ...ageColumns(age),
      status: body.status,
      notes: body.notes ?? null,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await replaceObservations(trx, id, observationRows(id, body, at));
    await replaceParentFactors(trx, id, parentFactorRows(id, body, at));
    await insertAssessment(trx, {
      id: uuid(),
      contact_id: id,
      family_id: familyId,
      created_at: at,
      ...values,
    });
    const agreementId = uuid();
    if (body.agreement)
      await insertAgreement(trx, {
        id: agreementId,
        family_id: familyId,
        contact_id: id,
        ...agreementFields(body.agreement),
        status: 'open',
        created_by: principal.userId,
        created_at: at,
        updated_at: at,
        version: 1,
      });
    const superseded = await supersedeOlderFollowUps(trx, ctx, familyId, body, {
      id: agreementId,
      createdAt: at,
    });
    const parts = await loadContactParts(trx, id);
    return {
      value: presentContactWithAssessment(parts, ctx.today),
      personIds: [body.childId],
      details: {
        contactId: id,
        status: body.status,
        ...(superseded.length > 0 ? { supersededAgreements: superseded } : {}),
      },
    };
  });
}

export function readContact(ctx: RequestContext, contactId: string): Promise<ContactWithAssessment> {
  return withFamily(
    ctx,
    { family: (trx) => findContactFamilyId(trx, contactId), action: 'read', audit: 'contact.read' },
    async (trx) => {
      const parts = await loadContactParts(trx, contactId);
      return {
        value: presentContactWithAssessment(parts, ctx.today),
        personIds: [parts.contact.child_id],
        details: { contactId },
      };
    },
  );
}

export function reviseContact(
  ctx: RequestContext,
  contactId: string,
  body: ContactIn & { version: number },
): Promise<ContactWithAssessment> {
  return withFamily(
    ctx,
    { family: (trx) => findContactFamilyId(trx, contactId), action: 'write', audit: 'contact.update' },
    async (trx, grant) => {
      const { age, values } = await compute(trx, ctx, grant.familyId, body);
      const { at } = ctx;
      const patch = {
        child_id: body.childId,
        type: body.type,
        date: body.date,
        ...ageColumns(age),
        status: body.status,
        notes: body.notes ?? null,
      };
      if (!(await updateContact(trx, contactId, body.version, patch, at)))
        throw conflict(
          'contact',
          presentContactWithAssessment(await loadContactParts(trx, contactId), ctx.today),
        );
      const previous = await listObservations(trx, contactId);
      await replaceObservations(trx, contactId, observationRows(contactId, body, at, previous));
      const previousParents = await listParentFactors(trx, contactId);
      await replaceParentFactors(trx, contactId, parentFactorRows(contactId, body, at, previousParents));
      await replaceAssessment(trx, contactId, values);
      const existing = await findAgreementByContact(trx, contactId);
      // Leaving out the agreement keeps the one recorded earlier: an edit never silently drops an agreement.
      let own: { id: string; createdAt: string } | null = null;
      if (body.agreement && existing) {
        await rewriteAgreement(trx, existing.id, agreementFields(body.agreement), at);
        own = { id: existing.id, createdAt: existing.created_at };
      } else if (body.agreement) {
        const contact = await findContact(trx, contactId);
        own = { id: uuid(), createdAt: contact?.created_at ?? at };
        await insertAgreement(trx, {
          id: own.id,
          family_id: grant.familyId,
          contact_id: contactId,
          ...agreementFields(body.agreement),
          status: 'open',
          created_by: ctx.principal.userId,
          created_at: own.createdAt,
          updated_at: at,
          version: 1,
        });
      }
      const superseded = await supersedeOlderFollowUps(trx, ctx, grant.familyId, body, own);
      const parts = await loadContactParts(trx, contactId);
      return {
        value: presentContactWithAssessment(parts, ctx.today),
        personIds: [body.childId],
        details: {
          contactId,
          status: body.status,
          ...(superseded.length > 0 ? { supersededAgreements: superseded } : {}),
        },
      };
    },
  );
}
