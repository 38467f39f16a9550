import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate } from './calendar.ts';

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
