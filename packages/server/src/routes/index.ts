import type { FastifyInstance } from 'fastify';
import { agreementRoutes } from './agreements/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { careNetworkRoutes } from './care-network/routes.ts';
import { consentRoutes } from './consents/routes.ts';
import { contactRoutes } from './contacts/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { emergencyAccessRoutes } from './emergency-access/routes.ts';
import { exportRoutes } from './export/routes.ts';
import { familyRoutes } from './families/routes.ts';
import { fhirRoutes } from './fhir/routes.ts';
import { fhirExchangeRoutes } from './fhir-exchange/routes.ts';
import { instrumentRoutes } from './instruments/routes.ts';
import { intakeRoutes } from './intake/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { partnerRoutes } from './partners/routes.ts';
import { personRoutes } from './persons/routes.ts';
import { portalRoutes } from './portal/routes.ts';
import { referralRoutes } from './referrals/routes.ts';
import { safetyRouteRoutes } from './safety-routes/routes.ts';
import { screeningRoutes } from './screenings/routes.ts';
import { teamRoutes } from './team/routes.ts';
import { worklistRoutes } from './worklist/routes.ts';

/**
 * The family-file API (docs/api.md): one folder per resource, each with its schema, commands and routes.
 * Every route is a chain: authenticate (app hook) → validate (zod) → transaction { policy → work → audit }.
 */
export async function domainRoutes(app: FastifyInstance): Promise<void> {
  await app.register(familyRoutes);
  await app.register(personRoutes);
  await app.register(contactRoutes);
  await app.register(consentRoutes);
  await app.register(agreementRoutes);
  await app.register(worklistRoutes);
  await app.register(emergencyAccessRoutes);
  await app.register(auditRoutes);
  await app.register(exportRoutes);
  await app.register(fhirRoutes);
  await app.register(instrumentRoutes);
  await app.register(partnerRoutes);
  await app.register(referralRoutes);
  await app.register(intakeRoutes);
  await app.register(notificationRoutes);
  await app.register(careNetworkRoutes);
  await app.register(safetyRouteRoutes);
  await app.register(screeningRoutes);
  await app.register(dashboardRoutes);
  await app.register(teamRoutes);
  await app.register(fhirExchangeRoutes);
  await app.register(portalRoutes);
}
