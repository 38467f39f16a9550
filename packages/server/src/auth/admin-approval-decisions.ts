import type { ApprovalRequest } from '@nestwerk/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { Principal } from '../http/principal.ts';
import { mayDecide } from '../policies/approvals.ts';
import { notifyUsers } from '../repositories/notifications.ts';
import {
  applyAssignment,
  auditAdmin,
  insertAccount,
  type NewAccount,
  resetCredentials,
  setDisabled,
} from './account-changes.ts';
import { deciderOf, partiesOf, payloadOf, presentOne, type RequestRow } from './admin-approvals.ts';

// Deciding a request for a privileged change: approved (and carried out), rejected, cancelled or withdrawn.
// Making and listing the requests is admin-approvals.ts.

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
