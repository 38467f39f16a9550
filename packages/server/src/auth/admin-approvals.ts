import type { ApprovalRequest } from '@nestwerk/contract';
import type { NotificationKind } from '@nestwerk/knowledge';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ApprovalKind, ApprovalRequestTable, Database, Role } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { Principal } from '../http/principal.ts';
import { type ApproverRule, mayDecide } from '../policies/approvals.ts';
import { notifyUsers } from '../repositories/notifications.ts';
import {
  applyAssignment,
  auditAdmin,
  insertAccount,
  type NewAccount,
  resetCredentials,
  setDisabled,
} from './account-changes.ts';

/** A request nobody decided within a week is stale: whoever needs it asks again, with what is true now. */
const REQUEST_DAYS = 7;

export interface ApprovalPayload {
  email?: string;
  displayName?: string;
  role?: Role;
  teamId?: string | null;
  resetTotp?: boolean;
}

type RequestRow = Selectable<ApprovalRequestTable>;

function payloadOf(row: RequestRow): ApprovalPayload {
  return JSON.parse(row.payload_json) as ApprovalPayload;
}

function partiesOf(row: RequestRow) {
  return {
    organisationId: row.organisation_id,
    requestedBy: row.requested_by,
    targetUserId: row.target_user_id,
    approver: { role: row.approver_role, teamId: row.approver_team_id },
  };
}

/** The active users who may decide the request: told at once that it waits for them. */
async function eligibleDeciders(db: Kysely<Database>, row: RequestRow): Promise<string[]> {
  let q = db
    .selectFrom('users')
    .select(['id', 'role', 'team_id', 'organisation_id'])
    .where('organisation_id', '=', row.organisation_id)
    .where('role', '=', row.approver_role)
    .where('disabled_at', 'is', null);
  if (row.approver_team_id !== null) q = q.where('team_id', '=', row.approver_team_id);
  const users = await q.execute();
  return users
    .filter((u) =>
      mayDecide(
        { userId: u.id, role: u.role, teamId: u.team_id, organisationId: u.organisation_id },
        partiesOf(row),
      ),
    )
    .map((u) => u.id);
}

/**
 * Stores a privileged change as a request and tells who may approve it and the user it is about. Nothing
 * about the account changes until a second person approves.
 */
export async function requestChange(
  trx: Transaction<Database>,
  principal: Principal,
  clientIp: string | null,
  input: {
    kind: ApprovalKind;
    targetUserId: string | null;
    payload: ApprovalPayload;
    approver: ApproverRule;
  },
  now: Date,
): Promise<string> {
  if (input.targetUserId !== null) {
    const open = await trx
      .selectFrom('approval_requests')
      .select('id')
      .where('target_user_id', '=', input.targetUserId)
      .where('kind', '=', input.kind)
      .where('status', '=', 'pending')
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    if (open) throw new HttpError('conflict', 'A request of this kind for this user is already waiting.');
  }
  const at = now.toISOString();
  const row: RequestRow = {
    id: uuidv7(),
    organisation_id: principal.organisationId,
    kind: input.kind,
    target_user_id: input.targetUserId,
    payload_json: JSON.stringify(input.payload),
    approver_role: input.approver.role,
    approver_team_id: input.approver.teamId,
    status: 'pending',
    requested_by: principal.userId,
    requested_at: at,
    expires_at: new Date(now.getTime() + REQUEST_DAYS * 86_400_000).toISOString(),
    decided_by: null,
    decided_at: null,
    decision_note: null,
  };
  await trx.insertInto('approval_requests').values(row).execute();
  await notifyUsers(trx, await eligibleDeciders(trx, row), 'approval_requested', { approval_id: row.id }, at);
  if (input.targetUserId !== null)
    await notifyUsers(trx, [input.targetUserId], 'account_change_requested', { approval_id: row.id }, at);
  await auditAdmin(trx, principal, clientIp, 'admin.approval.request', {
    requestId: row.id,
    kind: input.kind,
    targetUserId: input.targetUserId,
    role: input.payload.role,
    teamId: input.payload.teamId,
    resetTotp: input.payload.resetTotp,
    approverRole: input.approver.role,
    approverTeamId: input.approver.teamId,
  });
  return row.id;
}

function selectRequests(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('approval_requests as ar')
    .leftJoin('users as t', 't.id', 'ar.target_user_id')
    .innerJoin('users as rq', 'rq.id', 'ar.requested_by')
    .leftJoin('users as dc', 'dc.id', 'ar.decided_by')
    .where('ar.organisation_id', '=', organisationId)
    .selectAll('ar')
    .select([
      't.display_name as target_name',
      't.email as target_email',
      'rq.display_name as requester_name',
      'dc.display_name as decider_name',
    ]);
}

type ListedRow = RequestRow & {
  target_name: string | null;
  target_email: string | null;
  requester_name: string;
  decider_name: string | null;
};

async function teamNames(db: Kysely<Database>, organisationId: string): Promise<Map<string, string>> {
  const teams = await db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(teams.map((t) => [t.id, t.name]));
}

