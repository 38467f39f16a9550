import { knowledge, REFERRAL_CRITERION_CODES, type ReferralCriterionCode } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { assess } from '../assess.ts';
import type { Assessment } from '../assessment.ts';
import { type AssessmentInputJson, parseAssessmentInput } from '../input.ts';

function run(raw: AssessmentInputJson, lang: 'nl' | 'en' = 'nl'): Assessment {
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return assess(parsed.value, knowledge, { lang });
}

function referral(a: Assessment) {
  return a.recommendations.find((r) => r.category === 'refer_outside');
}

const TWO = { regulation_problems_persistent: true, parent_worry_or_overload_persistent: true } as const;
const REC3 = 'Thema 3 aanbeveling 3';
const ROUTES = 'Thema 3 "Verwijzen voor meer intensieve hulp"';

describe(`referral outside JGZ (${REC3}: "twee of meer van het volgende")`, () => {
  it.each(REFERRAL_CRITERION_CODES)(`${REC3}: only %s → no referral outside`, (code) => {
    const a = run({ child: { ageMonths: 8 }, criteria: { [code]: true } });
    expect(a.referral.criteriaMet).toEqual([code]);
    expect(a.referral.referOutside).toBe(false);
    expect(referral(a)).toBeUndefined();
  });

  it(`${REC3}: persistent crying/sleeping problems + persistent parental overload → refer outside`, () => {
    const a = run({ child: { ageMonths: 8 }, criteria: TWO });
    expect(a.referral.referOutside).toBe(true);
    expect([...a.referral.criteriaMet].sort()).toEqual(Object.keys(TWO).sort());
    const r = referral(a);
    expect(r).toBeDefined();
    expect(r?.interventions.length).toBeGreaterThan(0);
    expect(r?.sources).toContainEqual({
      document: '003_47e0953cc5abd28a.txt',
      ref: 'Thema 3, aanbeveling 3',
    });
  });

  it(`${ROUTES}: regulation problems, disturbed communication and overload (the paragraph's example) → refer outside`, () => {
    const a = run({
      child: { ageMonths: 10 },
      criteria: {
        regulation_problems_persistent: true,
        disturbed_parent_child_communication: true,
        parent_worry_or_overload_persistent: true,
      },
    });
    expect(a.referral.referOutside).toBe(true);
    expect(a.referral.criteriaMet).toHaveLength(3);
  });

  it('criteria recorded as false do not count', () => {
    const a = run({
      child: { ageMonths: 8 },
      criteria: { regulation_problems_persistent: true, insufficient_jgz_support: false },
    });
    expect(a.referral.criteriaMet).toEqual(['regulation_problems_persistent']);
    expect(a.referral.referOutside).toBe(false);
  });

  it('the rationale states how many criteria hold, in the chosen language', () => {
    const all = Object.fromEntries(REFERRAL_CRITERION_CODES.map((c) => [c, true])) as Record<
      ReferralCriterionCode,
      boolean
    >;
    const nl = referral(run({ child: { ageMonths: 8 }, criteria: all }))?.rationale ?? '';
    const en = referral(run({ child: { ageMonths: 8 }, criteria: all }, 'en'))?.rationale ?? '';
    expect(nl).toContain('4 van de 4');
    expect(en).toContain('4 of the 4');
  });
});

