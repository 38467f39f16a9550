import type { Role } from '../db/schema.ts';
import { canBreakGlass, holdsFamilyContent } from './roles.ts';

/** What a professional wants to do with one family's file. Search and worklist are scoped by SQL instead. */
export type FamilyAction = 'read' | 'write' | 'export' | 'access_log' | 'break_glass';

export type AccessBasis = 'care_relationship' | 'emergency';

/** What the database says about the requested family, relative to the principal. */
export interface FamilyFacts {
  /** The family exists and belongs to the principal's organisation. Other tenants' families do not exist. */
  inOwnOrganisation: boolean;
  /** An active care relationship of the principal, their team, or (team lead) a member of their team. */
  activeRelationship: boolean;
  /** The principal's own unexpired emergency access to this family, if any. */
  /** `id` names the grant in the audit log's on_behalf_of. */
  emergency: { id?: string; reason: string; expiresAt: string } | null;
}

/**
 * Recorded in the audit row of a denial. The client gets the same 404 for each, except `not_under_emergency`:
 * the user already holds emergency access to this family, so a 403 reveals nothing and says it is read-only.
 */
export type DenialReason = 'role' | 'not_found' | 'no_relationship' | 'not_under_emergency';

export type FamilyDecision =
  | { allowed: true; basis: AccessBasis; reason: string | null; expiresAt: string | null }
  | { allowed: false; why: DenialReason };

/**
 * Emergency access opens the file to read, nothing more. Recording a consent, referring, exporting, writing a
 * letter, changing the care network or anything else in the file belongs to the family's own professionals:
 * a stranger to the family must not be able to disclose it or make their access look like care.
 */
const EMERGENCY_ACTIONS: ReadonlySet<FamilyAction> = new Set<FamilyAction>(['read']);

/**
 * The one decision about a single family file (NEN 7510: need to know, based on a treatment relationship).
 * Pure, so the whole matrix can be tested without a database; {@link resolveFamilyFacts} gathers the facts.
 */
export function decideFamilyAccess(role: Role, action: FamilyAction, facts: FamilyFacts): FamilyDecision {
  if (!holdsFamilyContent(role)) return { allowed: false, why: 'role' };
  if (!facts.inOwnOrganisation) return { allowed: false, why: 'not_found' };
  if (action === 'break_glass') {
    return canBreakGlass(role)
      ? { allowed: true, basis: 'emergency', reason: null, expiresAt: null }
      : { allowed: false, why: 'role' };
  }
  if (facts.activeRelationship) {
    return { allowed: true, basis: 'care_relationship', reason: null, expiresAt: null };
  }
  if (facts.emergency) {
    return EMERGENCY_ACTIONS.has(action)
      ? {
          allowed: true,
          basis: 'emergency',
          reason: facts.emergency.reason,
          expiresAt: facts.emergency.expiresAt,
        }
      : { allowed: false, why: 'not_under_emergency' };
  }
  return { allowed: false, why: 'no_relationship' };
}
