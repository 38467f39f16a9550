import type { Notification } from '@nestwerk/contract';
import type { NotificationRow } from '../repositories/notifications.ts';

/** Kind and referral only: the client words it, and the referral's own access rules guard its content. */
export function presentNotification(n: NotificationRow): Notification {
  return {
    id: n.id,
    kind: n.kind,
    referralId: n.referral_id,
    emergencyAccessId: n.emergency_access_id,
    familyId: n.family_id,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}
