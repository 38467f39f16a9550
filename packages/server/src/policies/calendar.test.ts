import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate, localDay } from './calendar.ts';

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('localDate', () => {
  it('turns at local midnight, in winter and in summer time', () => {
    expect(localDate(new Date('2026-03-28T22:59:59.999Z'))).toBe('2026-03-28');
    expect(localDate(new Date('2026-03-28T23:00:00.000Z'))).toBe('2026-03-29');
    expect(localDate(new Date('2026-03-29T21:59:59.999Z'))).toBe('2026-03-29');
    expect(localDate(new Date('2026-03-29T22:00:00.000Z'))).toBe('2026-03-30');
  });

  it('answers each moment as the Amsterdam calendar does, whatever was asked before', () => {
    // Consecutive calls in the same or neighbouring minutes, as requests come in: the remembered minute
    // must never answer for another.
    const moment = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(moment, fc.integer({ min: -120_000, max: 120_000 })), { minLength: 1 }),
        (steps) => {
          for (const [t, delta] of steps)
            for (const at of [t, t + delta])
              expect(localDate(new Date(at))).toBe(amsterdam.format(new Date(at)));
        },
      ),
    );
  });
});

describe('localDay of a stored timestamp', () => {
  it('is the next day between local midnight and one (winter) or two (summer) UTC', () => {
    expect(localDay('2026-12-03T23:21:00.000Z')).toBe('2026-12-04');
    expect(localDay('2026-12-03T22:59:59.999Z')).toBe('2026-12-03');
    expect(localDay('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    expect(localDay('2026-06-30T21:59:59.999Z')).toBe('2026-06-30');
  });

  it('agrees with the Amsterdam calendar for every moment, across the changes of summer time', () => {
    const from = Date.parse('1997-01-01T00:00:00Z');
    const to = Date.parse('2100-12-31T23:59:59Z');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        expect(localDay(new Date(ms).toISOString())).toBe(amsterdam.format(new Date(ms)));
      }),
      { numRuns: 20_000 },
    );
    // The instants themselves, where an off-by-one in the rule would show.
    for (const at of ['2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00.000Z', '2026-10-25T00:59:59.999Z'])
      for (const ms of [Date.parse(at) + 22 * 3_600_000, Date.parse(at) + 23 * 3_600_000])
        expect(localDay(new Date(ms).toISOString())).toBe(amsterdam.format(new Date(ms)));
  });
});