function present(
  row: ListedRow,
  viewer: Principal,
  teams: Map<string, string>,
  now: string,
): ApprovalRequest {
  const payload = payloadOf(row);
  const team = (teamId: string | null) => {
    if (teamId === null) return null;
    return { id: teamId, name: teams.get(teamId) ?? '' };
  };
  const open = row.status === 'pending' && row.expires_at > now;
  const details: ApprovalRequest['details'] = {};
  if (payload.email !== undefined) details.email = payload.email;
  if (payload.displayName !== undefined) details.displayName = payload.displayName;
  if (payload.role !== undefined) details.role = payload.role;
  if (payload.teamId !== undefined) details.team = team(payload.teamId);
  if (payload.resetTotp !== undefined) details.resetTotp = payload.resetTotp;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    target:
      row.target_user_id !== null && row.target_name !== null && row.target_email !== null
        ? { id: row.target_user_id, displayName: row.target_name, email: row.target_email }
        : null,
    details,
    approver: { role: row.approver_role, team: team(row.approver_team_id) },
    requestedBy: { id: row.requested_by, displayName: row.requester_name },
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    decidedBy: row.decided_by !== null ? { id: row.decided_by, displayName: row.decider_name ?? '' } : null,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    canDecide: open && mayDecide(deciderOf(viewer), partiesOf(row)),
    canCancel: open && row.requested_by === viewer.userId,
  };
}

function deciderOf(p: Principal) {
  return { userId: p.userId, role: p.role, teamId: p.teamId, organisationId: p.organisationId };
}

async function presentOne(db: Kysely<Database>, viewer: Principal, id: string, now: string) {
  const row = (await selectRequests(db, viewer.organisationId)
    .where('ar.id', '=', id)
    .executeTakeFirstOrThrow()) as ListedRow;
  return present(row, viewer, await teamNames(db, viewer.organisationId), now);
}

export function presentRequest(
  app: FastifyInstance,
  viewer: Principal,
  id: string,
): Promise<ApprovalRequest> {
  return presentOne(app.db, viewer, id, app.clock().toISOString());
}

/**
 * The application manager sees every request of the organisation (they run the administration); a team
 * lead sees the requests they may decide and the ones they decided.
 */
export async function listApprovals(
  app: FastifyInstance,
  principal: Principal,
  query: { status: 'pending' | 'decided' | 'all'; offset: number; limit: number },
): Promise<{ items: ApprovalRequest[]; total: number }> {
  const now = app.clock().toISOString();
  let q = selectRequests(app.db, principal.organisationId);
  if (query.status === 'pending') q = q.where('ar.status', '=', 'pending').where('ar.expires_at', '>', now);
  if (query.status === 'decided') q = q.where('ar.status', '!=', 'pending');
  const rows = (await q.orderBy('ar.requested_at', 'desc').orderBy('ar.id', 'desc').execute()) as ListedRow[];
  const teams = await teamNames(app.db, principal.organisationId);
  const visible = rows
    .map((r) => present(r, principal, teams, now))
    .filter(
      (r) => principal.role === 'application_manager' || r.canDecide || r.decidedBy?.id === principal.userId,
    );
  return { total: visible.length, items: visible.slice(query.offset, query.offset + query.limit) };
}

async function loadForDecision(
  trx: Transaction<Database>,
  principal: Principal,
  id: string,
): Promise<RequestRow> {
  const row = await trx
    .selectFrom('approval_requests')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', principal.organisationId)
    .executeTakeFirst();
  // Another organisation's request answers exactly like one that does not exist.
  if (!row) throw new HttpError('not_found', 'No such request.');
  return row;
}

function assertOpen(row: RequestRow, now: string): void {
  if (row.status !== 'pending') throw new HttpError('conflict', `This request is already ${row.status}.`);
  if (row.expires_at <= now) throw new HttpError('conflict', 'This request has expired; ask again.');
}

/** A refused decision is recorded in its own transaction: the refusal itself rolls back nothing else. */
async function refuse(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  row: RequestRow,
  action: string,
): Promise<never> {
  const self = row.requested_by === principal.userId;
  await app.db.transaction().execute((trx) =>
    auditAdmin(
      trx,
      principal,
      request.ip,
      action,
      {
        requestId: row.id,
        kind: row.kind,
        targetUserId: row.target_user_id,
        why: self ? 'own_request' : row.target_user_id === principal.userId ? 'own_account' : 'not_approver',
      },
      { outcome: 'denied' },
    ),
  );
  throw new HttpError(
    'forbidden',
    self
      ? 'You cannot decide your own request: a second person must.'
      : 'Your role or team does not allow you to decide this request.',
  );
}

