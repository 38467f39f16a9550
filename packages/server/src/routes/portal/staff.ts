import type { FamilySelfReport, HeldBack, InvitationOut, PortalAccess } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { INVITATION_DAYS, invitationCodeHash, newInvitationCode } from '../../auth/invitation-code.ts';
import { HttpError } from '../../http/errors.ts';
import { type PortalBlock, portalBlock } from '../../policies/portal-access.ts';
import { presentHeldBack, presentSelfReport } from '../../presenters/portal.ts';
import type { Db } from '../../repositories/db.ts';
import { listPersons, type PersonRow } from '../../repositories/persons.ts';
import {
  deleteHeldBack,
  deleteParentSessions,
  findHeldBack,
  findParentByPerson,
  flaggedPersonsOf,
  heldBackOf,
  insertHeldBack,
  insertInvitation,
  listParentsOfFamily,
  openInvitationsOf,
  revokeOpenInvitations,
  selfReportsOfFamily,
} from '../../repositories/portal.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

/* What a professional does about parents' portal access, always inside the family guard (care relationship, audit). */

async function accessOf(trx: Db, familyId: string, at: string): Promise<PortalAccess[]> {
  const persons = (await listPersons(trx, familyId)).filter((p) => p.kind === 'caregiver');
  const accounts = await listParentsOfFamily(trx, familyId);
  const invitations = await openInvitationsOf(trx, familyId, at);
  const flagged = await flaggedPersonsOf(trx, familyId);
  return persons.map((p) => {
    const account = accounts.find((a) => a.person_id === p.id);
    const invitation = invitations.find((i) => i.person_id === p.id);
    const authority = p.parental_authority === null ? null : Number(p.parental_authority) === 1;
    // Unrecorded authority does not block inviting: the invitation records the professional's check.
    const blocked: PortalBlock | null =
      authority === false ? 'no_parental_authority' : flagged.has(p.id) ? 'safety_route' : null;
    return {
      personId: p.id,
      givenName: p.given_name,
      familyName: p.family_name,
      role: p.caregiver_role,
      parentalAuthority: authority,
      flaggedInSafetyRoute: flagged.has(p.id),
      blocked,
      account: account
        ? {
            email: account.email,
            createdAt: account.created_at,
            status:
              account.suspended_at !== null
                ? ('suspended' as const)
                : account.totp_enrolled_at === null &&
                    Number(account.is_demo) !== 1 &&
                    account.login_method !== 'citizen'
                  ? ('enrolling' as const)
                  : ('active' as const),
            suspendedAt: account.suspended_at,
            suspendedReason: account.suspended_reason,
          }
        : null,
      invitation: invitation ? { createdAt: invitation.created_at, expiresAt: invitation.expires_at } : null,
    };
  });
}

async function oneAccess(trx: Db, familyId: string, personId: string, at: string): Promise<PortalAccess> {
  const found = (await accessOf(trx, familyId, at)).find((a) => a.personId === personId);
  if (!found) throw notFound();
  return found;
}

async function caregiverOf(trx: Db, familyId: string, personId: string): Promise<PersonRow> {
  const person = (await listPersons(trx, familyId)).find((p) => p.id === personId);
  if (!person) throw notFound();
  if (person.kind !== 'caregiver')
    throw new HttpError('unprocessable', 'Only a caregiver can have portal access.', 'personId').because(
      'access_refused',
      { reason: 'not_caregiver' },
    );
  return person;
}

export function portalAccessList(
  ctx: RequestContext,
  familyId: string,
): Promise<{ caregivers: PortalAccess[] }> {
  return withFamily(ctx, { family: familyId, action: 'read', audit: 'portal.access.read' }, async (trx) => ({
    value: { caregivers: await accessOf(trx, familyId, ctx.at) },
  }));
}

