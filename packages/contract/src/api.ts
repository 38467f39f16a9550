import { adminApprovals } from './admin-approvals.ts';
import { adminUsers } from './admin-users.ts';
import { agreements } from './agreements.ts';
import { audit } from './audit.ts';
import { careNetworkRoutes } from './care-network.ts';
import { consents } from './consents.ts';
import { contacts } from './contacts.ts';
import { dashboardRoutes } from './dashboard.ts';
import { emergencyAccess } from './emergency-access.ts';
import { exports } from './export.ts';
import { families } from './families.ts';
import { fhir } from './fhir.ts';
import { system } from './health.ts';
import { instruments } from './instruments.ts';
import { intake } from './intake.ts';
import { notifications } from './notifications.ts';
import { partners } from './partners.ts';
import { persons } from './persons.ts';
import { portalCitizen } from './portal-citizen.ts';
import { portal } from './portal-routes.ts';
import { referrals } from './referral-routes.ts';
import type { RouteSpec } from './route.ts';
import { safetyRoutes } from './safety-routes.ts';
import { screenings } from './screenings.ts';
import { session } from './session.ts';
import { worklist } from './worklist.ts';

/**
 * The whole HTTP API, one group per resource. The server registers every route from here; the OpenAPI
 * document and the web client's types are derived from it.
 */
export const api = {
  session,
  adminUsers,
  adminApprovals,
  system,
  worklist,
  dashboard: dashboardRoutes,
  partners,
  referrals,
  consents,
  intake,
  careNetwork: careNetworkRoutes,
  safetyRoutes,
  notifications,
  persons,
  portal,
  portalCitizen,
  agreements,
  contacts,
  instruments,
  audit,
  emergencyAccess,
  families,
  screenings,
  exports,
  fhir,
} as const satisfies Record<string, Record<string, RouteSpec>>;

type Groups = typeof api;
type AnyRoute = { [G in keyof Groups]: Groups[G][keyof Groups[G]] }[keyof Groups];

/** Every route by `"METHOD /path"`, the key the web client calls it by. */
export type Endpoints = { [R in AnyRoute as `${R['method']} ${R['path']}`]: R };
export type EndpointKey = keyof Endpoints;

/** All routes as a flat list, for registration and for tests that walk the API. */
export function allRoutes(): RouteSpec[] {
  return Object.values(api).flatMap((group) => Object.values(group) as RouteSpec[]);
}
