import {
  FACTOR_CODES,
  type FactorCode,
  HINDERING_CHILD_CODES,
  HINDERING_FAMILY_CODES,
  HINDERING_PARENT_CODES,
  PROTECTIVE_CHILD_CODES,
  PROTECTIVE_FAMILY_CODES,
  PROTECTIVE_PARENT_CODES,
} from '@nestwerk/knowledge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BALANCE_WEIGHTS, weighBalance } from './balance.ts';
import type { FactorValue } from './input.ts';

type Factors = Partial<Record<FactorCode, FactorValue>>;

function present(...codes: FactorCode[]): Partial<Record<FactorCode, FactorValue>> {
  return Object.fromEntries(codes.map((c) => [c, 'present']));
}

describe('balance of burden and strength (seed 000 Thema 3 §4; seed 002 §3; guideline Tabel 2.2)', () => {
  it('nothing known → not_known, no cumulative risk, zero burden', () => {
    const b = weighBalance({});
    expect(b).toMatchObject({
      hindering: [],
      protective: [],
      cumulativeRisk: false,
      netBurden: 0,
      tilt: 'not_known',
    });
  });

  it('lists present hindering and protective factors; absent and unknown ones are not counted', () => {
    const b = weighBalance({
      parent_stress: 'present',
      parent_depression: 'absent',
      low_social_support: 'unknown',
      stable_housing: 'present',
      social_network_support: 'absent',
    });
    expect(b.hindering).toEqual(['parent_stress']);
    expect(b.protective).toEqual(['stable_housing']);
    expect(b.unknown).toEqual(['low_social_support']);
    expect(b.cumulativeRisk).toBe(false);
  });

  it('seed 002 §3 / seed 000 Thema 3 §4: one hindering factor is no cumulative risk, two are', () => {
    expect(weighBalance(present('parent_stress')).cumulativeRisk).toBe(false);
    expect(weighBalance(present('parent_stress', 'preterm_birth')).cumulativeRisk).toBe(true);
    // Any level counts: two child-level factors also accumulate.
    expect(weighBalance(present('preterm_birth', 'low_birth_weight')).cumulativeRisk).toBe(true);
  });

  it('cumulative risk is about burden: protective factors do not cancel it', () => {
    const b = weighBalance(
      present(
        'socioeconomic_problems',
        'frequent_moves',
        'parent_mental_health',
        'stable_supportive_partner',
      ),
    );
    expect(b.cumulativeRisk).toBe(true);
  });

  it('a parent-level hindering factor weighs more than a child-level one', () => {
    const parent = weighBalance(present('parent_depression'));
    const child = weighBalance(present('preterm_birth'));
    expect(parent.netBurden).toBeGreaterThan(child.netBurden);
    // No strength was asked about: unknown is not absent.
    expect(parent.tilt).toBe('strength_unknown');
    expect(weighBalance({ parent_depression: 'present', social_network_support: 'absent' }).tilt).toBe(
      'burden_outweighs',
    );
  });

  it('a parent-level hindering factor weighs more than a family-level one, which weighs more than a child-level one', () => {
    const p = weighBalance(present('parent_stress')).netBurden;
    const f = weighBalance(present('low_social_support')).netBurden;
    const c = weighBalance(present('difficult_temperament_or_excessive_crying')).netBurden;
    expect(p).toBeGreaterThan(f);
    expect(f).toBeGreaterThan(c);
  });

  it('parent weighs more than child also with the same strength alongside', () => {
    const withStrength = (h: FactorCode) => weighBalance(present(h, 'stable_supportive_partner')).netBurden;
    expect(withStrength('parent_adverse_childhood_experiences')).toBeGreaterThan(
      withStrength('preterm_birth'),
    );
  });

  it('a child-level hindering factor is compensated by a parent strength', () => {
    const b = weighBalance(present('preterm_birth', 'parenting_confidence'));
    expect(b.netBurden).toBeLessThanOrEqual(0);
    expect(b.tilt).not.toBe('burden_outweighs');
  });

  it('a child-level hindering factor is compensated by a family strength', () => {
    const b = weighBalance(present('difficult_temperament_or_excessive_crying', 'social_network_support'));
    expect(b.netBurden).toBeLessThanOrEqual(0);
    expect(b.tilt).not.toBe('burden_outweighs');
  });

  it('a parent-level hindering factor is NOT fully compensated by one parent strength', () => {
    const b = weighBalance(present('parent_depression', 'parenting_confidence'));
    expect(b.netBurden).toBeGreaterThan(0);
    expect(b.tilt).toBe('burden_outweighs');
  });

  it('a child strength does not cancel a child burden one for one (the parents carry the child)', () => {
    const byChild = weighBalance(present('preterm_birth', 'easy_temperament')).netBurden;
    const byParent = weighBalance(present('preterm_birth', 'parent_mental_health')).netBurden;
    expect(byParent).toBeLessThan(byChild);
  });

  it('many strengths and no burden → strength outweighs', () => {
    const b = weighBalance(
      present('parent_mental_health', 'stable_supportive_partner', 'stable_housing', 'term_birth'),
    );
    expect(b.netBurden).toBeLessThan(0);
    expect(b.tilt).toBe('strength_outweighs');
  });

  it('counts per level', () => {
    const b = weighBalance(present('parent_stress', 'refugee_family', 'preterm_birth', 'easy_temperament'));
    expect(b.byLevel).toEqual({
      parent: { hindering: 1, protective: 0 },
      family: { hindering: 1, protective: 0 },
      child: { hindering: 1, protective: 1 },
    });
  });

  it('weights are configurable: the cumulative-risk threshold can be raised', () => {
    const factors = present('parent_stress', 'preterm_birth');
    expect(weighBalance(factors, { ...DEFAULT_BALANCE_WEIGHTS, cumulativeRiskMin: 3 }).cumulativeRisk).toBe(
      false,
    );
  });

  it('default weights: parent > family > child, cumulative risk from 2', () => {
    const w = DEFAULT_BALANCE_WEIGHTS;
    expect(w.parentHindering).toBeGreaterThan(w.familyHindering);
    expect(w.familyHindering).toBeGreaterThan(w.childHindering);
    expect(w.cumulativeRiskMin).toBe(2);
  });
});

