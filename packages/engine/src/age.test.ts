import { describe, expect, it } from 'vitest';
import { ageFits, childAge, tipBand } from './age.ts';

describe('child age', () => {
  it('reads a born child from ageMonths and an unborn child from gestationWeeks', () => {
    expect(childAge({ ageMonths: 14, firstChild: true })).toEqual({ born: true, months: 14 });
    expect(childAge({ gestationWeeks: 20 })).toEqual({ born: false, gestationWeeks: 20 });
  });
});

describe('ageFits', () => {
  const vippSd = { minMonths: 12, belowMonths: 73 };
  const prenatal = { minGestationWeeks: 16, minMonths: 0, belowMonths: 25 };

  it('is inclusive at both ends ("VIPP-SD 1–6 jaar" includes 12 and 72 months)', () => {
    expect(ageFits(vippSd, { born: true, months: 12 })).toBe(true);
    expect(ageFits(vippSd, { born: true, months: 72 })).toBe(true);
    expect(ageFits(vippSd, { born: true, months: 11 })).toBe(false);
    expect(ageFits(vippSd, { born: true, months: 73 })).toBe(false);
  });

  it('an unborn child fits only ranges that start in pregnancy, from their start week', () => {
    expect(ageFits(vippSd, { born: false, gestationWeeks: 30 })).toBe(false);
    expect(ageFits(prenatal, { born: false, gestationWeeks: 15 })).toBe(false);
    expect(ageFits(prenatal, { born: false, gestationWeeks: 16 })).toBe(true);
    expect(ageFits(prenatal, { born: false, gestationWeeks: 40 })).toBe(true);
  });
});

describe('tip band (guideline Thema 2, Box 2.1: 0–2, 2–4, 4–12, vanaf 12 jaar)', () => {
  it.each([
    [{ born: false, gestationWeeks: 20 } as const, '0_2'],
    [{ born: true, months: 0 } as const, '0_2'],
    [{ born: true, months: 23 } as const, '0_2'],
    [{ born: true, months: 24 } as const, '2_4'],
    [{ born: true, months: 47 } as const, '2_4'],
    [{ born: true, months: 48 } as const, '4_12'],
    [{ born: true, months: 143 } as const, '4_12'],
    [{ born: true, months: 144 } as const, '12_plus'],
    [{ born: true, months: 216 } as const, '12_plus'],
  ])('%o → %s', (age, band) => {
    expect(tipBand(age)).toBe(band);
  });
});
