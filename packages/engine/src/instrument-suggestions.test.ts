import { INSECURE_CUE_CODES, knowledge, SAFE_CUE_CODES } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { assess } from './assess.ts';
import type { Assessment } from './assessment.ts';
import { type AssessmentInputJson, parseAssessmentInput } from './input.ts';

function run(raw: AssessmentInputJson, lang: 'nl' | 'en' = 'nl'): Assessment {
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return assess(parsed.value, knowledge, { lang });
}

const ids = (a: Assessment) => a.instruments.map((i) => i.id);
const REC8 = 'Thema 2 aanbeveling 8c';
const insecure = { parent_insensitive_or_inconsistent: true, little_shared_enjoyment: true } as const;
const problematic = {
  ...Object.fromEntries(INSECURE_CUE_CODES.map((c) => [c, true])),
  interaction_full_of_tension: true,
};
const safe = Object.fromEntries(SAFE_CUE_CODES.map((c) => [c, true]));

describe(`instruments (${REC8}: LSVG / ARI-CP (2-5) bij 1 tot circa 5 jaar, AISI (6-12) bij oudere kinderen)`, () => {
  it(`${REC8}: insecure at 36 months → LSVG and ARI-CP 2-5`, () => {
    const a = run({ child: { ageMonths: 36 }, cues: insecure });
    expect(a.relationship.suggestedBand).toBe('insecure');
    expect(ids(a).sort()).toEqual(['ari_cp_2_5', 'lsvg']);
  });

  it(`${REC8}: problematic suspected at 36 months → LSVG and ARI-CP 2-5`, () => {
    const a = run({ child: { ageMonths: 36 }, cues: problematic });
    expect(a.relationship.suggestedBand).toBe('problematic_suspected');
    expect(ids(a).sort()).toEqual(['ari_cp_2_5', 'lsvg']);
  });

  it(`${REC8} "Bij oudere kinderen kan de AISI (6-12)": insecure at 96 months → AISI only`, () => {
    expect(ids(run({ child: { ageMonths: 96 }, cues: insecure }))).toEqual(['aisi_6_12']);
  });

  it('at 12–23 months only the LSVG fits (ARI-CP starts at 2 years)', () => {
    expect(ids(run({ child: { ageMonths: 18 }, cues: insecure }))).toEqual(['lsvg']);
  });

  it('under one year and in pregnancy no instrument fits', () => {
    expect(ids(run({ child: { ageMonths: 6 }, cues: insecure }))).toEqual([]);
    expect(ids(run({ child: { gestationWeeks: 30 }, cues: insecure }))).toEqual([]);
  });

  it('above 12 years no instrument fits', () => {
    expect(ids(run({ child: { ageMonths: 170 }, cues: insecure }))).toEqual([]);
  });

  it('a safe relationship → no instruments', () => {
    const a = run({ child: { ageMonths: 36 }, cues: safe });
    expect(a.relationship.suggestedBand).toBe('safe');
    expect(a.instruments).toEqual([]);
  });

  it('nothing observed (unclear) → no instruments', () => {
    expect(run({ child: { ageMonths: 36 } }).instruments).toEqual([]);
  });

  it('a reason is given, worded as an indication and not a diagnosis, in both languages', () => {
    const nl = run({ child: { ageMonths: 36 }, cues: insecure });
    const en = run({ child: { ageMonths: 36 }, cues: insecure }, 'en');
    for (const i of nl.instruments) expect(i.reason).toMatch(/indicatie, geen diagnose/);
    for (const i of en.instruments) expect(i.reason).toMatch(/indication, not a diagnosis/);
  });
});
