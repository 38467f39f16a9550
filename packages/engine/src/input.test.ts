import { describe, expect, it } from 'vitest';
import { parseAssessmentInput } from './input.ts';

const DESIGN_EXAMPLE = {
  region: 'nl',
  child: { ageMonths: 14, firstChild: true },
  parents: [{ role: 'mother', ageYears: 19, lowEducation: true }],
  factors: { parent_depression: 'present', social_network_support: 'absent' },
  cues: { child_accepts_comfort: true },
  criteria: { regulation_problems_persistent: true },
};

function fieldOf(raw: unknown): string {
  const r = parseAssessmentInput(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  expect(r.error.error).toBe('invalid_input');
  expect(r.error.message.trim()).not.toBe('');
  return r.error.field;
}

describe('parseAssessmentInput accepts the contract (DESIGN §4.1)', () => {
  it('accepts the DESIGN example as is', () => {
    const r = parseAssessmentInput(DESIGN_EXAMPLE);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.child).toEqual({ ageMonths: 14, firstChild: true });
  });

  it('fills the defaults: region nl, no parents, no factors, cues or criteria', () => {
    const r = parseAssessmentInput({ child: { ageMonths: 3 } });
    expect(r).toEqual({
      ok: true,
      value: { region: 'nl', child: { ageMonths: 3 }, parents: [], factors: {}, cues: {}, criteria: {} },
    });
  });

  it('accepts an unborn child by gestation weeks, and region be', () => {
    const r = parseAssessmentInput({ region: 'be', child: { gestationWeeks: 20, firstChild: true } });
    expect(r.ok).toBe(true);
  });

  it('accepts every factor value: present, absent, unknown', () => {
    for (const v of ['present', 'absent', 'unknown']) {
      expect(parseAssessmentInput({ child: { ageMonths: 3 }, factors: { parent_stress: v } }).ok).toBe(true);
    }
  });

  it('accepts the ends of the age range: 0 and 216 months', () => {
    expect(parseAssessmentInput({ child: { ageMonths: 0 } }).ok).toBe(true);
    expect(parseAssessmentInput({ child: { ageMonths: 216 } }).ok).toBe(true);
  });
});

describe('parseAssessmentInput rejects bad input and names the field', () => {
  it.each([
    ['ageMonths −1', { child: { ageMonths: -1 } }, 'child.ageMonths'],
    ['ageMonths 300', { child: { ageMonths: 300 } }, 'child.ageMonths'],
    ['gestationWeeks 50', { child: { gestationWeeks: 50 } }, 'child.gestationWeeks'],
    [
      'unknown factor code',
      { child: { ageMonths: 3 }, factors: { not_a_factor: 'present' } },
      'factors.not_a_factor',
    ],
    [
      'unknown cue code',
      { child: { ageMonths: 3 }, cues: { child_smiles_a_lot: true } },
      'cues.child_smiles_a_lot',
    ],
    [
      'unknown criterion code',
      { child: { ageMonths: 3 }, criteria: { too_much_tv: true } },
      'criteria.too_much_tv',
    ],
    ['unknown region', { region: 'de', child: { ageMonths: 3 } }, 'region'],
    [
      'wrong factor value',
      { child: { ageMonths: 3 }, factors: { parent_stress: 'yes' } },
      'factors.parent_stress',
    ],
    [
      'cue value not boolean',
      { child: { ageMonths: 3 }, cues: { child_accepts_comfort: 'yes' } },
      'cues.child_accepts_comfort',
    ],
    [
      'criterion value not boolean',
      { child: { ageMonths: 3 }, criteria: { insufficient_jgz_support: 1 } },
      'criteria.insufficient_jgz_support',
    ],
    ['extra top-level field', { child: { ageMonths: 3 }, name: 'Sem' }, 'name'],
    ['extra child field', { child: { ageMonths: 3, name: 'Sem' } }, 'child.name'],
    ['unknown parent role', { child: { ageMonths: 3 }, parents: [{ role: 'uncle' }] }, 'parents[0].role'],
    [
      'impossible parent age',
      { child: { ageMonths: 3 }, parents: [{ role: 'mother', ageYears: 3 }] },
      'parents[0].ageYears',
    ],
    [
      'lowEducation not boolean',
      { child: { ageMonths: 3 }, parents: [{ role: 'mother', lowEducation: 'yes' }] },
      'parents[0].lowEducation',
    ],
    ['factors not an object', { child: { ageMonths: 3 }, factors: ['parent_stress'] }, 'factors'],
  ])('%s → field %s', (_, raw, field) => {
    expect(fieldOf(raw)).toBe(field);
  });

  it('both ageMonths and gestationWeeks → names the child', () => {
    expect(fieldOf({ child: { ageMonths: 3, gestationWeeks: 20 } })).toMatch(/^child(\.|$)/);
  });

  it('no age at all → names the child', () => {
    expect(fieldOf({ child: { firstChild: true } })).toMatch(/^child(\.|$)/);
  });

  it('missing child → names the child', () => {
    expect(fieldOf({ region: 'nl' })).toMatch(/^child(\.|$)/);
  });

  it('ageMonths of the wrong type → names child.ageMonths', () => {
    expect(fieldOf({ child: { ageMonths: '14' } })).toBe('child.ageMonths');
  });

  it('gestationWeeks of the wrong type → names child.gestationWeeks', () => {
    expect(fieldOf({ child: { gestationWeeks: 'twenty' } })).toBe('child.gestationWeeks');
  });

  it('a non-object input is rejected', () => {
    for (const raw of [null, [], 'assess', 42]) expect(parseAssessmentInput(raw).ok).toBe(false);
  });
});
