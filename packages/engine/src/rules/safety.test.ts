import { knowledge } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { assess } from '../assess.ts';
import type { Assessment } from '../assessment.ts';
import { type AssessmentInputJson, parseAssessmentInput } from '../input.ts';
import { safetyConcern } from './safety.ts';

function run(raw: AssessmentInputJson, lang: 'nl' | 'en' = 'nl'): Assessment {
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return assess(parsed.value, knowledge, { lang });
}

const safety = (a: Assessment) => a.recommendations.filter((r) => r.category === 'safety');

describe('safety pathway (DESIGN §2.9; guideline Thema 3 "Verwijzen", Tabel 2.3 stap 4c)', () => {
  it('suspected maltreatment or neglect (nl) → a safety recommendation first, naming meldcode_veilig_thuis', () => {
    const a = run({ child: { ageMonths: 6 }, factors: { maltreatment_or_neglect: 'present' } });
    expect(a.safetyConcern).toBe(true);
    expect(a.recommendations[0]).toMatchObject({
      category: 'safety',
      interventions: ['meldcode_veilig_thuis'],
    });
    expect(safety(a)).toHaveLength(1);
  });

  it('suspected maltreatment or neglect (be) → the Vertrouwenscentrum Kindermishandeling first', () => {
    const a = run({ region: 'be', child: { ageMonths: 6 }, factors: { maltreatment_or_neglect: 'present' } });
    expect(a.recommendations[0]).toMatchObject({
      category: 'safety',
      interventions: ['vertrouwenscentrum_kindermishandeling'],
    });
    expect(a.recommendations.flatMap((r) => r.interventions)).not.toContain('meldcode_veilig_thuis');
  });

  it('domestic violence also opens the safety pathway', () => {
    const a = run({ child: { ageMonths: 40 }, factors: { domestic_violence: 'present' } });
    expect(a.safetyConcern).toBe(true);
    expect(a.recommendations[0]?.category).toBe('safety');
  });

  it('the safety pathway applies in pregnancy too', () => {
    const a = run({ child: { gestationWeeks: 24 }, factors: { domestic_violence: 'present' } });
    expect(a.recommendations[0]).toMatchObject({
      category: 'safety',
      interventions: ['meldcode_veilig_thuis'],
    });
  });

  it('is never hidden behind other advice: first even when referral, programmes and video feedback also apply', () => {
    const a = run({
      child: { ageMonths: 10 },
      parents: [{ role: 'mother', ageYears: 20, lowEducation: true }],
      factors: {
        maltreatment_or_neglect: 'present',
        parent_depression: 'present',
        low_social_support: 'present',
        care_avoidance: 'present',
      },
      cues: { parent_misses_child_stress: true },
      criteria: { regulation_problems_persistent: true, insufficient_jgz_support: true },
    });
    expect(a.recommendations.length).toBeGreaterThan(3);
    expect(a.recommendations[0]?.category).toBe('safety');
    expect(a.recommendations.slice(1).some((r) => r.category === 'safety')).toBe(false);
  });

  it('the rationale names the concern, in Dutch by default and in English on request; sources are the route’s', () => {
    const nl = run({ child: { ageMonths: 6 }, factors: { maltreatment_or_neglect: 'present' } });
    const en = run({ child: { ageMonths: 6 }, factors: { maltreatment_or_neglect: 'present' } }, 'en');
    const route = knowledge.safetyRoutes.find((r) => r.region === 'nl');
    expect(nl.recommendations[0]?.rationale).toMatch(/vermoeden/i);
    expect(en.recommendations[0]?.rationale).toMatch(/suspected/i);
    expect(nl.recommendations[0]?.rationale).not.toBe(en.recommendations[0]?.rationale);
    expect(nl.recommendations[0]?.sources).toEqual(route?.sources);
  });

  it.each(['absent', 'unknown'] as const)('maltreatment recorded as %s → no safety pathway', (value) => {
    const a = run({
      child: { ageMonths: 6 },
      factors: { maltreatment_or_neglect: value, domestic_violence: value },
    });
    expect(a.safetyConcern).toBe(false);
    expect(safety(a)).toEqual([]);
  });

  it('other heavy burdens without maltreatment, neglect or violence do not open it', () => {
    const a = run({
      child: { ageMonths: 6 },
      factors: {
        parent_substance_abuse: 'present',
        parent_depression: 'present',
        low_social_support: 'present',
      },
    });
    expect(safety(a)).toEqual([]);
  });

  it('safetyConcern() reads only present values', () => {
    expect(safetyConcern({ maltreatment_or_neglect: 'present' })).toBe(true);
    expect(safetyConcern({ domestic_violence: 'present' })).toBe(true);
    expect(safetyConcern({ maltreatment_or_neglect: 'unknown' })).toBe(false);
    expect(safetyConcern({})).toBe(false);
  });
});
