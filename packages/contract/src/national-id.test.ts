import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inszCentury, isValidBsn, isValidInsz, nationalIdDigits } from './national-id.ts';

/** A valid BSN from its first eight digits: the ninth makes the weighted sum divisible by 11 (when it can). */
const bsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((d) => {
    const sum = d.reduce((s, v, i) => s + v * (9 - i), 0);
    return { digits: d, last: sum % 11 };
  })
  .filter(({ digits, last }) => last < 10 && digits.some((v) => v > 0))
  .map(({ digits, last }) => `${digits.join('')}${last}`);

/** A valid INSZ from nine digits and a century: the check digits computed by that century's rule. */
const insz = fc
  .record({
    base: fc.integer({ min: 0, max: 999_999_999 }),
    from2000: fc.boolean(),
  })
  .map(({ base, from2000 }) => {
    const check = 97 - ((from2000 ? 2_000_000_000 + base : base) % 97);
    return {
      digits: `${String(base).padStart(9, '0')}${String(check).padStart(2, '0')}`,
      century: from2000 ? ('from_2000' as const) : ('before_2000' as const),
    };
  });

/** Every number that differs from `digits` in exactly one place. */
function singleDigitChanges(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < digits.length; i++)
    for (let d = 0; d <= 9; d++)
      if (String(d) !== digits[i]) out.push(`${digits.slice(0, i)}${d}${digits.slice(i + 1)}`);
  return out;
}

describe('BSN (elfproef)', () => {
  it('accepts the numbers the rule generates and known examples', () => {
    fc.assert(fc.property(bsn, (n) => isValidBsn(n)));
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
  });

  it('rejects every single-digit change of a valid number', () => {
    fc.assert(
      fc.property(bsn, (n) => {
        for (const changed of singleDigitChanges(n)) expect(isValidBsn(changed), changed).toBe(false);
      }),
    );
  });

  it('rejects other lengths, letters and all zeros', () => {
    for (const n of ['12345678', '1234567820', '12345678a', '000000000', ''])
      expect(isValidBsn(n)).toBe(false);
  });
});

describe('INSZ / rijksregisternummer (mod 97)', () => {
  it('accepts the numbers either century rule generates, and tells which rule', () => {
    fc.assert(fc.property(insz, ({ digits, century }) => inszCentury(digits) === century));
    // Born 1985-07-30 (no 2000-prefix) and 2001-01-01 (the "2" prefix rule).
    expect(inszCentury('85073003328')).toBe('before_2000');
    expect(inszCentury('01010100126')).toBe('from_2000');
  });

  it('rejects every single-digit change, except the one change the two century rules share', () => {
    fc.assert(
      fc.property(insz, ({ digits, century }) => {
        for (const changed of singleDigitChanges(digits)) {
          const got = inszCentury(changed);
          // Never valid by the same rule. By the other rule only when the tens of the birth year move by 6
          // (2·10^9 ≡ −6·10^7 mod 97): 1986 ↔ 2026 share their check digits by construction of the scheme.
          expect(got === century, changed).toBe(false);
          if (got !== null) {
            expect(changed.slice(2)).toBe(digits.slice(2));
            expect(Number(changed[1]) - Number(digits[1])).toBe(century === 'before_2000' ? -6 : 6);
          }
        }
      }),
    );
  });

  it('rejects other lengths and letters', () => {
    for (const n of ['8507300332', '850730033281', '8507300332x']) expect(isValidInsz(n)).toBe(false);
    expect(isValidInsz('85073003329')).toBe(false);
  });
});

describe('how numbers are typed', () => {
  it('reads the usual separators as digits', () => {
    expect(nationalIdDigits('85.07.30-033.28')).toBe('85073003328');
    expect(nationalIdDigits(' 1234 56 782 ')).toBe('123456782');
  });
});
