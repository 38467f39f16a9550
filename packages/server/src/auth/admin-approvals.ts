import type { ApprovalRequest } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ApprovalKind, ApprovalRequestTable, Database, Role } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { Principal } from '../http/principal.ts';
import { type ApproverRule, mayDecide } from '../policies/approvals.ts';
import { notifyUsers } from '../repositories/notifications.ts';
import { auditAdmin } from './account-changes.ts';

/** A request nobody decided within a week is stale: whoever needs it asks again, with what is true now. */
const REQUEST_DAYS = 7;

export interface ApprovalPayload {
  email?: string;
  displayName?: string;
  role?: Role;
  teamId?: string | null;
  resetTotp?: boolean;
}

export type RequestRow = Selectable<ApprovalRequestTable>;

export function payloadOf(row: RequestRow): ApprovalPayload {
  return JSON.parse(row.payload_json) as ApprovalPayload;
}

export function partiesOf(row: RequestRow) {
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
  let deciders = await eligibleDeciders(trx, row);
  // A team without an active team lead (a new team, a lead who left): any other team lead of the
  // organisation vouches instead, as for a clinical user without a team (approverFor).
  if (deciders.length === 0 && row.approver_team_id !== null) {
    row.approver_team_id = null;
    deciders = await eligibleDeciders(trx, row);
  }
  // A request nobody may decide would wait its week and expire without a word: say so now.
  if (deciders.length === 0)
    throw new HttpError(
      'conflict',
      row.approver_role === 'team_lead'
        ? 'Nobody can approve this request: the organisation has no other active team lead.'
        : 'Nobody can approve this request: the organisation has no other active application manager.',
      'approver',
    ).because(row.approver_role === 'team_lead' ? 'no_team_lead' : 'no_application_manager');
  await trx.insertInto('approval_requests').values(row).execute();
  await notifyUsers(trx, deciders, 'approval_requested', { approval_id: row.id }, at);
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
    approverTeamId: row.approver_team_id,
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

export function deciderOf(p: Principal) {
  return { userId: p.userId, role: p.role, teamId: p.teamId, organisationId: p.organisationId };
}

export async function presentOne(db: Kysely<Database>, viewer: Principal, id: string, now: string) {
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
