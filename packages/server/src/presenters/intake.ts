import type { ReferralStatus } from '../db/schema-network.ts';
import { parseShared, type SharedReferral } from '../network/share.ts';
import type { SharingState } from '../policies/referrals.ts';
import type { FeedbackRow, IntakeRow, ReferralRow, StatusHistoryRow } from '../repositories/referrals.ts';

/**
 * What the receiving organisation sees. Built ONLY from the referral's process columns and its frozen
 * snapshot: no family id, no person id, nothing read from the family file.
 */

export type SharingOut = 'open' | 'consent_withdrawn' | 'consent_expired';

export const sharingOut = (s: SharingState): SharingOut => (s.open ? 'open' : s.reason);

export interface IntakeSummaryOut {
  child: { ageMonths?: number; gestationWeeks?: number } | null;
  criteria: string[];
  imhReasons: string[];
  interventions: string[];
  referrer: { name: string; organisation: string };
}

export interface IntakeItemOut {
  id: string;
  status: ReferralStatus;
  sentAt: string | null;
  feedbackDue: string | null;
  intakeDate: string | null;
  sharing: SharingOut;
  /** Null once sharing has stopped (withdrawn or expired consent). */
  summary: IntakeSummaryOut | null;
}

function summaryOf(shared: SharedReferral | null): IntakeSummaryOut | null {
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

export function presentIntakeItem(row: IntakeRow, sharing: SharingState): IntakeItemOut {
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

export interface IntakeReferralOut {
  id: string;
  status: ReferralStatus;
  sentAt: string | null;
  feedbackDue: string | null;
  intakeDate: string | null;
  declineReason: string | null;
  sharing: SharingOut;
  history: Array<{ status: ReferralStatus; at: string }>;
  /** The feedback this organisation sent back through Nestwerk. */
  feedback: Array<{ id: string; text: string; createdAt: string }>;
  /** Null once sharing has stopped: then only the referral's own progress is shown. */
  shared: SharedReferral | null;
}

export function presentIntakeReferral(
  r: ReferralRow,
  history: readonly StatusHistoryRow[],
  feedback: readonly FeedbackRow[],
  receiverOrganisationId: string,
  sharing: SharingState,
): IntakeReferralOut {
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
