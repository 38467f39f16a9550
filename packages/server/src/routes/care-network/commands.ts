import type { CareNetwork, CareNetworkMemberIn, CareNetworkMemberPatchIn } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { HttpError } from '../../http/errors.ts';
import { presentCareNetwork } from '../../presenters/care-network.ts';
import {
  type CareNetworkPatch,
  clearCoordinator,
  findCareNetworkMember,
  insertCareNetworkMember,
  listCareNetwork,
  removeCareNetworkMember,
  updateCareNetworkMember,
} from '../../repositories/care-network.ts';
import type { Db } from '../../repositories/db.ts';
import { flag } from '../../repositories/db.ts';
import { findPartner } from '../../repositories/partners.ts';
import { conflict } from '../shared/conflict.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

/**
 * The care network around a family (wrapped care, seed 000 Thema 4; seed 004 "Belang van samenwerking"):
 * everyone involved inside and outside the organisation, and exactly one of them coordinates. The first
 * member coordinates until another is appointed.
 */
const network = async (trx: Db, familyId: string): Promise<CareNetwork> =>
  presentCareNetwork(await listCareNetwork(trx, familyId));

export function readCareNetwork(ctx: RequestContext, familyId: string): Promise<CareNetwork> {
  return withFamily(ctx, { family: familyId, action: 'read', audit: 'care_network.read' }, async (trx) => ({
    value: await network(trx, familyId),
  }));
}

async function resolveName(trx: Db, ctx: RequestContext, body: CareNetworkMemberIn): Promise<string> {
  let fallback: string | undefined;
  if (body.partnerId !== undefined) {
    const partner = await findPartner(trx, ctx.principal.organisationId, body.partnerId);
    if (!partner)
      throw new HttpError('invalid_input', 'This partner is not on your social map.', 'partnerId').because(
        'not_on_social_map',
      );
    fallback = partner.name;
  }
  if (body.userId !== undefined) {
    const user = await trx
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', body.userId)
      .where('organisation_id', '=', ctx.principal.organisationId)
      .executeTakeFirst();
    if (!user)
      throw new HttpError(
        'invalid_input',
        'This professional is not part of your organisation.',
        'userId',
      ).because('not_in_organisation');
    fallback = user.display_name;
  }
  const name = body.name ?? fallback;
  if (name === undefined)
    throw new HttpError('invalid_input', 'Give the name of the person or service.', 'name').because(
      'required',
    );
  return name;
}

export function addToCareNetwork(
  ctx: RequestContext,
  familyId: string,
  body: CareNetworkMemberIn,
): Promise<CareNetwork> {
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'care_network.add' }, async (trx) => {
    const name = await resolveName(trx, ctx, body);
    const current = await listCareNetwork(trx, familyId);
    const coordinator = body.coordinator || current.length === 0;
    if (coordinator) await clearCoordinator(trx, familyId, ctx.at);
    const id = uuid();
    await insertCareNetworkMember(trx, {
      id,
      family_id: familyId,
      name,
      role: body.role,
      organisation: body.organisation ?? null,
      partner_id: body.partnerId ?? null,
      user_id: body.userId ?? null,
      phone: body.phone ?? null,
      email: body.email ?? null,
      coordinator: coordinator ? 1 : 0,
      note: body.note ?? null,
      created_by: ctx.principal.userId,
      created_at: ctx.at,
      updated_at: ctx.at,
      removed_at: null,
      removed_by: null,
      version: 1,
    });
    return { value: await network(trx, familyId), details: { memberId: id, coordinator } };
  });
}

export function changeCareNetworkMember(
  ctx: RequestContext,
  familyId: string,
  memberId: string,
  body: CareNetworkMemberPatchIn,
): Promise<CareNetwork> {
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'care_network.update' }, async (trx) => {
    const member = await findCareNetworkMember(trx, familyId, memberId);
    if (!member) throw notFound();
    const patch: CareNetworkPatch & { coordinator?: number } = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.role !== undefined) patch.role = body.role;
    if (body.organisation !== undefined) patch.organisation = body.organisation;
    if (body.phone !== undefined) patch.phone = body.phone;
    if (body.email !== undefined) patch.email = body.email;
    if (body.note !== undefined) patch.note = body.note;
    if (member.version !== body.version) throw conflict('care network member', await network(trx, familyId));
    if (body.coordinator && !flag(member.coordinator)) {
      await clearCoordinator(trx, familyId, ctx.at);
      patch.coordinator = 1;
    }
    // Clearing the coordinator bumped nobody's version but theirs; this member's version is still the one read.
    if (!(await updateCareNetworkMember(trx, memberId, body.version, patch, ctx.at)))
      throw conflict('care network member', await network(trx, familyId));
    return { value: await network(trx, familyId), details: { memberId, fields: Object.keys(patch) } };
  });
}

export function removeFromCareNetwork(
  ctx: RequestContext,
  familyId: string,
  memberId: string,
): Promise<CareNetwork> {
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'care_network.remove' }, async (trx) => {
    const member = await findCareNetworkMember(trx, familyId, memberId);
    if (!member) throw notFound();
    const others = (await listCareNetwork(trx, familyId)).filter((m) => m.id !== memberId);
    if (flag(member.coordinator) && others.length > 0)
      throw new HttpError(
        'conflict',
        'This member coordinates the care around the family: appoint another coordinator first.',
        'coordinator',
      );
    await removeCareNetworkMember(trx, memberId, ctx.principal.userId, ctx.at);
    return { value: await network(trx, familyId), details: { memberId } };
  });
}
