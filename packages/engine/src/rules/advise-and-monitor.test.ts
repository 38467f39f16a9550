import { knowledge } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { assess } from '../assess.ts';
import type { Assessment } from '../assessment.ts';
import { type AssessmentInputJson, parseAssessmentInput } from '../input.ts';

function run(raw: AssessmentInputJson, lang: 'nl' | 'en' = 'nl'): Assessment {
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return assess(parsed.value, knowledge, { lang });
}

const BOX = 'Thema 2 aanbeveling 4 and Box 2.1';

describe(`advise and monitor, always (${BOX}; Thema 3 Overwegingen)`, () => {
  it.each([
    [{ gestationWeeks: 20 }, '0_2'],
    [{ ageMonths: 0 }, '0_2'],
    [{ ageMonths: 23 }, '0_2'],
    [{ ageMonths: 24 }, '2_4'],
    [{ ageMonths: 47 }, '2_4'],
    [{ ageMonths: 48 }, '4_12'],
    [{ ageMonths: 143 }, '4_12'],
    [{ ageMonths: 144 }, '12_plus'],
    [{ ageMonths: 216 }, '12_plus'],
  ] as const)(`${BOX}: child %o → advise_and_monitor with tips of band %s`, (child, band) => {
    const a = run({ child });
    const r = a.recommendations.find((x) => x.category === 'advise_and_monitor');
    expect(r).toBeDefined();
    expect(r?.rationale.trim()).not.toBe('');
    expect(r?.sources.length).toBeGreaterThan(0);
    expect(a.parentTips.band).toBe(band);
    const expected = knowledge.parentTips.find((t) => t.band === band);
    expect(a.parentTips.tips).toEqual(expected?.tips.map((t) => t.nl));
    expect(a.parentTips.title).toBe(expected?.title.nl);
  });

  it('is present in a heavy case too, as the last recommendation', () => {
    const a = run({
      child: { ageMonths: 9 },
      parents: [{ role: 'mother' }],
      factors: { maltreatment_or_neglect: 'present', parent_depression: 'present' },
      criteria: { regulation_problems_persistent: true, parent_worry_or_overload_persistent: true },
    });
    expect(a.recommendations.at(-1)?.category).toBe('advise_and_monitor');
    expect(a.recommendations.filter((r) => r.category === 'advise_and_monitor')).toHaveLength(1);
  });

  it('with nothing recorded it is the only recommendation', () => {
    const a = run({ child: { ageMonths: 4 } });
    expect(a.recommendations.map((r) => r.category)).toEqual(['advise_and_monitor']);
  });

  it('tips follow the language: English tips with lang en', () => {
    const a = run({ child: { ageMonths: 30 } }, 'en');
    expect(a.parentTips.tips).toEqual(
      knowledge.parentTips.find((t) => t.band === '2_4')?.tips.map((t) => t.en),
    );
  });

  it('when the balance tips to insecure, it asks to come back to it at the next contact', () => {
    const calm = run({ child: { ageMonths: 8 } }).recommendations.at(-1)?.rationale;
    const concern = run({
      child: { ageMonths: 8 },
      cues: { parent_misses_child_stress: true },
    }).recommendations.at(-1)?.rationale;
    expect(concern).not.toBe(calm);
    expect(concern).toMatch(/volgende contact/);
  });
});
