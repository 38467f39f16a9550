import { type CareNetworkMemberRow, listCareNetwork } from './care-network.ts';
import type { Db } from './db.ts';
import { listFamilyReferrals, type ReferralRow } from './referrals.ts';
import {
  currentSafetyRoute,
  listSafetyRouteSteps,
  type SafetyRouteRow,
  type SafetyRouteStepRow,
} from './safety-routes.ts';

/** The network part of a family file: the care network around the family, referrals, safety route. */
export interface FamilyNetworkRows {
  careNetwork: CareNetworkMemberRow[];
  referrals: Array<ReferralRow & { partner_name: string }>;
  safetyRoute: { route: SafetyRouteRow; steps: SafetyRouteStepRow[]; names: Map<string, string> } | null;
}

export async function loadFamilyNetwork(db: Db, familyId: string): Promise<FamilyNetworkRows> {
  const [careNetwork, referrals, route] = await Promise.all([
    listCareNetwork(db, familyId),
    listFamilyReferrals(db, familyId),
    currentSafetyRoute(db, familyId),
  ]);
  return { careNetwork, referrals, safetyRoute: route ? await withStepsAndNames(db, route) : null };
}

/** A family's safety route with its steps and the names of who opened, closed and recorded them. */
export async function withStepsAndNames(
  db: Db,
  route: SafetyRouteRow,
): Promise<NonNullable<FamilyNetworkRows['safetyRoute']>> {
  const steps = await listSafetyRouteSteps(db, route.id);
  const ids = [...new Set([route.opened_by, route.closed_by, ...steps.map((s) => s.recorded_by)])].filter(
    (i): i is string => i !== null,
  );
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return { route, steps, names: new Map(users.map((u) => [u.id, u.display_name])) };
}