export function invite(ctx: RequestContext, familyId: string, personId: string): Promise<InvitationOut> {
  return withFamily(
    ctx,
    { family: familyId, action: 'write', audit: 'portal.invitation.create' },
    async (trx) => {
      const person = await caregiverOf(trx, familyId, personId);
      if (person.parental_authority === null)
        await trx.updateTable('persons').set({ parental_authority: 1 }).where('id', '=', personId).execute();
      const block = await portalBlock(trx, personId, familyId);
      if (block)
        throw new HttpError('unprocessable', 'This caregiver cannot be invited to the portal.', 'personId', {
          reason: block,
        }).because('access_refused', { reason: block });
      await revokeOpenInvitations(trx, personId, ctx.at);
      const code = newInvitationCode();
      const id = uuid();
      const expiresAt = new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
      await insertInvitation(trx, {
        id,
        family_id: familyId,
        person_id: personId,
        code_hash: invitationCodeHash(code),
        created_by: ctx.principal.userId,
        created_at: ctx.at,
        expires_at: expiresAt,
        used_at: null,
        revoked_at: null,
      });
      return {
        value: { personId, code, createdAt: ctx.at, expiresAt },
        personIds: [personId],
        details: {
          invitationId: id,
          expiresAt,
          parentalAuthorityRecorded: person.parental_authority === null,
        },
      };
    },
  );
}

export function setParentalAuthority(
  ctx: RequestContext,
  familyId: string,
  personId: string,
  value: boolean,
): Promise<PortalAccess> {
  return withFamily(
    ctx,
    { family: familyId, action: 'write', audit: 'portal.parental_authority' },
    async (trx) => {
      await caregiverOf(trx, familyId, personId);
      await trx
        .updateTable('persons')
        .set({ parental_authority: value ? 1 : 0 })
        .where('id', '=', personId)
        .execute();
      const account = await findParentByPerson(trx, personId);
      if (!value) {
        await revokeOpenInvitations(trx, personId, ctx.at);
        if (account) await deleteParentSessions(trx, account.id);
      }
      return {
        value: await oneAccess(trx, familyId, personId, ctx.at),
        personIds: [personId],
        details: { parentalAuthority: value },
      };
    },
  );
}

