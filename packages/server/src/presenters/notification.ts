import type { NotificationKind } from '../db/schema-network.ts';
import type { NotificationRow } from '../repositories/notifications.ts';

export interface NotificationOut {
  id: string;
  kind: NotificationKind;
  referralId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Kind and referral only: the client words it, and the referral's own access rules guard its content. */
export function presentNotification(n: NotificationRow): NotificationOut {
  return { id: n.id, kind: n.kind, referralId: n.referral_id, createdAt: n.created_at, readAt: n.read_at };
}
