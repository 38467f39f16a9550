import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emptyBody } from '../../http/validation.ts';
import { requestContext } from '../shared/context.ts';
import { idParams, paging } from '../shared/schemas.ts';
import { myNotifications, readAllNotifications, readNotification } from './commands.ts';

const notificationsQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  ...paging,
});

/** In-app notifications: new referrals, feedback, overdue feedback, withdrawn consent. Only one's own. */
export async function notificationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  app.get('/api/notifications', { schema: { tags, querystring: notificationsQuery } }, (req) =>
    myNotifications(requestContext(req), req.query),
  );
  app.post('/api/notifications/read-all', { schema: { tags, body: emptyBody } }, (req) =>
    readAllNotifications(requestContext(req)),
  );
  app.post('/api/notifications/:id/read', { schema: { tags, params: idParams, body: emptyBody } }, (req) =>
    readNotification(requestContext(req), req.params.id),
  );
}