/** Carries out the approved change; returns the temporary password when the change made one. */
async function apply(trx: Transaction<Database>, row: RequestRow, at: string): Promise<string | null> {
  const payload = payloadOf(row);
  const target = async () => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email'])
      .where('id', '=', row.target_user_id ?? '')
      .where('organisation_id', '=', row.organisation_id)
      .executeTakeFirst();
    if (!user) throw new HttpError('conflict', 'The user of this request no longer exists.');
    return user;
  };
  switch (row.kind) {
    case 'create_user': {
      const account: NewAccount = {
        email: payload.email ?? '',
        displayName: payload.displayName ?? '',
        role: payload.role ?? 'nurse',
        teamId: payload.teamId ?? null,
      };
      const created = await insertAccount(trx, row.organisation_id, account, at);
      await trx
        .updateTable('approval_requests')
        .set({ target_user_id: created.id })
        .where('id', '=', row.id)
        .execute();
      return created.temporaryPassword;
    }
    case 'reset_credentials':
      return resetCredentials(trx, await target(), payload.resetTotp ?? false);
    case 'change_assignment': {
      const user = await target();
      await applyAssignment(trx, row.organisation_id, user.id, {
        role: payload.role ?? 'nurse',
        teamId: payload.teamId ?? null,
      });
      return null;
    }
    case 'enable_user':
      await setDisabled(trx, (await target()).id, null);
      return null;
  }
}

/**
 * Approve: the change takes effect in the same transaction. A temporary password goes to the approver,
 * once — the person who vouches for the account hands it over, so the requester never holds a working
 * credential of a clinical account.
 */
export async function approveRequest(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  id: string,
  note: string | null,
): Promise<{ request: ApprovalRequest; temporaryPassword: string | null }> {
  const now = app.clock();
  const at = now.toISOString();
  const row = await app.db.transaction().execute((trx) => loadForDecision(trx, principal, id));
  assertOpen(row, at);
  if (!mayDecide(deciderOf(principal), partiesOf(row)))
    return refuse(app, request, principal, row, 'admin.approval.approve');
  const password = await app.db.transaction().execute(async (trx) => {
    const current = await loadForDecision(trx, principal, id);
    assertOpen(current, at);
    const updated = await trx
      .updateTable('approval_requests')
      .set({ status: 'approved', decided_by: principal.userId, decided_at: at, decision_note: note })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new HttpError('conflict', 'This request was just decided.');
    const temporary = await apply(trx, current, at);
    const targetId =
      current.target_user_id ??
      (
        await trx
          .selectFrom('approval_requests')
          .select('target_user_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).target_user_id;
    await notifyUsers(trx, [current.requested_by], 'approval_decided', { approval_id: id }, at);
    if (targetId !== null && current.kind !== 'create_user')
      await notifyUsers(trx, [targetId], 'account_changed', { approval_id: id }, at);
    await auditAdmin(trx, principal, request.ip, 'admin.approval.approve', {
      requestId: id,
      kind: current.kind,
      targetUserId: targetId,
      requestedBy: current.requested_by,
    });
    return temporary;
  });
  return { request: await presentOne(app.db, principal, id, at), temporaryPassword: password };
}

export async function rejectRequest(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  id: string,
  note: string | null,
): Promise<{ request: ApprovalRequest }> {
  return decideWithoutEffect(app, request, principal, id, 'rejected', note);
}

export async function cancelRequest(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  id: string,
): Promise<{ request: ApprovalRequest }> {
  return decideWithoutEffect(app, request, principal, id, 'cancelled', null);
}

async function decideWithoutEffect(
  app: FastifyInstance,
  request: FastifyRequest,
  principal: Principal,
  id: string,
  status: 'rejected' | 'cancelled',
  note: string | null,
): Promise<{ request: ApprovalRequest }> {
  const at = app.clock().toISOString();
  const action = status === 'rejected' ? 'admin.approval.reject' : 'admin.approval.cancel';
  const row = await app.db.transaction().execute((trx) => loadForDecision(trx, principal, id));
  assertOpen(row, at);
  const allowed =
    status === 'cancelled'
      ? row.requested_by === principal.userId
      : mayDecide(deciderOf(principal), partiesOf(row));
  if (!allowed) return refuse(app, request, principal, row, action);
  await app.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('approval_requests')
      .set({ status, decided_by: principal.userId, decided_at: at, decision_note: note })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new HttpError('conflict', 'This request was just decided.');
    if (status === 'rejected')
      await notifyUsers(trx, [row.requested_by], 'approval_decided', { approval_id: id }, at);
    await auditAdmin(trx, principal, request.ip, action, {
      requestId: id,
      kind: row.kind,
      targetUserId: row.target_user_id,
    });
  });
  return { request: await presentOne(app.db, principal, id, at) };
}

/** Offboarding withdraws what was still waiting for the user: nothing approved later may revive the account. */
export async function withdrawRequestsAbout(
  trx: Transaction<Database>,
  principal: Principal,
  targetUserId: string,
  at: string,
): Promise<number> {
  const result = await trx
    .updateTable('approval_requests')
    .set({ status: 'cancelled', decided_by: principal.userId, decided_at: at, decision_note: 'offboarded' })
    .where('target_user_id', '=', targetUserId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
