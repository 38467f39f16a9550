import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { myNotifications, readAllNotifications, readNotification } from './commands.ts';

/** In-app notifications: new referrals, feedback, overdue feedback, withdrawn consent. Only one's own. */
export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.notifications.list, (req) => myNotifications(requestContext(req), req.query));
  serve(app, api.notifications.readAll, (req) => readAllNotifications(requestContext(req)));
  serve(app, api.notifications.read, (req) => readNotification(requestContext(req), req.params.id));
}
