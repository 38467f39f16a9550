import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  completedMonths,
  completedYears,
  daysBetween,
  gestationWeeks,
  isCalendarDate,
} from './calendar.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Any day from 1990 to 2045, with the ends of months and 29 February drawn often. */
const calendarDate: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 20_088 }).map((n) => addDays('1990-01-01', n)),
  fc
    .record({ y: fc.integer({ min: 1990, max: 2045 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`, -1)),
  fc.integer({ min: 0, max: 13 }).map((i) => `${1992 + 4 * i}-02-29`),
);

describe('completed months (consultation bureau count)', () => {
  it.each([
    ['2025-01-15', '2025-02-14', 0],
    ['2025-01-15', '2025-02-15', 1],
    ['2025-01-31', '2025-02-28', 0],
    ['2025-01-31', '2025-03-01', 1],
    ['2024-01-31', '2024-02-29', 0],
    ['2024-01-31', '2024-03-01', 1],
    ['2024-01-30', '2024-04-30', 3],
    ['2024-01-31', '2024-04-30', 2],
    ['2024-02-29', '2025-02-28', 11],
    ['2024-02-29', '2025-03-01', 12],
    ['2024-02-29', '2028-02-29', 48],
    ['2024-03-10', '2025-05-10', 14],
    ['2020-06-01', '2026-06-01', 72],
    ['2025-05-01', '2025-04-30', -1],
  ])('born %s, seen %s: %i', (birth, on, months) => {
    expect(completedMonths(birth, on)).toBe(months);
  });

  it('someone born on 29 February is a year older on 1 March', () => {
    expect(completedYears('2004-02-29', '2022-02-28')).toBe(17);
    expect(completedYears('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('never decreases from one day to the next and steps by at most one', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 7000 }), (birth, n) => {
        const day = addDays(birth, n);
        const step = completedMonths(birth, addDays(day, 1)) - completedMonths(birth, day);
        expect(step === 0 || step === 1).toBe(true);
      }),
    );
  });

  it('a month is completed only after at least as many days as that month of life had', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 7000 }), (birth, n) => {
        const on = addDays(birth, n);
        const months = completedMonths(birth, on);
        // Never ahead of the days lived: 28 days per month at the very least, 31 at the most.
        expect(months * 28).toBeLessThanOrEqual(n);
        expect(n).toBeLessThan((months + 1) * 31 + 1);
      }),
    );
  });
});

describe('gestation weeks from the due date', () => {
  it('counts back 280 days from the due date', () => {
    expect(gestationWeeks('2026-06-01', '2026-06-01')).toBe(40);
    expect(gestationWeeks('2026-06-01', '2026-05-31')).toBe(39);
    expect(gestationWeeks('2026-06-01', '2026-03-01')).toBe(26);
    expect(gestationWeeks('2026-06-01', '2026-06-08')).toBe(41);
  });

  it('goes up by one week every seven days, across month ends and leap days', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -300, max: 20 }), (due, n) => {
        const on = addDays(due, n);
        expect(gestationWeeks(due, addDays(on, 7))).toBe(gestationWeeks(due, on) + 1);
      }),
    );
  });
});

describe('calendar dates', () => {
  it('validates and steps through real dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('addDays and daysBetween without Date on the common path', () => {
  // What they computed before the integer arithmetic: Date.UTC on the pattern's parts. It stays the definition.
  const reference = (value: string, days: number) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) throw new RangeError(`Not a calendar date: ${value}`);
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
  };
  const pad4 = (n: number) => String(n).padStart(4, '0');
  /** Every string the pattern accepts, impossible dates (2025-02-30, month 00 or 13, day 00) included. */
  const patterned = fc
    .record({
      y: fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 9999 })),
      m: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 })),
      d: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 99 })),
    })
    .map(({ y, m, d }) => `${pad4(y)}-${pad(m)}-${pad(d)}`);
  const days = fc.oneof(
    fc.integer({ min: -800, max: 800 }),
    fc.integer({ min: -3_000_000, max: 3_000_000 }),
    fc.double({ min: -1000, max: 1000, noNaN: true }),
  );

  it('gives the same date as Date.UTC for every patterned date and any number of days', () => {
    fc.assert(
      fc.property(patterned, days, (value, n) => {
        expect(addDays(value, n)).toBe(reference(value, n));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Date.UTC across every day of 1899–2101', () => {
    for (let n = -26_000; n <= 48_000; n++) expect(addDays('1970-01-01', n)).toBe(reference('1970-01-01', n));
  });

  it('still refuses what is not `YYYY-MM-DD`, with the same error', () => {
    for (const bad of [
      '2025-1-01',
      '2025-01-1',
      '２０２５-01-01',
      '2025/01/01',
      '2025-01-01 ',
      'abcd-ef-gh',
      '',
    ])
      expect(() => addDays(bad, 1)).toThrow(new RangeError(`Not a calendar date: ${bad}`));
    expect(daysBetween('2025-01-31', '2025-03-01')).toBe(29);
  });
});
