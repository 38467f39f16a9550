import type { AdminCareRelationship, AdminUser, ApprovalRequest } from '@nestwerk/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/append.ts';
import type { Database, Role } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { Principal } from '../http/principal.ts';
import { approverFor, needsApproval } from '../policies/approvals.ts';
import { addDays, localDate } from '../policies/calendar.ts';
import {
  assertOwnTeam,
  auditAdmin,
  emailOwner,
  insertAccount,
  setDisabled,
  temporaryPassword,
} from './account-changes.ts';
import { presentRequest, requestChange, withdrawRequestsAbout } from './admin-approvals.ts';
import { normaliseEmail } from './login.ts';
import { hashPassword } from './password.ts';

export { temporaryPassword } from './account-changes.ts';

function usersOf(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .where('users.organisation_id', '=', organisationId);
}

function selectAdminUsers(db: Kysely<Database>, organisationId: string) {
  return usersOf(db, organisationId).select([
    'users.id',
    'users.email',
    'users.display_name',
    'users.role',
    'users.totp_enrolled_at',
    'users.must_change_password',
    'users.locked_until',
    'users.disabled_at',
    'users.is_demo',
    'users.created_at',
    'teams.id as team_id',
    'teams.name as team_name',
  ]);
}

type AdminUserRow = Awaited<ReturnType<ReturnType<typeof selectAdminUsers>['executeTakeFirstOrThrow']>>;

function present(r: AdminUserRow, now: string): AdminUser {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    team: r.team_id !== null && r.team_name !== null ? { id: r.team_id, name: r.team_name } : null,
    totpEnrolled: r.totp_enrolled_at !== null,
    mustChangePassword: Number(r.must_change_password) === 1,
    lockedUntil: r.locked_until !== null && r.locked_until > now ? r.locked_until : null,
    disabled: r.disabled_at !== null,
    isDemo: Number(r.is_demo) === 1,
    createdAt: r.created_at,
  };
}

async function adminUser(app: FastifyInstance, principal: Principal, id: string): Promise<AdminUser> {
  const row = await selectAdminUsers(app.db, principal.organisationId)
    .where('users.id', '=', id)
    .executeTakeFirstOrThrow();
  return present(row, app.clock().toISOString());
}

export async function listUsers(
  app: FastifyInstance,
  principal: Principal,
  page: { offset: number; limit: number },
): Promise<{ items: AdminUser[]; total: number }> {
  const rows = await selectAdminUsers(app.db, principal.organisationId)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const total = await usersOf(app.db, principal.organisationId)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const now = app.clock().toISOString();
  return { total: Number(total.n), items: rows.map((r) => present(r, now)) };
}

export async function listTeams(
  app: FastifyInstance,
  principal: Principal,
): Promise<{ items: { id: string; name: string }[] }> {
  const items = await app.db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('organisation_id', '=', principal.organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return { items };
}

/** A user of the own organisation; another organisation's answers exactly like one that does not exist. */
async function targetOf(db: Kysely<Database>, principal: Principal, userId: string) {
  const target = await db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'team_id', 'disabled_at'])
    .where('id', '=', userId)
    .where('organisation_id', '=', principal.organisationId)
    .executeTakeFirst();
  if (!target) throw new HttpError('not_found', 'No such user.');
  return target;
}

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

function selectRelationships(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('care_relationships as cr')
    .innerJoin('families as f', 'f.id', 'cr.family_id')
    .where('f.organisation_id', '=', organisationId)
    .select(['cr.id', 'cr.family_id', 'cr.start_date', 'cr.end_date']);
}

function presentRelationship(
  r: { id: string; family_id: string; start_date: string; end_date: string | null },
  today: string,
): AdminCareRelationship {
  return {
    id: r.id,
    familyId: r.family_id,
    startDate: r.start_date,
    endDate: r.end_date,
    active: r.start_date <= today && (r.end_date === null || r.end_date >= today),
  };
}

export async function userCareRelationships(
  app: FastifyInstance,
  principal: Principal,
  userId: string,
): Promise<{ items: AdminCareRelationship[] }> {
  const target = await targetOf(app.db, principal, userId);
  const rows = await selectRelationships(app.db, principal.organisationId)
    .where('cr.user_id', '=', target.id)
    .orderBy('cr.start_date')
    .orderBy('cr.id')
    .execute();
  const today = localDate(app.clock());
  return { items: rows.map((r) => presentRelationship(r, today)) };
}

/**
 * Access checks hold a relationship active through its end date, so "ended now" is an end date of
 * yesterday: from this request on it grants nothing. An end date already in the past stays.
 */
async function endRelationships(
  trx: Transaction<Database>,
  ids: readonly string[],
  today: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('care_relationships')
    .set({ end_date: addDays(today, -1) })
    .where('id', 'in', ids)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function endCareRelationship(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  relationshipId: string,
): Promise<{ relationship: AdminCareRelationship }> {
  const today = localDate(app.clock());
  const rel = await selectRelationships(app.db, principal.organisationId)
    .select('cr.user_id')
    .select('cr.team_id')
    .where('cr.id', '=', relationshipId)
    .executeTakeFirst();
  if (!rel) throw new HttpError('not_found', 'No such care relationship.');
  await app.db.transaction().execute(async (trx) => {
    const ended = await endRelationships(trx, [rel.id], today);
    await auditAdmin(
      trx,
      principal,
      request.ip,
      'admin.care_relationship.end',
      { relationshipId: rel.id, holderUserId: rel.user_id, holderTeamId: rel.team_id, ended: ended === 1 },
      { familyId: rel.family_id },
    );
  });
  const row = await selectRelationships(app.db, principal.organisationId)
    .where('cr.id', '=', rel.id)
    .executeTakeFirstOrThrow();
  return { relationship: presentRelationship(row, today) };
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