describe(`specific routes (${ROUTES})`, () => {
  it(`${ROUTES} "In pleeg- en adoptiegezinnen … PIPA": factor adoption_or_foster_care → pipa`, () => {
    const a = run({
      child: { ageMonths: 30 },
      factors: { adoption_or_foster_care: 'present' },
      criteria: TWO,
    });
    expect(referral(a)?.interventions).toContain('pipa');
  });

  it.each(['foster_parent', 'adoptive_parent'] as const)(
    `${ROUTES}: a parent with role %s → pipa`,
    (role) => {
      const a = run({ child: { ageMonths: 30 }, parents: [{ role }], criteria: TWO });
      expect(referral(a)?.interventions).toContain('pipa');
    },
  );

  it('no foster or adoptive family → no pipa', () => {
    const a = run({
      child: { ageMonths: 30 },
      parents: [{ role: 'mother' }, { role: 'father' }],
      criteria: TWO,
    });
    expect(referral(a)?.interventions).not.toContain('pipa');
  });

  it('a foster family without two criteria is not referred to PIPA', () => {
    const a = run({
      child: { ageMonths: 30 },
      parents: [{ role: 'foster_parent' }],
      criteria: { regulation_problems_persistent: true },
    });
    expect(a.recommendations.flatMap((r) => r.interventions)).not.toContain('pipa');
  });

  it(`${ROUTES} "Voor moeders met een depressie is de Ouder-baby interventie": mother with depression, baby 6 months`, () => {
    const a = run({
      child: { ageMonths: 6 },
      parents: [{ role: 'mother' }],
      factors: { parent_depression: 'present' },
      criteria: TWO,
    });
    expect(referral(a)?.interventions).toContain('ouder_baby_interventie');
  });

  it(`${ROUTES}: mother with depression, baby exactly 12 months → ouder_baby_interventie`, () => {
    const a = run({
      child: { ageMonths: 12 },
      parents: [{ role: 'mother' }],
      factors: { parent_depression: 'present' },
      criteria: TWO,
    });
    expect(referral(a)?.interventions).toContain('ouder_baby_interventie');
  });

  it(`${ROUTES}: mother with depression but the child is 13 months → no ouder_baby_interventie`, () => {
    const a = run({
      child: { ageMonths: 13 },
      parents: [{ role: 'mother' }],
      factors: { parent_depression: 'present' },
      criteria: TWO,
    });
    expect(a.referral.referOutside).toBe(true);
    expect(referral(a)?.interventions).not.toContain('ouder_baby_interventie');
  });

  it('a depressed father without a mother in the family → no ouder_baby_interventie (the route is for mothers)', () => {
    const a = run({
      child: { ageMonths: 6 },
      parents: [{ role: 'father' }],
      factors: { parent_depression: 'present' },
      criteria: TWO,
    });
    expect(referral(a)?.interventions).not.toContain('ouder_baby_interventie');
  });

  it('a mother without depression → no ouder_baby_interventie', () => {
    const a = run({ child: { ageMonths: 6 }, parents: [{ role: 'mother' }], criteria: TWO });
    expect(referral(a)?.interventions).not.toContain('ouder_baby_interventie');
  });

  it(`${ROUTES} "problemen in de gehechtheidsrelatie en/of trauma → specialistische jeugdzorg": problematic suspected`, () => {
    const a = run({
      child: { ageMonths: 36 },
      cues: {
        child_no_approach_or_not_calmed: true,
        child_withdraws_or_object_comfort: true,
        little_shared_enjoyment: true,
        child_overly_independent_or_dependent: true,
        parent_insensitive_or_inconsistent: true,
        parent_misses_child_stress: true,
        parent_uncomfortable_with_closeness: true,
        interaction_full_of_tension: true,
      },
      criteria: TWO,
    });
    expect(a.relationship.suggestedBand).toBe('problematic_suspected');
    expect(referral(a)?.interventions).toContain('specialised_youth_care');
  });

  it(`${ROUTES}: signals of trauma (child_trauma_signals) alone → specialised_youth_care`, () => {
    const a = run({ child: { ageMonths: 36 }, cues: { child_trauma_signals: true }, criteria: TWO });
    expect(a.relationship.suggestedBand).not.toBe('problematic_suspected');
    expect(referral(a)?.interventions).toContain('specialised_youth_care');
  });

  it(`${ROUTES} "Bij chronische stress zoals … verwaarlozing, mishandeling → intensieve gezinsbegeleiding" (nl)`, () => {
    const a = run({
      child: { ageMonths: 20 },
      factors: { maltreatment_or_neglect: 'present' },
      criteria: TWO,
    });
    expect(referral(a)?.interventions).toContain('intensive_family_support');
    expect(a.recommendations[0]?.category).toBe('safety');
    expect(a.recommendations[0]?.interventions).toEqual(['meldcode_veilig_thuis']);
  });

  it(`${ROUTES}: maltreatment or neglect in Flanders → intensive_family_support and the Vertrouwenscentrum first`, () => {
    const a = run({
      region: 'be',
      child: { ageMonths: 20 },
      factors: { maltreatment_or_neglect: 'present' },
      criteria: TWO,
    });
    expect(referral(a)?.interventions).toContain('intensive_family_support');
    expect(a.recommendations[0]?.category).toBe('safety');
    expect(a.recommendations[0]?.interventions).toEqual(['vertrouwenscentrum_kindermishandeling']);
  });

  it('no specific route applies (8-year-old, no foster care, depression, trauma or maltreatment) → specialised youth care as the general route', () => {
    const a = run({
      child: { ageMonths: 96 },
      criteria: { insufficient_jgz_support: true, regulation_problems_persistent: true },
    });
    expect(referral(a)?.interventions).toEqual(['specialised_youth_care']);
  });

  it('seed 004 "Wanneer verwijzen naar IMH": a baby with persistent regulation problems and parental overload → imh_team among the routes', () => {
    const a = run({ child: { ageMonths: 4 }, criteria: TWO });
    expect(a.referral.imhReasons).toEqual(
      expect.arrayContaining(['regulation_problems', 'parental_stress_trauma_anxiety_depression']),
    );
    expect(referral(a)?.interventions).toContain('imh_team');
    expect(referral(a)?.sources.some((s) => s.document === '004_a575a0cd639937c5.txt')).toBe(true);
  });

  it('several routes at once: foster family, mother with depression, baby 9 months, trauma signals, neglect', () => {
    const a = run({
      child: { ageMonths: 9 },
      parents: [{ role: 'mother' }],
      factors: {
        adoption_or_foster_care: 'present',
        parent_depression: 'present',
        maltreatment_or_neglect: 'present',
      },
      cues: { child_trauma_signals: true },
      criteria: TWO,
    });
    expect(referral(a)?.interventions).toEqual(
      expect.arrayContaining([
        'pipa',
        'ouder_baby_interventie',
        'specialised_youth_care',
        'intensive_family_support',
      ]),
    );
  });
});
