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
  it(`Thema 2 aanbeveling 8a/8b: insecure at 36 months → the lighter aids, no questionnaire`, () => {
    const a = run({ child: { ageMonths: 36 }, cues: insecure });
    expect(a.relationship.suggestedBand).toBe('insecure');
    expect(ids(a)).toEqual([]);
    expect(a.conversationAids.map((x) => x.id)).toEqual(['babykennis_infokaart', 'basic_trust_infosheet']);
  });

  it(`${REC8} "Bij (vermoeden van) een problematische gehechtheidsrelatie (1 tot circa 5 jaar)": problematic suspected at 36 months → LSVG, ARI-CP 2-5 and AISI 2-5`, () => {
    const a = run({ child: { ageMonths: 36 }, cues: problematic });
    expect(a.relationship.suggestedBand).toBe('problematic_suspected');
    expect(ids(a).sort()).toEqual(['aisi_2_5', 'ari_cp_2_5', 'lsvg']);
    for (const i of a.instruments) {
      expect(i.conditions).toMatch(/toestemming/);
      expect(i.sources.some((s) => s.ref.includes('aanbeveling 8c'))).toBe(true);
    }
  });

  it(`${REC8} "Bij oudere kinderen kan de AISI (6-12)": problematic at 96 months → AISI 6-12 only`, () => {
    expect(ids(run({ child: { ageMonths: 96 }, cues: problematic }))).toEqual(['aisi_6_12']);
  });

  it('half-open ranges: at 71.9 months the LSVG still fits, at 72 the AISI 6-12 takes over', () => {
    expect(ids(run({ child: { ageMonths: 71.9 }, cues: problematic })).sort()).toEqual([
      'aisi_2_5',
      'ari_cp_2_5',
      'lsvg',
    ]);
    expect(ids(run({ child: { ageMonths: 72 }, cues: problematic }))).toEqual(['aisi_6_12']);
    expect(ids(run({ child: { ageMonths: 155.9 }, cues: problematic }))).toEqual(['aisi_6_12']);
    expect(ids(run({ child: { ageMonths: 156 }, cues: problematic }))).toEqual([]);
  });

  it('at 12–23 months only the LSVG fits (ARI-CP starts at 2 years)', () => {
    expect(ids(run({ child: { ageMonths: 18 }, cues: problematic }))).toEqual(['lsvg']);
  });

  it('under one year and in pregnancy no instrument fits', () => {
    expect(ids(run({ child: { ageMonths: 6 }, cues: problematic }))).toEqual([]);
    expect(ids(run({ child: { gestationWeeks: 30 }, cues: problematic }))).toEqual([]);
  });

  it('above 12 years no instrument fits', () => {
    expect(ids(run({ child: { ageMonths: 170 }, cues: problematic }))).toEqual([]);
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
