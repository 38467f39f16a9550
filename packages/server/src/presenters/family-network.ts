import type { CareNetwork, ReferralSummary, SafetyRoute } from '@nestwerk/contract';
import type { FamilyNetworkRows } from '../repositories/family-network.ts';
import { presentCareNetwork } from './care-network.ts';
import { presentReferralSummary } from './referral.ts';
import { presentSafetyRoute } from './safety-route.ts';

/** Added to the family file: who is involved (wrapped care), where the family was referred, the safety route. */
export interface FamilyNetworkOut {
  careNetwork: CareNetwork;
  referrals: ReferralSummary[];
  /** The open safety route, else the most recent one; null when none was ever opened. */
  safetyRoute: SafetyRoute | null;
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
