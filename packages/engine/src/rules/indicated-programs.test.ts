import { FACTOR_CODES, type FactorCode, knowledge } from '@nestwerk/knowledge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../assess.ts';
import type { Assessment } from '../assessment.ts';
import { type AssessmentInputJson, parseAssessmentInput } from '../input.ts';
import { STEVIG_DOMAINS, stevigFindings } from './indicated-programs.ts';

function run(raw: AssessmentInputJson, lang: 'nl' | 'en' = 'nl'): Assessment {
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return assess(parsed.value, knowledge, { lang });
}

const programmes = (a: Assessment) =>
  a.recommendations.filter((r) => r.category === 'indicated_program').flatMap((r) => r.interventions);

const VZ = 'Thema 3 "VoorZorg … jonge, laagopgeleide zwangere vrouwen met een eerste kind"';
const SO =
  'Thema 3 "Stevig Ouderschap (0-2 jaar) … belastende voorgeschiedenis, persoonlijke problemen, onvoldoende steunende context en/of verzwaarde opvoeding"';

const youngMother = { role: 'mother', ageYears: 19, lowEducation: true } as const;
/** "en diverse problemen": VoorZorg needs problems that accumulate, not age and education alone. */
const problems = { low_social_support: 'present', socioeconomic_problems: 'present' } as const;

describe(`VoorZorg (${VZ})`, () => {
  it(`${VZ}: first pregnancy at 20 weeks, mother 19 with little education → voorzorg`, () => {
    const a = run({
      child: { gestationWeeks: 20, firstChild: true },
      parents: [youngMother],
      factors: problems,
    });
    expect(programmes(a)).toContain('voorzorg');
    const r = a.recommendations.find((x) => x.interventions.includes('voorzorg'));
    expect(r?.sources).toContainEqual({
      document: '003_47e0953cc5abd28a.txt',
      ref: 'Thema 3, aanbeveling 2',
    });
  });

  it('mother aged exactly 25 still qualifies; 26 does not', () => {
    const at = (ageYears: number) =>
      programmes(
        run({
          child: { gestationWeeks: 20, firstChild: true },
          parents: [{ ...youngMother, ageYears }],
          factors: problems,
        }),
      );
    expect(at(25)).toContain('voorzorg');
    expect(at(26)).not.toContain('voorzorg');
  });

  it('enrolment before week 28: at 27 weeks yes, at 28 and 30 weeks no', () => {
    const at = (gestationWeeks: number) =>
      programmes(
        run({ child: { gestationWeeks, firstChild: true }, parents: [youngMother], factors: problems }),
      );
    expect(at(27)).toContain('voorzorg');
    expect(at(28)).not.toContain('voorzorg');
    expect(at(30)).not.toContain('voorzorg');
  });

  it(`${VZ} "en diverse problemen": a young, low-educated first-time mother (25) without accumulating problems → no voorzorg`, () => {
    const a = run({
      child: { gestationWeeks: 20, firstChild: true },
      parents: [{ ...youngMother, ageYears: 25 }],
    });
    expect(programmes(a)).not.toContain('voorzorg');
  });

  it('not for a second child', () => {
    const a = run({ child: { gestationWeeks: 20, firstChild: false }, parents: [youngMother] });
    expect(programmes(a)).not.toContain('voorzorg');
  });

  it('not when it is unknown whether this is the first child', () => {
    expect(programmes(run({ child: { gestationWeeks: 20 }, parents: [youngMother] }))).not.toContain(
      'voorzorg',
    );
  });

  it('not for a born child (VoorZorg starts in pregnancy)', () => {
    const a = run({ child: { ageMonths: 3, firstChild: true }, parents: [youngMother] });
    expect(programmes(a)).not.toContain('voorzorg');
  });

  it('not without low education, and not without a known age', () => {
    const noLow = run({
      child: { gestationWeeks: 20, firstChild: true },
      parents: [{ role: 'mother', ageYears: 19 }],
    });
    const noAge = run({
      child: { gestationWeeks: 20, firstChild: true },
      parents: [{ role: 'mother', lowEducation: true }],
    });
    expect(programmes(noLow)).not.toContain('voorzorg');
    expect(programmes(noAge)).not.toContain('voorzorg');
  });

  it('not when the young, low-educated parent is the father (the programme is for pregnant women)', () => {
    const a = run({
      child: { gestationWeeks: 20, firstChild: true },
      parents: [{ role: 'father', ageYears: 19, lowEducation: true }],
    });
    expect(programmes(a)).not.toContain('voorzorg');
  });
});

