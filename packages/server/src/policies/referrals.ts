import type { ReferralStatus } from '@nestwerk/knowledge';
import type { Role } from '../db/schema.ts';
import { holdsFamilyContent } from './roles.ts';

/**
 * Access decisions of the network and referral workflow (who may refer, receive, see shared data), pure so they can be tested as a matrix.
 *
 * The receiving side never sees the family file: an IMH specialist of a partner organisation reads a
 * referral's frozen snapshot, addressed by the referral's id, and only while the sharing still rests on a
 * valid basis. Every family-file route already answers 404 to them ({@link holdsFamilyContent}).
 */

/** Who works an intake queue: the IMH specialists of the organisation a referral was sent to. */
export function receivesReferrals(role: Role): boolean {
  return role === 'imh_specialist';
}

/** The social map is maintained by the application manager (functioneel beheerder) of its organisation. */
export function managesSocialMap(role: Role): boolean {
  return role === 'application_manager';
}

/** Who may look up partners: everyone who refers, receives or maintains; not the analyst (aggregates only). */
export function readsSocialMap(role: Role): boolean {
  return holdsFamilyContent(role) || receivesReferrals(role) || managesSocialMap(role);
}

export interface ReceiverFacts {
  receiverOrganisationId: string | null;
  status: ReferralStatus;
}

export type ReceiverDenial = 'role' | 'not_found' | 'not_receiver';
export type ReceiverDecision = { allowed: true } | { allowed: false; why: ReceiverDenial };

/**
 * A referral exists for its receiver only once sent to them through Nestwerk. Anything else — another
 * organisation's referral, a draft, a referral sent by post — answers exactly like a missing id.
 */
export function decideReceiverAccess(
  principal: { role: Role; organisationId: string },
  facts: ReceiverFacts | undefined,
): ReceiverDecision {
  if (!receivesReferrals(principal.role)) return { allowed: false, why: 'role' };
  if (!facts) return { allowed: false, why: 'not_found' };
  if (facts.receiverOrganisationId !== principal.organisationId || facts.status === 'draft')
    return { allowed: false, why: 'not_receiver' };
  return { allowed: true };
}

export type SharingState = { open: true } | { open: false; reason: 'consent_withdrawn' | 'consent_expired' };

/**
 * Whether what was shared may still be read (Thema 4: sharing rests on consent; withdrawn consent stops any
 * further sharing). A referral without consent rests on the five questions and a second professional.
 */
export function sharingState(
  referral: { basis: 'consent' | 'no_consent'; consent_withdrawn_at: string | null },
  consent: { withdrawn_at: string | null; valid_until: string | null } | undefined,
  today: string,
): SharingState {
  if (referral.basis === 'no_consent') return { open: true };
  if (referral.consent_withdrawn_at !== null || !consent || consent.withdrawn_at !== null)
    return { open: false, reason: 'consent_withdrawn' };
  if (consent.valid_until !== null && consent.valid_until < today)
    return { open: false, reason: 'consent_expired' };
  return { open: true };
}

export type ConfirmDenial = 'role' | 'other_organisation' | 'own_referral';

/**
 * Sharing without consent needs a second professional: a team lead of the referring organisation who is not
 * the referrer (four eyes). The confirmer must also not be the one who sends it ({@link mayMoveReferral}).
 */
export function decideNoConsentConfirmation(
  principal: { userId: string; role: Role; organisationId: string },
  referral: { referrerId: string; organisationId: string },
): { allowed: true } | { allowed: false; why: ConfirmDenial } {
  if (principal.role !== 'team_lead') return { allowed: false, why: 'role' };
  if (principal.organisationId !== referral.organisationId)
    return { allowed: false, why: 'other_organisation' };
  if (principal.userId === referral.referrerId) return { allowed: false, why: 'own_referral' };
  return { allowed: true };
}

/** The one who confirmed a no-consent referral cannot also send it: two different people, always. */
export function maySendNoConsent(
  senderId: string,
  referral: { referrerId: string; confirmedBy: string | null },
): boolean {
  return (
    referral.confirmedBy !== null &&
    referral.confirmedBy !== referral.referrerId &&
    referral.confirmedBy !== senderId
  );
}

export type ReferralSide = 'referrer' | 'receiver';

/**
 * Who records which step after sending. A partner on Nestwerk records its own steps; for a partner outside
 * Nestwerk the referrer records what the partner reported by phone, e-mail or post. The referrer can always
 * close a referral (the family moved, help started elsewhere).
 */
export function mayMoveReferral(side: ReferralSide, onNestwerk: boolean, to: ReferralStatus): boolean {
  if (to === 'draft' || to === 'sent') return false;
  if (side === 'receiver') return onNestwerk;
  return to === 'closed' || !onNestwerk;
}
