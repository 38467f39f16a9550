import type { EmergencyAccessEntry } from '@nestwerk/contract';
import type { EmergencyReviewRow } from '../repositories/emergency-access.ts';

/** For the reviewer: who broke the glass, on which family (by id only, no content), why, and when. */
export function presentEmergencyAccess(r: EmergencyReviewRow): EmergencyAccessEntry {
  return {
    id: r.id,
    familyId: r.family_id,
    user: { id: r.user_id, displayName: r.user_name, role: r.user_role },
    reason: r.reason,
    startedAt: r.started_at,
    expiresAt: r.expires_at,
    reviewedBy: r.reviewed_by ? { id: r.reviewed_by, displayName: r.reviewer_name } : null,
    reviewedAt: r.reviewed_at,
    renewsId: r.renews_id,
  };
}
