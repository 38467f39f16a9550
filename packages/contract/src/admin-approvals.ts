import { z } from 'zod';
import { emptyBody, id, idParams, optionalText, paging, timestamp } from './common.ts';
import { defineRoute } from './route.ts';
import { userRole } from './session.ts';

export const approvalKinds = [
  'create_user',
  'reset_credentials',
  'change_assignment',
  'enable_user',
] as const;
export const approvalStatuses = ['pending', 'approved', 'rejected', 'cancelled'] as const;

const teamRef = z.object({ id, name: z.string() });
const userRef = z.object({ id, displayName: z.string() });

/**
 * A privileged change to a user account waiting for (or decided by) a second person. `details` holds what
 * the change does: the new account, the new role and team, or whether the second factor is reset too.
 */
export const approvalRequest = z.object({
  id,
  kind: z.enum(approvalKinds),
  status: z.enum(approvalStatuses),
  /** Null while a new account waits for approval. */
  target: z.object({ id, displayName: z.string(), email: z.string() }).nullable(),
  details: z.object({
    email: z.string().optional(),
    displayName: z.string().optional(),
    role: userRole.optional(),
    team: teamRef.nullable().optional(),
    resetTotp: z.boolean().optional(),
  }),
  /** Who may approve: a team lead (of `team` when set) or another application manager. */
  approver: z.object({ role: z.enum(['team_lead', 'application_manager']), team: teamRef.nullable() }),
  requestedBy: userRef,
  requestedAt: timestamp,
  expiresAt: timestamp,
  decidedBy: userRef.nullable(),
  decidedAt: timestamp.nullable(),
  decisionNote: z.string().nullable(),
  /** Whether the asking user may approve or reject it (never their own request, never about themselves). */
  canDecide: z.boolean(),
  canCancel: z.boolean(),
});
export type ApprovalRequest = z.output<typeof approvalRequest>;

export const approvalsQuery = z.strictObject({
  status: z.enum(['pending', 'decided', 'all']).optional().default('pending'),
  ...paging,
});

export const decisionBody = z.strictObject({ note: optionalText(500) }).nullish();

const tags = ['administration'];

/**
 * Four eyes: requests made in the user administration are approved or rejected here by a second person — a
 * team lead for clinical accounts, another application manager for the others. Nobody decides their own.
 */
export const adminApprovals = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/approvals',
    summary:
      'Approval requests the user may see: all of the organisation (manager), those to decide (team lead)',
    tags,
    query: approvalsQuery,
    response: z.object({ items: z.array(approvalRequest), total: z.number() }),
  }),
  approve: defineRoute({
    method: 'POST',
    path: '/api/admin/approvals/:id/approve',
    summary: 'Approve a request; it takes effect now. A temporary password is shown once, to the approver',
    tags,
    params: idParams,
    body: decisionBody,
    response: z.object({ request: approvalRequest, temporaryPassword: z.string().nullable() }),
    errors: [409],
  }),
  reject: defineRoute({
    method: 'POST',
    path: '/api/admin/approvals/:id/reject',
    summary: 'Reject a request; nothing changes',
    tags,
    params: idParams,
    body: decisionBody,
    response: z.object({ request: approvalRequest }),
    errors: [409],
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/admin/approvals/:id/cancel',
    summary: 'Withdraw one’s own pending request',
    tags,
    params: idParams,
    body: emptyBody,
    response: z.object({ request: approvalRequest }),
    errors: [409],
  }),
};
