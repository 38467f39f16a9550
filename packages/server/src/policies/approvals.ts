import type { ApprovalKind, Role } from '../db/schema.ts';

/**
 * The roles that reach a family's content or a partner's referrals. An account with one of them is created,
 * re-enabled, moved or given new credentials only with a second person's approval.
 */
const CLINICAL_ROLES: ReadonlySet<Role> = new Set<Role>([
  'nurse',
  'physician',
  'team_lead',
  'imh_specialist',
]);

export function isClinicalRole(role: Role): boolean {
  return CLINICAL_ROLES.has(role);
}

/** Who must approve a request: a team lead (of `teamId` when set) or another application manager. */
export interface ApproverRule {
  role: 'team_lead' | 'application_manager';
  teamId: string | null;
}

/**
 * The approver follows the account the change is about — the account as it will be (new account, new role
 * and team) or as it is (credential reset, re-enabling):
 * - a nurse, physician or IMH specialist in a team: the team lead of that team, who vouches for a member;
 * - a team lead, or a clinical user without a team: any other team lead of the organisation (a peer; a
 *   team lead may not approve their own account's change, see {@link mayDecide});
 * - the application manager and the analyst, who see no family content: another application manager.
 * A change that takes a clinical user out of clinical work (to analyst, say) is approved by the lead of the
 * team they leave, who knows whether it is right.
 */
export function approverFor(
  account: { role: Role; teamId: string | null },
  previous?: {
    role: Role;
    teamId: string | null;
  },
): ApproverRule {
  if (isClinicalRole(account.role)) {
    if (account.role !== 'team_lead' && account.teamId !== null)
      return { role: 'team_lead', teamId: account.teamId };
    return { role: 'team_lead', teamId: null };
  }
  if (previous && isClinicalRole(previous.role)) return approverFor(previous);
  return { role: 'application_manager', teamId: null };
}

/** Whether a request of this kind is needed, or the change may take effect at once. */
export function needsApproval(kind: ApprovalKind, account: { role: Role }): boolean {
  return kind === 'reset_credentials' || kind === 'change_assignment' || isClinicalRole(account.role);
}

export interface Decider {
  userId: string;
  role: Role;
  teamId: string | null;
  organisationId: string;
}

export interface RequestParties {
  organisationId: string;
  requestedBy: string;
  targetUserId: string | null;
  approver: ApproverRule;
}

/**
 * Four eyes: never the requester, never the user the change is about, and only the role (and team) the
 * request named when it was made.
 */
export function mayDecide(decider: Decider, request: RequestParties): boolean {
  if (decider.organisationId !== request.organisationId) return false;
  if (decider.userId === request.requestedBy) return false;
  if (request.targetUserId !== null && decider.userId === request.targetUserId) return false;
  if (decider.role !== request.approver.role) return false;
  return request.approver.teamId === null || decider.teamId === request.approver.teamId;
}
