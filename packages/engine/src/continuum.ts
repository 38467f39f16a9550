import {
  type CueCode,
  INSECURE_CUE_CODES,
  type InsecureCueCode,
  PROBLEMATIC_CUE_CODES,
  type ProblematicCueCode,
  SAFE_CUE_CODES,
  type SafeCueCode,
} from '@nestwerk/knowledge';

export type RelationshipBand = 'safe' | 'insecure' | 'problematic_suspected' | 'unclear';

/**
 * Where the observed cues place the relationship on the continuum safe → more insecure → problematic
 * (guideline Thema 1 and Thema 2 Tabel 2.1). Tabel 2.1 gives cues, not numbers; the numbers below are our
 * reading of its words and can be tuned per organisation.
 */
export interface ContinuumThresholds {
  /**
   * "A problematic relationship is suspected when nearly all of the insecure cues hold and …": the number
   * of the nine insecure cues that counts as "nearly all".
   */
  problematicMinInsecure: number;
  /** …and at least this many of the additional (problematic) cues. */
  problematicMinAdditional: number;
  /**
   * "The balance tips towards insecure when …": insecure cues tip the balance once they reach this share
   * of the safe cues seen in the same contact (0.5 = one insecure cue for every two safe ones).
   */
  insecureToSafeRatio: number;
  /** Fewer safe cues than this, with nothing else seen, is too little to call the relationship safe. */
  safeMinCues: number;
}

export const DEFAULT_CONTINUUM_THRESHOLDS: ContinuumThresholds = {
  problematicMinInsecure: 7,
  problematicMinAdditional: 1,
  insecureToSafeRatio: 0.5,
  safeMinCues: 2,
};

export interface ContinuumResult {
  suggestedBand: RelationshipBand;
  safeCues: SafeCueCode[];
  insecureCues: InsecureCueCode[];
  problematicCues: ProblematicCueCode[];
  /** Which rule decided the band, for the explanation. */
  basis:
    | 'nothing_observed'
    | 'too_few_safe_cues'
    | 'nearly_all_insecure_plus_problematic'
    | 'problematic_cues_without_nearly_all_insecure'
    | 'insecure_cues_tip_balance'
    | 'safe_cues_predominate';
}

export function placeOnContinuum(
  cues: Partial<Record<CueCode, boolean>>,
  thresholds: ContinuumThresholds = DEFAULT_CONTINUUM_THRESHOLDS,
): ContinuumResult {
  const safeCues = SAFE_CUE_CODES.filter((c) => cues[c] === true);
  const insecureCues = INSECURE_CUE_CODES.filter((c) => cues[c] === true);
  const problematicCues = PROBLEMATIC_CUE_CODES.filter((c) => cues[c] === true);
  const lists = { safeCues, insecureCues, problematicCues };
  const safe = safeCues.length;
  const insecure = insecureCues.length;
  const problematic = problematicCues.length;

  if (problematic >= thresholds.problematicMinAdditional && insecure >= thresholds.problematicMinInsecure) {
    return {
      suggestedBand: 'problematic_suspected',
      basis: 'nearly_all_insecure_plus_problematic',
      ...lists,
    };
  }
  // A problematic cue never lets the relationship look safe, even when the insecure cues are not
  // (yet) "nearly all": it is at least insecure and calls for a closer look.
  if (problematic > 0) {
    return { suggestedBand: 'insecure', basis: 'problematic_cues_without_nearly_all_insecure', ...lists };
  }
  if (insecure > 0 && insecure >= safe * thresholds.insecureToSafeRatio) {
    return { suggestedBand: 'insecure', basis: 'insecure_cues_tip_balance', ...lists };
  }
  if (safe === 0 && insecure === 0) {
    return { suggestedBand: 'unclear', basis: 'nothing_observed', ...lists };
  }
  if (safe < thresholds.safeMinCues) {
    return { suggestedBand: 'unclear', basis: 'too_few_safe_cues', ...lists };
  }
  return { suggestedBand: 'safe', basis: 'safe_cues_predominate', ...lists };
}
