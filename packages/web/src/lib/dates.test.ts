import { describe, expect, it } from 'vitest';
import { formatDate, toIsoDate } from './dates.ts';

describe('dates', () => {
  it('takes the local calendar day', () => {
    expect(toIsoDate(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
  });

  it('formats dates for the locale, leaving what is not a date as it is', () => {
    expect(formatDate('2026-03-14', 'nl-NL')).toBe('14 mrt 2026');
    expect(formatDate('2026-03-14', 'en-GB')).toBe('14 Mar 2026');
    expect(formatDate('2025-02-29', 'en-GB')).toBe('2025-02-29');
  });
});
