import type { Role } from '../db/schema.ts';

/**
 * What each role may do, in one place. Only the JGZ care roles ever see a family's content: the IMH
 * specialist works in a partner organisation (referrals reach it through their own channel), the
 * application manager runs users and the audit log, and the analyst sees aggregates only.
 */
const CARE_ROLES: ReadonlySet<Role> = new Set<Role>(['nurse', 'physician', 'team_lead']);

export function holdsFamilyContent(role: Role): boolean {
  return CARE_ROLES.has(role);
}

/** Break the glass: the same care roles, within their own organisation only. */
export function canBreakGlass(role: Role): boolean {
  return CARE_ROLES.has(role);
}

/** NEN 7513: the log is searched by the application manager (functioneel beheerder), nobody else. */
export function canSearchAudit(role: Role): boolean {
  return role === 'application_manager';
}

/**
 * Whether the organisation-wide audit search shows what users typed (break-the-glass reasons, search terms).
 * Nobody, through this view: it exists for the application manager to review who accessed what. The reasons
 * reach those who need them elsewhere — the team lead reviewing emergency access, the family's own
 * professionals in its access log — and a privacy officer investigating an incident reads the full log
 * under the organisation's incident procedure (database export), not through a standing view.
 */
export function canReadAuditFreeText(_role: Role): boolean {
  return false;
}

/** Emergency accesses are reviewed afterwards by a team lead (their team) or the application manager. */
export function canReviewEmergencyAccess(role: Role): boolean {
  return role === 'team_lead' || role === 'application_manager';
}

/** A team lead oversees the whole caseload of their team, including colleagues' own relationships. */
export function seesTeamCaseload(role: Role): boolean {
  return role === 'team_lead';
}

/** The municipal dashboard: published aggregates only, for the analyst; no care role needs it for care. */
export function readsAggregates(role: Role): boolean {
  return role === 'analyst';
}
