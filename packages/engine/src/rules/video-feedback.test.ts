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

const video = (a: Assessment) => a.recommendations.find((r) => r.category === 'video_feedback');
const support = (a: Assessment) => a.recommendations.find((r) => r.category === 'parenting_support');

const REC1 = 'Thema 3 aanbeveling 1';
/** A relatively well-functioning parent who finds sensitive responding hard (Tabel 2.1 insecure cue). */
const sensitivity = { parent_insensitive_or_inconsistent: true } as const;

describe(`video feedback (${REC1}: "problemen met sensitief opvoeden of grenzen stellen (en relatief goed functioneren)")`, () => {
  it(`${REC1} + "K-VHT … nul tot vier jaar": at 6 months → K-VHT (and VIB), not VIPP-SD (1–6 jaar)`, () => {
    const r = video(run({ child: { ageMonths: 6 }, cues: sensitivity }));
    expect(r).toBeDefined();
    expect(r?.interventions).toContain('k_vht');
    expect(r?.interventions).not.toContain('vipp_sd');
    const vib = knowledge.interventions.find((i) => i.code === 'vib');
    if (vib && vib.ages.minMonths <= 6 && vib.ages.belowMonths > 6) expect(r?.interventions).toContain('vib');
    expect(r?.interventions.every((c) => ['k_vht', 'vib'].includes(c))).toBe(true);
  });

  it(`${REC1} + "VIPP-SD (1-6 jaar)": at 60 months → VIPP-SD, not K-VHT (0–4 jaar)`, () => {
    const r = video(run({ child: { ageMonths: 60 }, cues: sensitivity }));
    expect(r?.interventions).toContain('vipp_sd');
    expect(r?.interventions).not.toContain('k_vht');
  });

  it('at 36 months both VIPP-SD and K-VHT fit', () => {
    const r = video(run({ child: { ageMonths: 36 }, cues: { parent_misses_child_stress: true } }));
    expect(r?.interventions).toEqual(expect.arrayContaining(['vipp_sd', 'k_vht']));
  });

  it('at 12 and 72 months VIPP-SD fits (ends included); at 73 months it does not', () => {
    expect(video(run({ child: { ageMonths: 12 }, cues: sensitivity }))?.interventions).toContain('vipp_sd');
    expect(video(run({ child: { ageMonths: 72 }, cues: sensitivity }))?.interventions).toContain('vipp_sd');
    expect(video(run({ child: { ageMonths: 73 }, cues: sensitivity }))?.interventions ?? []).not.toContain(
      'vipp_sd',
    );
  });

  it.each([
    'parent_insensitive_or_inconsistent',
    'parent_misses_child_stress',
    'parent_uncomfortable_with_closeness',
    'parent_overprotective',
    'parent_little_leadership',
  ] as const)('the sensitivity / limit-setting cue %s triggers it', (cue) => {
    expect(video(run({ child: { ageMonths: 24 }, cues: { [cue]: true } }))).toBeDefined();
  });

  it('cites Thema 3 aanbeveling 1 and has a rationale naming the programmes', () => {
    const r = video(run({ child: { ageMonths: 24 }, cues: sensitivity }));
    expect(r?.sources).toContainEqual({
      document: '003_47e0953cc5abd28a.txt',
      ref: 'Thema 3, aanbeveling 1',
    });
    expect(r?.rationale).toContain('VIPP-SD');
  });

  it('no problem with sensitivity or limits (only child cues) → no video feedback', () => {
    const a = run({ child: { ageMonths: 24 }, cues: { child_withdraws_or_object_comfort: true } });
    expect(video(a)).toBeUndefined();
  });

  it('"relatief goed functioneren": not when the parent has a depression', () => {
    const a = run({ child: { ageMonths: 24 }, cues: sensitivity, factors: { parent_depression: 'present' } });
    expect(video(a)).toBeUndefined();
  });

  it.each(['parent_mental_health_problems', 'parent_substance_abuse'] as const)(
    '"relatief goed functioneren": not when %s is present',
    (factor) => {
      expect(
        video(run({ child: { ageMonths: 24 }, cues: sensitivity, factors: { [factor]: 'present' } })),
      ).toBeUndefined();
    },
  );

  it('not when referring outside JGZ (two or more criteria: light JGZ help is not enough)', () => {
    const a = run({
      child: { ageMonths: 24 },
      cues: sensitivity,
      criteria: { disturbed_parent_child_communication: true, insufficient_jgz_support: true },
    });
    expect(a.referral.referOutside).toBe(true);
    expect(video(a)).toBeUndefined();
  });

  it('not when there is a safety concern', () => {
    const a = run({ child: { ageMonths: 24 }, cues: sensitivity, factors: { domestic_violence: 'present' } });
    expect(video(a)).toBeUndefined();
  });

  it('not for an unborn child (there is no interaction to film yet)', () => {
    expect(video(run({ child: { gestationWeeks: 30 }, cues: sensitivity }))).toBeUndefined();
  });

  it('with a single criterion (no referral) video feedback is still offered', () => {
    const a = run({
      child: { ageMonths: 24 },
      cues: sensitivity,
      criteria: { insufficient_jgz_support: true },
    });
    expect(video(a)).toBeDefined();
  });
});

describe(`parenting support (${REC1}: "Ouders kunnen daarnaast gebruik maken van opvoedondersteuning"; Triple P 2–16 jaar)`, () => {
  it('limit-setting difficulty at 36 months → Triple P level 4/5', () => {
    const a = run({ child: { ageMonths: 36 }, cues: { parent_little_leadership: true } });
    expect(support(a)?.interventions).toEqual(['triple_p_4_5']);
    expect(video(a)).toBeDefined();
  });

  it('low parenting confidence at 5 years → Triple P', () => {
    const a = run({ child: { ageMonths: 60 }, factors: { low_parenting_confidence: 'present' } });
    expect(support(a)?.interventions).toEqual(['triple_p_4_5']);
  });

  it('below 2 years Triple P (2–16 jaar) does not fit → no parenting-support recommendation', () => {
    expect(
      support(run({ child: { ageMonths: 18 }, cues: { parent_little_leadership: true } })),
    ).toBeUndefined();
  });

  it('above 16 years Triple P does not fit', () => {
    expect(
      support(run({ child: { ageMonths: 200 }, cues: { parent_little_leadership: true } })),
    ).toBeUndefined();
  });

  it('sensitivity problems alone (no limit-setting or confidence issue) → no parenting support', () => {
    expect(support(run({ child: { ageMonths: 36 }, cues: sensitivity }))).toBeUndefined();
  });
});
