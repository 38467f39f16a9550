import type { AdminUser, ApprovalRequest } from '@nestwerk/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/append.ts';
import type { Role } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { Principal } from '../http/principal.ts';
import { approverFor, needsApproval } from '../policies/approvals.ts';
import { localDate } from '../policies/calendar.ts';
import {
  assertOwnTeam,
  auditAdmin,
  emailOwner,
  insertAccount,
  setDisabled,
  temporaryPassword,
} from './account-changes.ts';
import { withdrawRequestsAbout } from './admin-approval-decisions.ts';
import { presentRequest, requestChange } from './admin-approvals.ts';
import { endRelationships, selectRelationships } from './admin-care-relationships.ts';
import { adminUser, targetOf } from './admin-user-list.ts';
import { normaliseEmail } from './login.ts';
import { hashPassword } from './password.ts';

export { temporaryPassword } from './account-changes.ts';

function notOwnAccount(principal: Principal, userId: string, message: string): void {
  if (userId === principal.userId) throw new HttpError('forbidden', message);
}

type Requested = { outcome: 'pending_approval'; request: ApprovalRequest };

/**
 * A clinical account (nurse, physician, team lead, IMH specialist) is a request that a team lead approves;
 * no account exists until then, and the temporary password goes to the approver. Other roles, which see no
 * family content, are created at once.
 */
export async function createUser(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  input: { email: string; displayName: string; role: Role; teamId?: string | null | undefined },
): Promise<{ outcome: 'created'; user: AdminUser; temporaryPassword: string } | Requested> {
  const account = {
    email: normaliseEmail(input.email),
    displayName: input.displayName,
    role: input.role,
    teamId: input.teamId ?? null,
  };
  const now = app.clock();
  if (needsApproval('create_user', account)) {
    const id = await app.db.transaction().execute(async (trx) => {
      await assertOwnTeam(trx, principal.organisationId, account.teamId);
      // An address of another organisation is requested like any other; the approval then fails for the
      // approver, not here where the answer would tell the manager that the person has an account elsewhere.
      if ((await emailOwner(trx, account.email, principal.organisationId)) === 'own')
        throw new HttpError(
          'conflict',
          'An account with this e-mail address already exists.',
          'email',
        ).because('taken');
      return requestChange(
        trx,
        principal,
        request.ip,
        { kind: 'create_user', targetUserId: null, payload: account, approver: approverFor(account) },
        now,
      );
    });
    return { outcome: 'pending_approval', request: await presentRequest(app, principal, id) };
  }
  const at = now.toISOString();
  const owner = await emailOwner(app.db, account.email, principal.organisationId);
  if (owner === 'elsewhere') return pretendCreated(app, request, principal, account, at);
  const created = await app.db.transaction().execute(async (trx) => {
    const made = await insertAccount(trx, principal.organisationId, account, at);
    await auditAdmin(trx, principal, request.ip, 'admin.user.create', {
      targetUserId: made.id,
      role: account.role,
      teamId: account.teamId,
    });
    return made;
  });
  return {
    outcome: 'created',
    user: await adminUser(app, principal, created.id),
    temporaryPassword: created.temporaryPassword,
  };
}

/** A new password (and second factor) for someone else is an account takeover unless a second person agrees. */
export async function resetPassword(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  userId: string,
  options: { resetTotp: boolean },
): Promise<{ request: ApprovalRequest }> {
  notOwnAccount(principal, userId, 'Change your own password with your current password instead.');
  const target = await targetOf(app.db, principal, userId);
  const id = await app.db.transaction().execute((trx) =>
    requestChange(
      trx,
      principal,
      request.ip,
      {
        kind: 'reset_credentials',
        targetUserId: target.id,
        payload: { resetTotp: options.resetTotp },
        approver: approverFor({ role: target.role, teamId: target.team_id }),
      },
      app.clock(),
    ),
  );
  return { request: await presentRequest(app, principal, id) };
}

export async function changeAssignment(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  userId: string,
  assignment: { role: Role; teamId: string | null },
): Promise<{ request: ApprovalRequest }> {
  notOwnAccount(principal, userId, 'Another application manager changes your own role.');
  const target = await targetOf(app.db, principal, userId);
  await assertOwnTeam(app.db, principal.organisationId, assignment.teamId);
  if (target.role === assignment.role && target.team_id === assignment.teamId)
    throw new HttpError('invalid_input', 'The user already has this role and team.', 'role').because(
      'unchanged',
    );
  const id = await app.db.transaction().execute((trx) =>
    requestChange(
      trx,
      principal,
      request.ip,
      {
        kind: 'change_assignment',
        targetUserId: target.id,
        payload: assignment,
        approver: approverFor(assignment, { role: target.role, teamId: target.team_id }),
      },
      app.clock(),
    ),
  );
  return { request: await presentRequest(app, principal, id) };
}

