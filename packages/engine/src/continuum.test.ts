import { type CueCode, INSECURE_CUE_CODES, PROBLEMATIC_CUE_CODES, SAFE_CUE_CODES } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTINUUM_THRESHOLDS, placeOnContinuum } from './continuum.ts';

const T21 = 'guideline Thema 2, Tabel 2.1';

function observe(...codes: readonly CueCode[]): Partial<Record<CueCode, boolean>> {
  return Object.fromEntries(codes.map((c) => [c, true]));
}

describe('continuum (Thema 1; Thema 2 aanbeveling 6 and Tabel 2.1)', () => {
  it(`${T21} "Wanneer de ouder-kindrelatie veilig is": all ten safe cues → safe, listed`, () => {
    const r = placeOnContinuum(observe(...SAFE_CUE_CODES));
    expect(r.suggestedBand).toBe('safe');
    expect(r.safeCues).toEqual([...SAFE_CUE_CODES]);
    expect(r.insecureCues).toEqual([]);
    expect(r.problematicCues).toEqual([]);
    expect(r.basis).toBe('safe_cues_predominate');
  });

  it(`${T21}: "vrijwel alle bovenstaande kenmerken gelden én" bol van spanning → problematic suspected with those cues`, () => {
    const seven = INSECURE_CUE_CODES.slice(0, 7);
    const r = placeOnContinuum(observe(...seven, 'interaction_full_of_tension'));
    expect(r.suggestedBand).toBe('problematic_suspected');
    expect(r.insecureCues).toEqual([...seven]);
    expect(r.problematicCues).toEqual(['interaction_full_of_tension']);
    expect(r.basis).toBe('nearly_all_insecure_plus_problematic');
  });

  it(`${T21}: all nine insecure cues + all four additional cues → problematic suspected, all listed`, () => {
    const r = placeOnContinuum(observe(...INSECURE_CUE_CODES, ...PROBLEMATIC_CUE_CODES));
    expect(r.suggestedBand).toBe('problematic_suspected');
    expect(r.insecureCues).toHaveLength(9);
    expect(r.problematicCues).toEqual([...PROBLEMATIC_CUE_CODES]);
  });

  it(`${T21}: six of nine insecure cues is not "vrijwel alle" → a problematic cue gives insecure, not problematic`, () => {
    const r = placeOnContinuum(observe(...INSECURE_CUE_CODES.slice(0, 6), 'child_trauma_signals'));
    expect(r.suggestedBand).toBe('insecure');
    expect(r.basis).toBe('problematic_cues_without_nearly_all_insecure');
  });

  it(`${T21}: a problematic cue alone (without nearly all insecure cues) → insecure, never safe`, () => {
    const r = placeOnContinuum(observe('parent_frightening_or_intrusive'));
    expect(r.suggestedBand).toBe('insecure');
    expect(r.problematicCues).toEqual(['parent_frightening_or_intrusive']);
  });

  it(`${T21}: a problematic cue among all ten safe cues still does not read as safe`, () => {
    const r = placeOnContinuum(observe(...SAFE_CUE_CODES, 'child_severe_emotion_dysregulation'));
    expect(r.suggestedBand).toBe('insecure');
  });

  it(`${T21}: nearly all insecure cues without any additional cue → insecure, not problematic`, () => {
    const r = placeOnContinuum(observe(...INSECURE_CUE_CODES));
    expect(r.suggestedBand).toBe('insecure');
    expect(r.basis).toBe('insecure_cues_tip_balance');
  });

  it('no cues recorded → unclear', () => {
    const r = placeOnContinuum({});
    expect(r.suggestedBand).toBe('unclear');
    expect(r.basis).toBe('nothing_observed');
  });

  it('cues recorded as false are not observed → unclear', () => {
    const all = Object.fromEntries(
      [...SAFE_CUE_CODES, ...INSECURE_CUE_CODES, ...PROBLEMATIC_CUE_CODES].map((c) => [c, false]),
    );
    expect(placeOnContinuum(all).suggestedBand).toBe('unclear');
  });

  it('a single safe cue is too little to call the relationship safe → unclear', () => {
    const r = placeOnContinuum(observe('child_accepts_comfort'));
    expect(r.suggestedBand).toBe('unclear');
    expect(r.basis).toBe('too_few_safe_cues');
    expect(r.safeCues).toEqual(['child_accepts_comfort']);
  });

  it(`${T21} "De balans slaat meer door naar onveilig als…": one insecure cue against two safe ones tips it`, () => {
    const r = placeOnContinuum(
      observe('child_accepts_comfort', 'shared_enjoyment', 'parent_misses_child_stress'),
    );
    expect(r.suggestedBand).toBe('insecure');
    expect(r.insecureCues).toEqual(['parent_misses_child_stress']);
  });

  it('one insecure cue against five safe ones does not tip the balance → safe', () => {
    const r = placeOnContinuum(observe(...SAFE_CUE_CODES.slice(0, 5), 'parent_overprotective'));
    expect(r.suggestedBand).toBe('safe');
    expect(r.insecureCues).toEqual(['parent_overprotective']);
  });

  it('an insecure cue on its own → insecure', () => {
    expect(placeOnContinuum(observe('little_shared_enjoyment')).suggestedBand).toBe('insecure');
  });

  it('thresholds are configurable: "nearly all" set to 5 makes 5 insecure + 1 additional problematic', () => {
    const cues = observe(...INSECURE_CUE_CODES.slice(0, 5), 'child_trauma_signals');
    expect(placeOnContinuum(cues).suggestedBand).toBe('insecure');
    expect(
      placeOnContinuum(cues, { ...DEFAULT_CONTINUUM_THRESHOLDS, problematicMinInsecure: 5 }).suggestedBand,
    ).toBe('problematic_suspected');
  });

  it('thresholds are configurable: requiring two additional cues keeps one additional cue at insecure', () => {
    const cues = observe(...INSECURE_CUE_CODES, 'child_trauma_signals');
    const strict = { ...DEFAULT_CONTINUUM_THRESHOLDS, problematicMinAdditional: 2 };
    expect(placeOnContinuum(cues, strict).suggestedBand).toBe('insecure');
    expect(placeOnContinuum({ ...cues, interaction_full_of_tension: true }, strict).suggestedBand).toBe(
      'problematic_suspected',
    );
  });

  it('the default thresholds are the documented reading of Tabel 2.1 (7 of 9 = nearly all, ≥ 1 additional)', () => {
    expect(DEFAULT_CONTINUUM_THRESHOLDS.problematicMinInsecure).toBe(7);
    expect(DEFAULT_CONTINUUM_THRESHOLDS.problematicMinAdditional).toBe(1);
  });

  it('lists cues in the canonical order, whatever the input order', () => {
    const r = placeOnContinuum(observe('parent_little_leadership', 'child_no_approach_or_not_calmed'));
    expect(r.insecureCues).toEqual(['child_no_approach_or_not_calmed', 'parent_little_leadership']);
  });
});
