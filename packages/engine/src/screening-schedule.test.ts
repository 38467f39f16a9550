import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import { dueScreeningMoment, scheduleWindows } from './screening-schedule.ts';

// Leidraad screening en detectie: first contact (≤ 16 weeks), 20–21 weeks, 6 weeks postpartum.
describe('Flemish screening schedule', () => {
  // Due 2026-07-01 → conception-dated week 0 starts 2025-09-24 (280 days earlier).
  const unborn = { dueDate: '2026-07-01' };
  const at = (
    today: string,
    dates: string[] = [],
    child: { birthDate?: string; dueDate?: string } = unborn,
  ) => dueScreeningMoment(child, dates, today);

  it('first contact: due from week 4 through the last day of week 16, overdue until week 20 opens', () => {
    expect(at('2025-10-21')).toBeNull(); // week 3 + 6 days
    expect(at('2025-10-22')).toMatchObject({
      moment: 'first_contact',
      status: 'due',
      from: '2025-10-22',
      to: '2026-01-20',
    });
    expect(at('2026-01-20')).toMatchObject({ moment: 'first_contact', status: 'due' }); // 16 weeks + 6 days
    expect(at('2026-01-21')).toMatchObject({ moment: 'first_contact', status: 'overdue' }); // week 17
    expect(at('2026-02-10')).toMatchObject({ moment: 'first_contact', status: 'overdue' }); // 19 + 6
  });

  it('mid-pregnancy: weeks 20–21, overdue until birth; a screening in the window (or late) counts', () => {
    expect(at('2026-02-11')).toMatchObject({
      moment: 'mid_pregnancy',
      status: 'due',
      from: '2026-02-11',
      to: '2026-02-24',
    });
    expect(at('2026-02-24')).toMatchObject({ status: 'due' });
    expect(at('2026-02-25')).toMatchObject({ moment: 'mid_pregnancy', status: 'overdue' });
    expect(at('2026-02-25', ['2026-02-12'])).toBeNull();
    expect(at('2026-03-10', ['2026-03-01'])).toBeNull(); // screened late: done
    expect(at('2026-02-12', ['2026-02-10'])).toMatchObject({ status: 'due' }); // the day before the window does not count
  });

  it('six weeks postpartum: weeks 6–8 after birth due, overdue until the first birthday, nothing before week 6', () => {
    const born = { birthDate: '2026-01-15' };
    expect(at('2026-02-25', [], born)).toBeNull(); // 5 weeks + 6 days
    expect(at('2026-02-26', [], born)).toMatchObject({
      moment: 'postpartum_6_weeks',
      status: 'due',
      from: '2026-02-26',
      to: '2026-03-18',
    });
    expect(at('2026-03-18', [], born)).toMatchObject({ status: 'due' });
    expect(at('2026-03-19', [], born)).toMatchObject({ status: 'overdue' });
    expect(at('2027-01-14', [], born)).toMatchObject({ status: 'overdue' });
    expect(at('2027-01-15', [], born)).toBeNull(); // first birthday: the perinatal period is over
    expect(at('2026-03-02', ['2026-02-27'], born)).toBeNull();
    // A pregnancy screening does not count for the postpartum moment.
    expect(at('2026-03-02', ['2025-12-01'], born)).toMatchObject({ status: 'due' });
  });

  it('a child with neither date has no schedule; a long-passed due date without a birth stops asking', () => {
    expect(at('2026-03-02', [], {})).toBeNull();
    expect(at('2026-07-22')).toBeNull(); // three weeks after the due date
    expect(at('2026-07-21')).toMatchObject({ moment: 'mid_pregnancy', status: 'overdue' });
  });
});

describe('dueScreeningMoment', () => {
  // The plain reading of the rule: walk every window of the child. The function answers children past the
  // phase's end without building their windows; it must answer exactly as this walk does.
  function walk(child: { birthDate?: string; dueDate?: string }, dates: string[], today: string) {
    for (const span of scheduleWindows(child)) {
      if (today < span.from || today >= span.until) continue;
      if (dates.some((d) => d >= span.from && d < span.until)) return null;
      return {
        moment: span.moment,
        status: today <= span.to ? 'due' : 'overdue',
        from: span.from,
        to: span.to,
      };
    }
    return null;
  }
  const day = fc.integer({ min: -800, max: 800 }).map((n) => addDays('2026-06-01', n));

  it('answers as the walk over all windows, born or unborn, screened or not', () => {
    fc.assert(
      fc.property(
        fc.record({
          birthDate: fc.option(day, { nil: undefined }),
          dueDate: fc.option(day, { nil: undefined }),
        }),
        fc.array(day, { maxLength: 4 }),
        day,
        (child, dates, today) => {
          expect(dueScreeningMoment(child, dates, today)).toEqual(walk(child, dates, today));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
