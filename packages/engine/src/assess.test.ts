import { DOC, INTERVENTION_CODES, knowledge } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { assess } from './assess.ts';
import type { Assessment } from './assessment.ts';
import { type AssessmentInputJson, parseAssessmentInput } from './input.ts';

function run(raw: AssessmentInputJson, lang?: 'nl' | 'en'): Assessment {
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return assess(parsed.value, knowledge, lang ? { lang } : {});
}

/** DESIGN.md §4.1, verbatim. */
const DESIGN_EXAMPLE: AssessmentInputJson = {
  region: 'nl',
  child: { ageMonths: 14, firstChild: true },
  parents: [{ role: 'mother', ageYears: 19, lowEducation: true }],
  factors: { parent_depression: 'present', social_network_support: 'absent' },
  cues: { child_accepts_comfort: true },
  criteria: { regulation_problems_persistent: true },
};

const CATEGORIES = [
  'advise_and_monitor',
  'video_feedback',
  'parenting_support',
  'indicated_program',
  'refer_outside',
  'perinatal_mental_health',
  'safety',
];

describe('assess on the DESIGN §4.1 example', () => {
  const a = run(DESIGN_EXAMPLE);

  it('has every required field with the contract types', () => {
    expect(a.knowledgeVersion).toBe(knowledge.version);
    expect(['safe', 'insecure', 'problematic_suspected', 'unclear']).toContain(a.relationship.suggestedBand);
    for (const list of [
      a.relationship.safeCues,
      a.relationship.insecureCues,
      a.relationship.problematicCues,
    ]) {
      expect(Array.isArray(list)).toBe(true);
    }
    expect(Array.isArray(a.balance.hindering)).toBe(true);
    expect(Array.isArray(a.balance.protective)).toBe(true);
    expect(typeof a.balance.cumulativeRisk).toBe('boolean');
    expect(Array.isArray(a.referral.criteriaMet)).toBe(true);
    expect(typeof a.referral.referOutside).toBe('boolean');
    expect(a.recommendations.length).toBeGreaterThan(0);
    for (const r of a.recommendations) {
      expect(typeof r.id).toBe('string');
      expect(r.id).not.toBe('');
      expect(CATEGORIES).toContain(r.category);
      for (const i of r.interventions) expect(INTERVENTION_CODES).toContain(i);
      expect(r.rationale.trim()).not.toBe('');
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) {
        expect(Object.values(DOC)).toContain(s.document);
        expect(s.ref.trim()).not.toBe('');
      }
    }
    for (const i of a.instruments) {
      expect(['lsvg', 'ari_cp_2_5', 'aisi_2_5', 'aisi_6_12']).toContain(i.id);
      expect(i.reason.trim()).not.toBe('');
    }
  });

  it('reads the example as the guideline would', () => {
    expect(a.relationship.safeCues).toEqual(['child_accepts_comfort']);
    expect(a.relationship.suggestedBand).toBe('unclear');
    // The mother is 19: a teenage mother (Tabel 2.2) follows from her age, so two burdens accumulate.
    expect(a.balance.hindering).toEqual(['parent_depression', 'teenage_mother']);
    expect(a.balance.protective).toEqual([]);
    expect(a.balance.missingStrengths).toEqual(['social_network_support']);
    expect(a.balance.cumulativeRisk).toBe(true);
    expect(a.referral).toMatchObject({
      criteriaMet: ['regulation_problems_persistent'],
      referOutside: false,
    });
    expect(a.safetyConcern).toBe(false);
    expect(a.recommendations.some((r) => r.category === 'refer_outside')).toBe(false);
    expect(a.recommendations.at(-1)?.category).toBe('advise_and_monitor');
    expect(a.parentTips.band).toBe('0_2');
    expect(a.child).toEqual({ born: true, ageMonths: 14, gestationWeeks: null });
  });

  it('survives a JSON round trip unchanged (what the CLI and server send)', () => {
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('is deterministic', () => {
    expect(run(DESIGN_EXAMPLE)).toEqual(a);
  });
});

describe('language of the explanation', () => {
  const heavy: AssessmentInputJson = {
    child: { ageMonths: 10 },
    parents: [{ role: 'mother', ageYears: 22, lowEducation: true }],
    factors: {
      maltreatment_or_neglect: 'present',
      parent_depression: 'present',
      low_social_support: 'present',
    },
    cues: { parent_misses_child_stress: true, child_accepts_comfort: true },
    criteria: { regulation_problems_persistent: true, parent_worry_or_overload_persistent: true },
  };

  it('is Dutch by default and English with lang en: every rationale differs', () => {
    const nl = run(heavy);
    const en = run(heavy, 'en');
    expect(nl.lang).toBe('nl');
    expect(en.lang).toBe('en');
    expect(nl.recommendations.map((r) => r.id)).toEqual(en.recommendations.map((r) => r.id));
    nl.recommendations.forEach((r, i) => {
      expect(r.rationale).not.toBe(en.recommendations[i]?.rationale);
    });
    expect(nl.relationship.explanation).not.toBe(en.relationship.explanation);
    expect(nl.balance.explanation).not.toBe(en.balance.explanation);
    expect(nl.disclaimer).not.toBe(en.disclaimer);
  });

  it('English output reads as English, Dutch as Dutch', () => {
    const nl = run(heavy);
    const en = run(heavy, 'en');
    expect(en.recommendations.at(-1)?.rationale).toMatch(/\bthe\b/i);
    expect(nl.recommendations.at(-1)?.rationale).toMatch(/\b(de|het|en)\b/);
    expect(en.balance.explanation).toMatch(/hindering/);
    expect(nl.balance.explanation).toMatch(/belemmerende/);
  });

  it('lang only changes wording, never the advice itself', () => {
    const strip = (a: Assessment) => ({
      relationship: { ...a.relationship, explanation: '' },
      balance: { ...a.balance, explanation: '' },
      referral: a.referral,
      recommendations: a.recommendations.map((r) => ({ ...r, rationale: '' })),
      instruments: a.instruments.map((i) => i.id),
      tipBand: a.parentTips.band,
    });
    expect(strip(run(heavy, 'en'))).toEqual(strip(run(heavy)));
  });

  it('says it is advice, not a diagnosis', () => {
    expect(run(heavy).disclaimer).toMatch(/geen diagnose/);
    expect(run(heavy, 'en').disclaimer).toMatch(/not a diagnosis/);
  });
});

describe('region', () => {
  it('defaults to nl and is echoed', () => {
    expect(run({ child: { ageMonths: 3 } }).region).toBe('nl');
    expect(run({ region: 'be', child: { ageMonths: 3 } }).region).toBe('be');
  });

  it('recommends only interventions offered in the family’s region', () => {
    const a = run({
      region: 'be',
      child: { ageMonths: 20 },
      parents: [{ role: 'foster_parent' }],
      factors: { parent_stress: 'present', low_social_support: 'present', domestic_violence: 'present' },
      cues: { parent_little_leadership: true },
      criteria: { regulation_problems_persistent: true, disturbed_parent_child_communication: true },
    });
    for (const code of a.recommendations.flatMap((r) => r.interventions)) {
      expect(knowledge.interventions.find((i) => i.code === code)?.regions, code).toContain('be');
    }
  });
});

describe('unborn child', () => {
  it('reports the gestation and gives the baby tips', () => {
    const a = run({ child: { gestationWeeks: 22, firstChild: true } });
    expect(a.child).toEqual({ born: false, ageMonths: null, gestationWeeks: 22 });
    expect(a.parentTips.band).toBe('0_2');
  });
});
