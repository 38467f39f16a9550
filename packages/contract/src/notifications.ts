import { NOTIFICATION_KINDS } from '@nestwerk/knowledge';
import { z } from 'zod';
import { emptyBody, id, idParams, paging, timestamp } from './common.ts';
import { defineRoute } from './route.ts';

export { NOTIFICATION_KINDS };

/**
 * Kind and referral or family: the client words it. Whom it concerns is only filled in when asked for
 * (`subjects=true`, the notifications page, audited) and only what the user may see anyway: the family and
 * child for the family's own professionals, the child's name for a receiver when the referral shares it.
 */
export const notification = z.object({
  id,
  kind: z.enum(NOTIFICATION_KINDS),
  referralId: id.nullable(),
  /** An `emergency_access` notice: the event waiting for review. */
  emergencyAccessId: id.nullable(),
  /** The family concerned (an urgent screening outcome); null for referral notifications. */
  familyId: id.nullable(),
  subject: z.object({ family: z.string().nullable(), child: z.string().nullable() }).nullable(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export type Notification = z.output<typeof notification>;

export const notificationsQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Name the family and child each notice concerns (the page asks; the header's counter does not). */
  subjects: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  ...paging,
});

const tags = ['notifications'];

/** In-app notifications: new referrals, feedback, overdue feedback, withdrawn consent. Only one's own. */
export const notifications = {
  list: defineRoute({
    method: 'GET',
    path: '/api/notifications',
    summary: 'The user’s notifications, newest first',
    tags,
    query: notificationsQuery,
    response: z.object({
      items: z.array(notification),
      total: z.number().int().min(0),
      unread: z.number().int().min(0),
    }),
  }),
  readAll: defineRoute({
    method: 'POST',
    path: '/api/notifications/read-all',
    summary: 'Mark all of the user’s notifications read',
    tags,
    body: emptyBody,
    response: z.object({ marked: z.number().int().min(0) }),
  }),
  read: defineRoute({
    method: 'POST',
    path: '/api/notifications/:id/read',
    summary: 'Mark a notification read',
    tags,
    params: idParams,
    body: emptyBody,
    response: notification,
  }),
};
