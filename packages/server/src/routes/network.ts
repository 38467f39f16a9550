import type { FastifyInstance } from 'fastify';
import { careTeamRoutes } from './care-team/routes.ts';
import { intakeRoutes } from './intake/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { partnerRoutes } from './partners/routes.ts';
import { referralRoutes } from './referrals/routes.ts';
import { safetyRouteRoutes } from './safety-routes/routes.ts';

/**
 * Network and referral (issue 5): the social map, referrals and their intake queue, notifications, the care
 * team around a family and the safety route. Same chain as the family-file routes.
 */
export async function networkRoutes(app: FastifyInstance): Promise<void> {
  await app.register(partnerRoutes);
  await app.register(referralRoutes);
  await app.register(intakeRoutes);
  await app.register(notificationRoutes);
  await app.register(careTeamRoutes);
  await app.register(safetyRouteRoutes);
}
