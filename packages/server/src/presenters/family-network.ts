import type { FamilyNetworkRows } from '../repositories/family-network.ts';
import { type CareNetworkOut, presentCareNetwork } from './care-network.ts';
import { presentReferralSummary, type ReferralSummaryOut } from './referral.ts';
import { presentSafetyRoute, type SafetyRouteOut } from './safety-route.ts';

/** Added to the family file: who is involved (wrapped care), where the family was referred, the safety route. */
export interface FamilyNetworkOut {
  careNetwork: CareNetworkOut;
  referrals: ReferralSummaryOut[];
  /** The open safety route, else the most recent one; null when none was ever opened. */
  safetyRoute: SafetyRouteOut | null;
}

export function presentFamilyNetwork(rows: FamilyNetworkRows, today: string): FamilyNetworkOut {
  return {
    careNetwork: presentCareNetwork(rows.careNetwork),
    referrals: rows.referrals.map((r) => presentReferralSummary(r, today)),
    safetyRoute: rows.safetyRoute
      ? presentSafetyRoute(rows.safetyRoute.route, rows.safetyRoute.steps, rows.safetyRoute.names)
      : null,
  };
}