/** Taking access away needs nobody's approval: it is done at once, and every session ends with it. */
export async function disableUser(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  userId: string,
): Promise<{ user: AdminUser }> {
  notOwnAccount(principal, userId, 'You cannot disable your own account.');
  const target = await targetOf(app.db, principal, userId);
  const at = app.clock().toISOString();
  await app.db.transaction().execute(async (trx) => {
    if (target.disabled_at === null) await setDisabled(trx, target.id, at);
    await auditAdmin(trx, principal, request.ip, 'admin.user.disable', { targetUserId: target.id });
  });
  return { user: await adminUser(app, principal, target.id) };
}

/** Giving access back to a clinical account is a request; other roles are enabled at once. */
export async function enableUser(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  userId: string,
): Promise<{ outcome: 'enabled'; user: AdminUser } | Requested> {
  notOwnAccount(principal, userId, 'You cannot enable your own account.');
  const target = await targetOf(app.db, principal, userId);
  if (target.disabled_at === null) throw new HttpError('conflict', 'This user is not disabled.');
  const account = { role: target.role, teamId: target.team_id };
  if (needsApproval('enable_user', account)) {
    const id = await app.db
      .transaction()
      .execute((trx) =>
        requestChange(
          trx,
          principal,
          request.ip,
          { kind: 'enable_user', targetUserId: target.id, payload: {}, approver: approverFor(account) },
          app.clock(),
        ),
      );
    return { outcome: 'pending_approval', request: await presentRequest(app, principal, id) };
  }
  await app.db.transaction().execute(async (trx) => {
    await setDisabled(trx, target.id, null);
    await auditAdmin(trx, principal, request.ip, 'admin.user.enable', { targetUserId: target.id });
  });
  return { outcome: 'enabled', user: await adminUser(app, principal, target.id) };
}

/**
 * Someone leaves: the account is disabled (sessions end), every personal care relationship ends, and what
 * still waited for approval about them is withdrawn. One transaction, one audit row per family plus one.
 */
export async function offboardUser(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  userId: string,
): Promise<{ user: AdminUser; endedRelationships: number }> {
  notOwnAccount(principal, userId, 'You cannot offboard yourself.');
  const target = await targetOf(app.db, principal, userId);
  const now = app.clock();
  const at = now.toISOString();
  const today = localDate(now);
  const ended = await app.db.transaction().execute(async (trx) => {
    if (target.disabled_at === null) await setDisabled(trx, target.id, at);
    const active = await selectRelationships(trx, principal.organisationId)
      .where('cr.user_id', '=', target.id)
      .where((eb) => eb.or([eb('cr.end_date', 'is', null), eb('cr.end_date', '>=', today)]))
      .execute();
    const count = await endRelationships(
      trx,
      active.map((r) => r.id),
      today,
    );
    const withdrawn = await withdrawRequestsAbout(trx, principal, target.id, at);
    for (const r of active)
      await auditAdmin(
        trx,
        principal,
        request.ip,
        'admin.care_relationship.end',
        { relationshipId: r.id, holderUserId: target.id, ended: true, offboarding: true },
        { familyId: r.family_id },
      );
    await auditAdmin(trx, principal, request.ip, 'admin.user.offboard', {
      targetUserId: target.id,
      endedRelationships: count,
      withdrawnRequests: withdrawn,
    });
    return count;
  });
  return { user: await adminUser(app, principal, target.id), endedRelationships: ended };
}

/**
 * The address belongs to another organisation. A 409 would tell this organisation's manager that the person
 * has a Nestwerk account elsewhere; the answer looks like a created account instead and nothing is stored (the
 * temporary password opens nothing). On record for the operators only: without an organisation the row stays
 * out of the manager's own audit search. docs/security.md, "No user enumeration".
 */
async function pretendCreated(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  account: { email: string; displayName: string; role: Role; teamId: string | null },
  at: string,
): Promise<{ outcome: 'created'; user: AdminUser; temporaryPassword: string }> {
  const password = temporaryPassword();
  // Hashed like a real creation, so the answer takes as long.
  await hashPassword(password);
  await app.db.transaction().execute((trx) =>
    appendAudit(trx, {
      action: 'admin.user.create',
      outcome: 'denied',
      userId: principal.userId,
      userRole: principal.role,
      organisationId: null,
      clientIp: request.ip,
      basis: 'admin',
      details: { reason: 'email_in_other_organisation', role: account.role },
    }),
  );
  const team = account.teamId
    ? ((await app.db
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('id', '=', account.teamId)
        .executeTakeFirst()) ?? null)
    : null;
  return {
    outcome: 'created',
    user: {
      id: uuidv7(),
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      team,
      totpEnrolled: false,
      mustChangePassword: true,
      lockedUntil: null,
      disabled: false,
      isDemo: false,
      createdAt: at,
    },
    temporaryPassword: password,
  };
}
