import { describe, expect, it } from 'vitest';
import { addDays, ageInMonths, daysBetween, formatDate, gestationWeeks, isIsoDate } from './dates.ts';

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-1')).toBe(false);
  });

  it('counts completed months of age', () => {
    expect(ageInMonths('2025-01-15', '2025-02-14')).toBe(0);
    expect(ageInMonths('2025-01-15', '2025-02-15')).toBe(1);
    expect(ageInMonths('2024-01-31', '2024-02-29')).toBe(1);
    expect(ageInMonths('2024-03-10', '2025-05-10')).toBe(14);
  });

  it('counts weeks of gestation back from the due date', () => {
    expect(gestationWeeks('2026-06-01', '2026-06-01')).toBe(40);
    expect(gestationWeeks('2026-06-01', addDays('2026-06-01', -140))).toBe(20);
    expect(gestationWeeks('2026-06-01', addDays('2026-06-01', -141))).toBe(19);
  });

  it('adds days across months and counts them', () => {
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
  });

  it('formats dates for the locale', () => {
    expect(formatDate('2026-03-14', 'nl-NL')).toBe('14 mrt 2026');
    expect(formatDate('2026-03-14', 'en-GB')).toBe('14 Mar 2026');
  });
});
