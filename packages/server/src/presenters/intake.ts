import type { IntakeItem, IntakeReferral, SharedReferral, SharingStateOut } from '@nestwerk/contract';
import { parseShared } from '../network/share.ts';
import type { SharingState } from '../policies/referrals.ts';
import type { IntakeRow } from '../repositories/intake-page.ts';
import type { FeedbackRow, ReferralRow, StatusHistoryRow } from '../repositories/referrals.ts';

/**
 * What the receiving organisation sees. Built ONLY from the referral's process columns and its frozen
 * snapshot: no family id, no person id, nothing read from the family file.
 */

export const sharingOut = (s: SharingState): SharingStateOut => (s.open ? 'open' : s.reason);

function summaryOf(shared: SharedReferral | null): IntakeItem['summary'] {
  if (!shared) return null;
  const child = shared.child
    ? {
        ...(shared.child.ageMonths !== undefined ? { ageMonths: shared.child.ageMonths } : {}),
        ...(shared.child.gestationWeeks !== undefined ? { gestationWeeks: shared.child.gestationWeeks } : {}),
      }
    : null;
  return {
    child: child && Object.keys(child).length > 0 ? child : null,
    criteria: shared.reason.criteria.map((c) => c.code),
    imhReasons: shared.reason.imhReasons.map((c) => c.code),
    interventions: (shared.interventions ?? []).map((c) => c.code),
    referrer: { name: shared.referrer.name, organisation: shared.referrer.organisation },
  };
}

export function presentIntakeItem(row: IntakeRow, sharing: SharingState): IntakeItem {
  return {
    id: row.id,
    status: row.status,
    sentAt: row.sent_at,
    feedbackDue: row.feedback_due,
    intakeDate: row.intake_date,
    sharing: sharingOut(sharing),
    summary: sharing.open ? summaryOf(parseShared(row.shared_json)) : null,
  };
}

export function presentIntakeReferral(
  r: ReferralRow,
  history: readonly StatusHistoryRow[],
  feedback: readonly FeedbackRow[],
  receiverOrganisationId: string,
  sharing: SharingState,
): IntakeReferral {
  return {
    id: r.id,
    status: r.status,
    sentAt: r.sent_at,
    feedbackDue: r.feedback_due,
    intakeDate: r.intake_date,
    declineReason: r.decline_reason,
    sharing: sharingOut(sharing),
    history: history.filter((h) => h.status !== 'draft').map((h) => ({ status: h.status, at: h.at })),
    feedback: feedback
      .filter((f) => f.source === 'nestwerk' && f.author_organisation_id === receiverOrganisationId)
      .map((f) => ({ id: f.id, text: f.text, createdAt: f.created_at })),
    shared: sharing.open ? parseShared(r.shared_json) : null,
  };
}