describe(`Stevig Ouderschap (${SO})`, () => {
  const risk = { parent_depression: 'present', low_social_support: 'present' } as const;

  it(`${SO}: born child 6 months with personal problems and too little support → stevig_ouderschap`, () => {
    const a = run({ child: { ageMonths: 6 }, factors: risk });
    expect(a.balance.cumulativeRisk).toBe(true);
    expect(programmes(a)).toContain('stevig_ouderschap');
    expect(programmes(a)).not.toContain('stevig_ouderschap_prenataal');
  });

  it('up to and including 24 months; not at 25 months', () => {
    expect(programmes(run({ child: { ageMonths: 24 }, factors: risk }))).toContain('stevig_ouderschap');
    expect(programmes(run({ child: { ageMonths: 25 }, factors: risk }))).not.toContain('stevig_ouderschap');
  });

  it(`${SO}: a heavier upbringing (premature, crying baby) counts alongside a burden of the parents' own`, () => {
    const a = run({
      child: { ageMonths: 2 },
      factors: {
        preterm_birth: 'present',
        difficult_temperament_or_excessive_crying: 'present',
        parent_stress: 'present',
      },
    });
    expect(programmes(a)).toContain('stevig_ouderschap');
  });

  it('child-level factors alone do not trigger it: the programme rests on parent and family burden', () => {
    const a = run({
      child: { ageMonths: 2 },
      factors: { preterm_birth: 'present', difficult_temperament_or_excessive_crying: 'present' },
    });
    expect(programmes(a)).not.toContain('stevig_ouderschap');
  });

  it('one own burden plus child-level burden that strengths carry → no Stevig Ouderschap', () => {
    const a = run({
      child: { ageMonths: 2 },
      factors: {
        parent_stress: 'present',
        preterm_birth: 'present',
        stable_supportive_partner: 'present',
        social_network_support: 'present',
      },
    });
    expect(programmes(a)).not.toContain('stevig_ouderschap');
  });

  it('one risk factor is no cumulative risk → no Stevig Ouderschap', () => {
    expect(programmes(run({ child: { ageMonths: 6 }, factors: { parent_depression: 'present' } }))).toEqual(
      [],
    );
  });

  it('a cumulative risk entirely outside its domains (frequent moves, refugee family) → no Stevig Ouderschap', () => {
    const a = run({
      child: { ageMonths: 6 },
      factors: { frequent_moves: 'present', refugee_family: 'present' },
    });
    expect(a.balance.cumulativeRisk).toBe(true);
    expect(programmes(a)).not.toContain('stevig_ouderschap');
  });

  it('"Stevig Ouderschap Prenataal … tijdens de zwangerschap (vanaf 16 weken)": unborn at 20 weeks → prenatal variant', () => {
    const a = run({ child: { gestationWeeks: 20 }, factors: risk });
    expect(programmes(a)).toContain('stevig_ouderschap_prenataal');
    expect(programmes(a)).not.toContain('stevig_ouderschap');
  });

  it('prenatal variant from 16 weeks exactly; none at 15 weeks', () => {
    expect(programmes(run({ child: { gestationWeeks: 16 }, factors: risk }))).toContain(
      'stevig_ouderschap_prenataal',
    );
    const early = programmes(run({ child: { gestationWeeks: 15 }, factors: risk }));
    expect(early).not.toContain('stevig_ouderschap_prenataal');
    expect(early).not.toContain('stevig_ouderschap');
  });

  it('English rationale on request', () => {
    const nl = run({ child: { ageMonths: 6 }, factors: risk });
    const en = run({ child: { ageMonths: 6 }, factors: risk }, 'en');
    const pick = (a: Assessment) =>
      a.recommendations.find((r) => r.interventions.includes('stevig_ouderschap'));
    expect(pick(en)?.rationale).toMatch(/Risk factors accumulate/);
    expect(pick(nl)?.rationale).toMatch(/stapeling/);
  });
});

describe('Bemoeizorg (seed 002 §4.3)', () => {
  it('a parent who avoids care → outreach (bemoeizorg)', () => {
    expect(programmes(run({ child: { ageMonths: 6 }, factors: { care_avoidance: 'present' } }))).toContain(
      'bemoeizorg',
    );
  });

  it('no care avoidance → no bemoeizorg', () => {
    expect(programmes(run({ child: { ageMonths: 6 }, factors: { care_avoidance: 'absent' } }))).not.toContain(
      'bemoeizorg',
    );
  });
});

describe('stevigFindings', () => {
  /** The formulation it replaced: a filter over the domains, then a flatMap over the same lists. */
  function previous(factors: Partial<Record<FactorCode, 'present' | 'absent' | 'unknown'>>) {
    const has = (f: FactorCode) => factors[f] === 'present';
    const support = has('low_social_support') || factors.social_network_support === 'absent';
    const domains = (Object.keys(STEVIG_DOMAINS) as Array<keyof typeof STEVIG_DOMAINS>).filter(
      (d) => STEVIG_DOMAINS[d].some((f) => has(f)) || (d === 'support' && support),
    );
    return { domains, present: domains.flatMap((d) => STEVIG_DOMAINS[d].filter((f) => has(f))) };
  }

  // Biased towards the domains' own factors, so most maps hit several domains.
  const code = fc.oneof(
    fc.constantFrom(...Object.values(STEVIG_DOMAINS).flat(), 'social_network_support' as const),
    fc.constantFrom(...FACTOR_CODES),
  );
  const factors = fc
    .uniqueArray(
      fc.tuple(
        code,
        fc.constantFrom('present', 'absent', 'unknown') as fc.Arbitrary<'present' | 'absent' | 'unknown'>,
      ),
      {
        selector: (t) => t[0],
        maxLength: 30,
      },
    )
    .map((entries) => Object.fromEntries(entries));

  it('property: gives what the previous formulation gave, in the same order', () => {
    fc.assert(
      fc.property(factors, (f) => {
        expect(stevigFindings(f)).toEqual(previous(f));
      }),
      { numRuns: 1000 },
    );
  });
});