describe('the one-pass sorting of factors', () => {
  // The plain definition: filter every known code list in its own order (what weighBalance did before).
  const presentIn = (codes: readonly FactorCode[], f: Factors) => codes.filter((c) => f[c] === 'present');
  function reference(f: Factors) {
    const levels = [
      [HINDERING_PARENT_CODES, PROTECTIVE_PARENT_CODES],
      [HINDERING_FAMILY_CODES, PROTECTIVE_FAMILY_CODES],
      [HINDERING_CHILD_CODES, PROTECTIVE_CHILD_CODES],
    ] as const;
    return {
      hindering: levels.flatMap(([h]) => presentIn(h, f)),
      protective: levels.flatMap(([, p]) => presentIn(p, f)),
      unknown: FACTOR_CODES.filter((c) => f[c] === 'unknown'),
      byLevel: {
        parent: {
          hindering: presentIn(levels[0][0], f).length,
          protective: presentIn(levels[0][1], f).length,
        },
        family: {
          hindering: presentIn(levels[1][0], f).length,
          protective: presentIn(levels[1][1], f).length,
        },
        child: {
          hindering: presentIn(levels[2][0], f).length,
          protective: presentIn(levels[2][1], f).length,
        },
      },
    };
  }

  it('gives the same lists, in the same order, as filtering every code list, whatever order factors come in', () => {
    const entries = fc.uniqueArray(
      fc.tuple(
        fc.constantFrom(...FACTOR_CODES),
        fc.constantFrom<FactorValue>('present', 'absent', 'unknown'),
      ),
      { selector: ([code]) => code, maxLength: FACTOR_CODES.length },
    );
    fc.assert(
      fc.property(entries, (pairs) => {
        const factors: Factors = Object.fromEntries(pairs);
        const b = weighBalance(factors);
        expect({
          hindering: b.hindering,
          protective: b.protective,
          unknown: b.unknown,
          byLevel: b.byLevel,
        }).toEqual(reference(factors));
      }),
      { numRuns: 300 },
    );
  });
});
