import { knowledge } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { assess } from './assess.ts';
import { type AssessmentInputJson, parseAssessmentInput } from './input.ts';

function run(raw: AssessmentInputJson) {
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return assess(parsed.value, knowledge);
}

/** Two parents; only the mother was asked about her own strengths. */
const twoParents = (
  mother: Record<string, string>,
  father: Record<string, string> = {},
): AssessmentInputJson => ({
  region: 'nl',
  child: { ageMonths: 6, firstChild: true },
  parents: [
    { role: 'mother', ageYears: 30, factors: mother },
    { role: 'father', ageYears: 32, factors: father },
  ],
  factors: { parent_stress: 'present', low_social_support: 'present' },
  cues: {},
  criteria: {},
});

describe('a strength nobody asked about is unknown, not absent', () => {
  it('one parent lacking a strength does not make the family lack it while the other was not asked', () => {
    const a = run(twoParents({ parent_mental_health: 'absent', accepts_support: 'absent' }));
    expect(a.balance.missingStrengths).not.toContain('parent_mental_health');
    expect(a.balance.missingStrengths).not.toContain('accepts_support');
    expect(a.balance.unknown).toContain('parent_mental_health');
    // Burden is known, strength is not: the balance does not claim burden outweighs strength.
    expect(a.balance.tilt).toBe('strength_unknown');
  });

  it('is absent for the family once every parent is known to lack it', () => {
    const a = run(twoParents({ parent_mental_health: 'absent' }, { parent_mental_health: 'absent' }));
    expect(a.balance.missingStrengths).toContain('parent_mental_health');
    expect(a.balance.tilt).toBe('burden_outweighs');
  });

  it('is present for the family when any parent has it, whatever the other says', () => {
    const a = run(twoParents({ parent_mental_health: 'absent' }, { parent_mental_health: 'present' }));
    expect(a.balance.protective).toContain('parent_mental_health');
  });
});
