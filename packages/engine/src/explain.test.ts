import { describe, expect, it } from 'vitest';
import type { ContinuumResult } from './continuum.ts';
import { explainContinuum } from './explain.ts';
import type { RuleContext } from './rules/context.ts';

const BASES: ContinuumResult['basis'][] = [
  'nothing_observed',
  'too_few_safe_cues',
  'nearly_all_insecure_plus_problematic',
  'problematic_cues_without_nearly_all_insecure',
  'insecure_cues_tip_balance',
  'safe_cues_predominate',
];

/** Only the language and region matter to the wording. */
const ctx = (lang: 'nl' | 'en') => ({ lang, region: 'nl' }) as RuleContext;

function continuum(basis: ContinuumResult['basis'], n: number): ContinuumResult {
  const many = <T extends string>(code: T) => Array.from({ length: n }, () => code);
  return {
    basis,
    suggestedBand: 'unclear',
    safeCues: many('child_accepts_comfort'),
    insecureCues: many('parent_misses_child_stress'),
    problematicCues: many('interaction_full_of_tension'),
  };
}

describe('continuum explanations', () => {
  it('count in proper singular and plural words, never "signaal/signalen" or "cue(s)"', () => {
    for (const basis of BASES)
      for (const n of [1, 2])
        for (const lang of ['nl', 'en'] as const) {
          const said = explainContinuum(ctx(lang), continuum(basis, n));
          expect(said, `${basis} ${n} ${lang}`).not.toMatch(/\w\/\w|\(s\)|\(en\)/);
          if (n === 1) expect(said, `${basis} ${lang}`).not.toMatch(/\b1 (\w+ )?(signalen|cues)\b/);
        }
  });
});
