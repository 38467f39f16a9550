import { DEFAULT_PERINATAL_THRESHOLDS, knowledge, SCREENING_OUTCOMES } from '@nestwerk/knowledge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from './assess.ts';
import type { Assessment } from './assessment.ts';
import { type AssessmentInputJson, parseAssessmentInput } from './input.ts';
import { screenParent, screenParents } from './perinatal.ts';

function run(raw: AssessmentInputJson, lang: 'nl' | 'en' = 'nl'): Assessment {
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return assess(parsed.value, knowledge, { lang });
}

type Screening = NonNullable<NonNullable<AssessmentInputJson['parents']>[number]['screenings']>[number];
type Role = 'mother' | 'father' | 'co_parent';

const baby = { ageMonths: 2 } as const;
const outcome = (role: Role, ...screenings: Screening[]) =>
  run({ child: baby, parents: [{ role, screenings }] }).parentMentalHealth[0]?.outcome;
const epds = (total: number, item10 = 0): Screening => ({ instrument: 'epds', total, item10 });
const LEIDRAAD = 'DESIGN §3 / Leidraad screening en detectie';

describe(`perinatal screening per parent (${LEIDRAAD})`, () => {
  it('Whooley: either answer yes → screen further; both no → no concern', () => {
    expect(outcome('mother', { instrument: 'whooley', answers: [true, false] })).toBe('screen_further');
    expect(outcome('mother', { instrument: 'whooley', answers: [false, true] })).toBe('screen_further');
    expect(outcome('father', { instrument: 'whooley', answers: [false, false] })).toBe('no_concern');
  });

  it('GAD-2 ≥ 3 → screen further; 2 → no concern', () => {
    expect(outcome('mother', { instrument: 'gad_2', total: 3 })).toBe('screen_further');
    expect(outcome('mother', { instrument: 'gad_2', total: 2 })).toBe('no_concern');
  });

  it('a positive first stage no longer asks to screen further once the second stage is done', () => {
    expect(outcome('mother', { instrument: 'whooley', answers: [true, true] }, epds(5))).toBe('no_concern');
    expect(outcome('mother', { instrument: 'gad_2', total: 4 }, { instrument: 'gad_7', total: 4 })).toBe(
      'no_concern',
    );
  });

  it('EPDS for a mother: 10 no concern, 11 rescreen, 13 rescreen, 14 clinical assessment', () => {
    expect(outcome('mother', epds(10))).toBe('no_concern');
    expect(outcome('mother', epds(11))).toBe('rescreen');
    expect(outcome('mother', epds(13))).toBe('rescreen');
    expect(outcome('mother', epds(14))).toBe('clinical_assessment');
  });

  it('EPDS for a father or co-parent (Edmondson 2010): 10 no concern, 11 clinical assessment', () => {
    for (const role of ['father', 'co_parent'] as const) {
      expect(outcome(role, epds(10))).toBe('no_concern');
      expect(outcome(role, epds(11))).toBe('clinical_assessment');
    }
  });

  it('EPDS item 10 > 0 → urgent whatever the total, for mothers and fathers', () => {
    expect(outcome('mother', epds(1, 1))).toBe('urgent');
    expect(outcome('father', epds(3, 3))).toBe('urgent');
    expect(outcome('mother', epds(20, 0))).toBe('clinical_assessment');
  });

  it('EPDS as ten item scores: the sum and the tenth item', () => {
    expect(outcome('mother', { instrument: 'epds', items: [1, 1, 1, 1, 1, 1, 1, 1, 1, 2] })).toBe('urgent');
    expect(outcome('mother', { instrument: 'epds', items: [2, 2, 2, 2, 2, 2, 1, 1, 0, 0] })).toBe(
      'clinical_assessment',
    );
  });

  it('GAD-7: 10 no concern, 11 rescreen, 15 rescreen, 16 clinical assessment', () => {
    const gad7 = (total: number): Screening => ({ instrument: 'gad_7', total });
    expect(outcome('father', gad7(10))).toBe('no_concern');
    expect(outcome('father', gad7(11))).toBe('rescreen');
    expect(outcome('mother', gad7(15))).toBe('rescreen');
    expect(outcome('mother', gad7(16))).toBe('clinical_assessment');
  });

  it('PHQ-9 (optional): 9 no concern, 10 rescreen, 15 clinical assessment', () => {
    const phq9 = (total: number): Screening => ({ instrument: 'phq_9', total });
    expect(outcome('mother', phq9(9))).toBe('no_concern');
    expect(outcome('mother', phq9(10))).toBe('rescreen');
    expect(outcome('father', phq9(15))).toBe('clinical_assessment');
  });

  it('the highest outcome wins, and every finding is a reason', () => {
    const a = run({
      child: baby,
      parents: [{ role: 'mother', screenings: [epds(12), { instrument: 'gad_7', total: 17 }] }],
    });
    expect(a.parentMentalHealth[0]?.outcome).toBe('clinical_assessment');
    expect(a.parentMentalHealth[0]?.reasons.length).toBe(2);
  });

  it('one entry per parent with a screening, indexed by position; parents without one get none', () => {
    const a = run({
      child: baby,
      parents: [{ role: 'mother' }, { role: 'father', screenings: [epds(11)] }],
    });
    expect(a.parentMentalHealth).toHaveLength(1);
    expect(a.parentMentalHealth[0]).toMatchObject({
      parent: 1,
      role: 'father',
      outcome: 'clinical_assessment',
    });
  });

  it("a father's EPDS of 11 gives a clinical assessment for him alone, named in the recommendation", () => {
    const a = run({
      child: baby,
      parents: [
        { role: 'mother', screenings: [epds(11)] },
        { role: 'father', screenings: [epds(11)] },
      ],
    });
    expect(a.parentMentalHealth.map((m) => m.outcome)).toEqual(['rescreen', 'clinical_assessment']);
    const recs = a.recommendations.filter((r) => r.category === 'perinatal_mental_health');
    expect(recs.map((r) => r.id)).toEqual(['perinatal_mental_health.0', 'perinatal_mental_health.1']);
    expect(recs[1]?.rationale).toMatch(/vader/);
    expect(recs[1]?.rationale).toMatch(/klinische beoordeling/);
    expect(recs[1]?.rationale).toMatch(/geen diagnose/);
  });

  it('urgent comes right after the safety route and names the regional helpline', () => {
    const nl = run({ child: baby, parents: [{ role: 'mother', screenings: [epds(5, 2)] }] });
    expect(nl.recommendations[0]?.id).toBe('perinatal_mental_health.urgent.0');
    expect(nl.recommendations[0]?.rationale).toMatch(/113/);
    const be = run({ region: 'be', child: baby, parents: [{ role: 'mother', screenings: [epds(5, 2)] }] });
    expect(be.recommendations[0]?.rationale).toMatch(/1813/);
  });

  it('no_concern and screen_further give no recommendation (nothing to refer yet)', () => {
    const a = run({
      child: baby,
      parents: [{ role: 'mother', screenings: [{ instrument: 'gad_2', total: 5 }] }],
    });
    expect(a.recommendations.some((r) => r.category === 'perinatal_mental_health')).toBe(false);
  });

  it('a positive screen is a hindering factor of that parent, labelled as a screening result', () => {
    const a = run({ child: baby, parents: [{ role: 'father', screenings: [epds(11)] }] });
    expect(a.balance.hindering).toContain('positive_mental_health_screen');
    expect(a.balance.byParent[0]?.hindering).toEqual(['positive_mental_health_screen']);
    const factor = knowledge.factors.find((f) => f.code === 'positive_mental_health_screen');
    expect(factor?.label.nl).toMatch(/geen diagnose/);
  });

  it('property: a higher EPDS total never gives a lower outcome (item 10 fixed)', () => {
    const rank = (o: string | undefined) =>
      SCREENING_OUTCOMES.indexOf(o as (typeof SCREENING_OUTCOMES)[number]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 29 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<Role>('mother', 'father', 'co_parent'),
        (total, item10, role) => {
          const low = Math.max(total, item10);
          expect(rank(outcome(role, epds(low + 1, item10)))).toBeGreaterThanOrEqual(
            rank(outcome(role, epds(low, item10))),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: one parent screened alone comes out as she does among the family's parents", () => {
    const screening = fc.oneof(
      fc.record({
        instrument: fc.constant('whooley' as const),
        answers: fc.tuple(fc.boolean(), fc.boolean()),
      }),
      fc.record({ instrument: fc.constant('gad_2' as const), total: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ instrument: fc.constant('gad_7' as const), total: fc.integer({ min: 0, max: 21 }) }),
      fc
        .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 3 }))
        .map(([total, item10]): Screening => epds(Math.max(total, item10), item10)),
    );
    const parent = fc.record({
      role: fc.constantFrom<Role>('mother', 'father', 'co_parent'),
      screenings: fc.array(screening, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(parent, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('nl' as const, 'be' as const),
        fc.constantFrom('nl' as const, 'en' as const),
        (parents, region, lang) => {
          const parsed = parseAssessmentInput({ region, child: baby, parents });
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
          const together = screenParents(parsed.value, lang);
          parsed.value.parents.forEach((p, index) => {
            const alone = screenParent(p, region, lang);
            const among = together.find((r) => r.parent === index);
            expect(alone === null).toBe(among === undefined);
            if (alone && among) expect({ ...alone, parent: index }).toEqual(among);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the defaults are the DESIGN §3 cut-offs', () => {
    expect(DEFAULT_PERINATAL_THRESHOLDS).toMatchObject({
      gad2ScreenFurtherFrom: 3,
      epdsRescreenAbove: 10,
      epdsClinicalAbove: 13,
      epdsClinicalAboveNonBirthParent: 10,
      epdsItem10UrgentAbove: 0,
      gad7RescreenAbove: 10,
      gad7ClinicalAbove: 15,
    });
  });
});

describe('screening input is validated and the field named (DESIGN §4.1)', () => {
  const field = (screenings: unknown[]) => {
    const r = parseAssessmentInput({ child: baby, parents: [{ role: 'mother', screenings }] });
    return r.ok ? null : r.error.field;
  };
  it.each([
    [[{ instrument: 'epds', total: 31, item10: 0 }], 'parents[0].screenings[0].total'],
    [[{ instrument: 'gad_2', total: 7 }], 'parents[0].screenings[0].total'],
    [[{ instrument: 'gad_7', total: -1 }], 'parents[0].screenings[0].total'],
    [[{ instrument: 'phq_9', total: 28 }], 'parents[0].screenings[0].total'],
    [[{ instrument: 'whooley', answers: [true] }], 'parents[0].screenings[0].answers'],
    [[{ instrument: 'epds', items: [1, 1, 1] }], 'parents[0].screenings[0].items'],
    [[{ instrument: 'epds', items: [1, 1, 1, 1, 1, 1, 1, 1, 1, 4] }], 'parents[0].screenings[0].items[9]'],
    [[{ instrument: 'epds', total: 12 }], 'parents[0].screenings[0].item10'],
    [
      [
        { instrument: 'gad_2', total: 1 },
        { instrument: 'bdi', total: 3 },
      ],
      'parents[0].screenings[1].instrument',
    ],
  ])('%j → %s', (screenings, expected) => {
    expect(field(screenings)).toBe(expected);
  });

  it('a family- or child-level factor cannot be recorded for one parent', () => {
    const r = parseAssessmentInput({
      child: baby,
      parents: [{ role: 'mother', factors: { domestic_violence: 'present' } }],
    });
    expect(r.ok ? null : r.error.field).toBe('parents[0].factors.domestic_violence');
  });
});

describe('factors per parent (guideline Tabel 2.2, parent level)', () => {
  const OBI = 'Thema 3 "moeder met depressie en baby tot 12 maanden → Ouder-baby interventie"';
  const obi = (a: Assessment) =>
    a.recommendations.some((r) => r.interventions.includes('ouder_baby_interventie'));
  const criteria = {
    regulation_problems_persistent: true,
    parent_worry_or_overload_persistent: true,
  } as const;

  it(`${OBI}: a depressed father in a two-parent family does not get it`, () => {
    const a = run({
      child: { ageMonths: 4 },
      parents: [{ role: 'mother' }, { role: 'father', factors: { parent_depression: 'present' } }],
      criteria,
    });
    expect(obi(a)).toBe(false);
    expect(a.balance.hindering).toContain('parent_depression');
  });

  it(`${OBI}: the mother's own depression does, up to and including 12 months (12.9 yes, 13 no)`, () => {
    const at = (ageMonths: number) =>
      obi(
        run({
          child: { ageMonths },
          parents: [{ role: 'mother', factors: { parent_depression: 'present' } }, { role: 'father' }],
          criteria,
        }),
      );
    expect(at(12)).toBe(true);
    expect(at(12.9)).toBe(true);
    expect(at(13)).toBe(false);
  });

  it(`${OBI}: a depression recorded for "a parent" with no parents listed still offers it, saying for whom`, () => {
    const a = run({ child: { ageMonths: 3 }, factors: { parent_depression: 'present' }, criteria });
    const r = a.recommendations.find((x) => x.interventions.includes('ouder_baby_interventie'));
    expect(r?.rationale).toMatch(/als het de moeder is/);
  });

  it('a depression recorded for "a parent" in a family with a father listed does not name the mother', () => {
    const a = run({
      child: { ageMonths: 3 },
      parents: [{ role: 'mother' }, { role: 'father' }],
      factors: { parent_depression: 'present' },
      criteria,
    });
    expect(obi(a)).toBe(false);
  });

  it('Tabel 2.2 "tienermoeder": a mother under 20 makes teenage_mother present; 20 does not', () => {
    const hindering = (ageYears: number) =>
      run({ child: baby, parents: [{ role: 'mother', ageYears }] }).balance.hindering;
    expect(hindering(19)).toContain('teenage_mother');
    expect(hindering(20)).not.toContain('teenage_mother');
  });
});

describe('the Flemish IMH route (seed 004 "Wanneer verwijzen naar IMH")', () => {
  const signal = { factors: { difficult_temperament_or_excessive_crying: 'present' } } as const;

  it('in region be one IMH signal suggests consulting or referring to the IMH team', () => {
    const a = run({ region: 'be', child: { ageMonths: 5 }, ...signal });
    const r = a.recommendations.find((x) => x.id === 'refer_outside.imh_flanders');
    expect(r?.interventions).toEqual(['imh_team']);
    expect(r?.rationale).toMatch(/Kind en Gezin/);
    expect(r?.sources.some((s) => s.document === '004_a575a0cd639937c5.txt')).toBe(true);
    expect(a.recommendations.map((x) => x.category)).not.toEqual(['advise_and_monitor']);
  });

  it('in region nl one signal is not enough (two of the four criteria are)', () => {
    const a = run({ region: 'nl', child: { ageMonths: 5 }, ...signal });
    expect(a.recommendations.some((x) => x.interventions.includes('imh_team'))).toBe(false);
  });

  it('the Dutch IMH specialists see children up to 3 years; the Flemish teams up to 5', () => {
    const criteria = {
      regulation_problems_persistent: true,
      parent_worry_or_overload_persistent: true,
    } as const;
    const imh = (region: 'nl' | 'be', ageMonths: number) =>
      run({ region, child: { ageMonths }, criteria, ...signal }).recommendations.some((r) =>
        r.interventions.includes('imh_team'),
      );
    expect(imh('nl', 47)).toBe(true);
    expect(imh('nl', 48)).toBe(false);
    expect(imh('be', 48)).toBe(true);
  });
});

describe('weighing the safety route (Tabel 2.3 stap 4c)', () => {
  it.each([
    [{ cues: { parent_frightening_or_intrusive: true } }],
    [{ cues: { child_trauma_signals: true } }],
    [{ factors: { harsh_or_neglectful_parenting: 'present' } }],
  ] as const)('%j → a prompt to weigh the regional route, the professional decides', (extra) => {
    for (const region of ['nl', 'be'] as const) {
      const a = run({ region, child: { ageMonths: 30 }, ...extra });
      const r = a.recommendations.find((x) => x.id === `safety.weigh.${region}`);
      expect(r?.category).toBe('safety');
      expect(r?.interventions).toEqual([
        region === 'nl' ? 'meldcode_veilig_thuis' : 'vertrouwenscentrum_kindermishandeling',
      ]);
      expect(r?.rationale).toMatch(/jij beslist/);
    }
  });

  it('the Flemish route cites the Flemish route, not unrelated passages', () => {
    const a = run({ region: 'be', child: { ageMonths: 30 }, factors: { domestic_violence: 'present' } });
    const r = a.recommendations.find((x) => x.id === 'safety.be');
    expect(r?.sources.map((s) => s.document)).toContain('vertrouwenscentra-kindermishandeling-vlaanderen');
    expect(r?.sources.map((s) => s.document)).not.toContain('000_2afd5fe3e55409ce.txt');
  });
});
