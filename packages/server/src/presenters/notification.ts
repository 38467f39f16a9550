import type { Notification } from '@nestwerk/contract';
import type { NotificationRow } from '../repositories/notifications.ts';

/** Kind and referral only: the client words it; whom it concerns only when resolved (and audited) for the user. */
export function presentNotification(
  n: NotificationRow,
  subject: Notification['subject'] = null,
): Notification {
  return {
    id: n.id,
    kind: n.kind,
    referralId: n.referral_id,
    emergencyAccessId: n.emergency_access_id,
    familyId: n.family_id,
    subject,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}