export function suspend(
  ctx: RequestContext,
  familyId: string,
  personId: string,
  reason: string,
): Promise<PortalAccess> {
  return withFamily(
    ctx,
    { family: familyId, action: 'write', audit: 'portal.access.suspend' },
    async (trx) => {
      await caregiverOf(trx, familyId, personId);
      const account = await findParentByPerson(trx, personId);
      if (!account)
        throw new HttpError('conflict', 'This caregiver has no portal account.').because('no_account');
      if (account.suspended_at !== null)
        throw new HttpError('conflict', 'Portal access is already suspended.', undefined, {
          current: await oneAccess(trx, familyId, personId, ctx.at),
        });
      await trx
        .updateTable('parent_accounts')
        .set((eb) => ({
          suspended_at: ctx.at,
          suspended_reason: reason,
          suspended_by: ctx.principal.userId,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', account.id)
        .execute();
      // Suspension takes effect now, not when the parent's session would have ended.
      await deleteParentSessions(trx, account.id);
      await revokeOpenInvitations(trx, personId, ctx.at);
      return {
        value: await oneAccess(trx, familyId, personId, ctx.at),
        personIds: [personId],
        details: { parentId: account.id, reason },
      };
    },
  );
}

export function resume(
  ctx: RequestContext,
  familyId: string,
  personId: string,
  reason: string,
): Promise<PortalAccess> {
  return withFamily(
    ctx,
    { family: familyId, action: 'write', audit: 'portal.access.resume' },
    async (trx) => {
      await caregiverOf(trx, familyId, personId);
      const account = await findParentByPerson(trx, personId);
      if (!account || account.suspended_at === null)
        throw new HttpError('conflict', 'Portal access is not suspended.', undefined, {
          current: await oneAccess(trx, familyId, personId, ctx.at),
        });
      await trx
        .updateTable('parent_accounts')
        .set((eb) => ({
          suspended_at: null,
          suspended_reason: null,
          suspended_by: null,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', account.id)
        .execute();
      return {
        value: await oneAccess(trx, familyId, personId, ctx.at),
        personIds: [personId],
        details: { parentId: account.id, reason },
      };
    },
  );
}

export function flagInSafetyRoute(ctx: RequestContext, routeId: string, personId: string): Promise<void> {
  return withFamily(
    ctx,
    {
      family: (trx) =>
        trx
          .selectFrom('safety_routes')
          .select('family_id')
          .where('id', '=', routeId)
          .executeTakeFirst()
          .then((r) => r?.family_id),
      action: 'write',
      audit: 'safety_route.flag_person',
    },
    async (trx, grant) => {
      const route = await trx
        .selectFrom('safety_routes')
        .select(['status'])
        .where('id', '=', routeId)
        .executeTakeFirstOrThrow();
      if (route.status !== 'open')
        throw new HttpError('conflict', 'This safety route is closed.').because('route_closed');
      await caregiverOf(trx, grant.familyId, personId);
      await trx
        .insertInto('safety_route_persons')
        .values({
          route_id: routeId,
          person_id: personId,
          flagged_by: ctx.principal.userId,
          flagged_at: ctx.at,
        })
        .onConflict((oc) => oc.columns(['route_id', 'person_id']).doNothing())
        .execute();
      const account = await findParentByPerson(trx, personId);
      if (account) await deleteParentSessions(trx, account.id);
      await revokeOpenInvitations(trx, personId, ctx.at);
      return { value: undefined, personIds: [personId], details: { routeId } };
    },
  );
}

export function familySelfReports(
  ctx: RequestContext,
  familyId: string,
): Promise<{ items: FamilySelfReport[] }> {
  return withFamily(
    ctx,
    { family: familyId, action: 'read', audit: 'portal.self_report.read' },
    async (trx) => {
      const persons = new Map((await listPersons(trx, familyId)).map((p) => [p.id, p]));
      const rows = await selfReportsOfFamily(trx, familyId);
      return {
        value: {
          items: rows.map((r) => {
            const p = persons.get(r.person_id);
            return {
              ...presentSelfReport(r),
              reportedBy: {
                id: r.person_id,
                name: p ? `${p.given_name} ${p.family_name}` : '',
                role: p?.caregiver_role ?? null,
              },
            };
          }),
        },
        personIds: [...new Set(rows.map((r) => r.person_id))],
      };
    },
  );
}

const SUBJECT_TABLE = { contact: 'contacts', agreement: 'agreements', referral: 'referrals' } as const;

export function holdBack(
  ctx: RequestContext,
  familyId: string,
  body: { kind: HeldBack['kind']; subjectId: string; reason: string },
): Promise<HeldBack> {
  return withFamily(ctx, { family: familyId, action: 'write', audit: 'portal.hold_back' }, async (trx) => {
    const subject = await trx
      .selectFrom(SUBJECT_TABLE[body.kind])
      .select('family_id')
      .where('id', '=', body.subjectId)
      .executeTakeFirst();
    if (!subject || subject.family_id !== familyId)
      throw new HttpError('unprocessable', 'This is not part of this family’s file.', 'subjectId').because(
        'not_in_family',
      );
    const existing = (await heldBackOf(trx, familyId)).find(
      (h) => h.kind === body.kind && h.subject_id === body.subjectId,
    );
    if (existing)
      throw new HttpError('conflict', 'This is already held back.', undefined, {
        current: presentHeldBack(existing),
      });
    const id = uuid();
    await insertHeldBack(trx, {
      id,
      family_id: familyId,
      kind: body.kind,
      subject_id: body.subjectId,
      reason: body.reason,
      created_by: ctx.principal.userId,
      created_at: ctx.at,
    });
    const row = await findHeldBack(trx, id);
    if (!row) throw new Error('held-back row vanished');
    return {
      value: presentHeldBack(row),
      details: { heldBackId: id, kind: body.kind, subjectId: body.subjectId },
    };
  });
}

export function heldBackList(ctx: RequestContext, familyId: string): Promise<{ items: HeldBack[] }> {
  return withFamily(
    ctx,
    { family: familyId, action: 'read', audit: 'portal.held_back.read' },
    async (trx) => ({
      value: { items: (await heldBackOf(trx, familyId)).map(presentHeldBack) },
    }),
  );
}

export function release(ctx: RequestContext, id: string): Promise<void> {
  return withFamily(
    ctx,
    {
      family: (trx) => findHeldBack(trx, id).then((h) => h?.family_id),
      action: 'write',
      audit: 'portal.release',
    },
    async (trx) => {
      const row = await findHeldBack(trx, id);
      if (!row) throw notFound();
      await deleteHeldBack(trx, id);
      return { value: undefined, details: { heldBackId: id, kind: row.kind, subjectId: row.subject_id } };
    },
  );
}
