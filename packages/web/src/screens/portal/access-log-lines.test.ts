import { PORTAL_ACCESS_LOG_ACTIONS, type PortalAccessLogEntry } from '@nestwerk/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AccessLogLine, accessLogLines } from './access-log-lines.ts';

const nurse = (at: string, action: PortalAccessLogEntry['action'] = 'read'): PortalAccessLogEntry => ({
  at,
  organisation: 'JGZ Veldland',
  role: 'nurse',
  name: null,
  action,
  emergency: false,
  self: false,
});

const line = (entry: PortalAccessLogEntry, times = 1, since: string | null = null): AccessLogLine => ({
  ...entry,
  times,
  since,
});

/** The UTC day: the tests do not depend on the machine's time zone. */
const utcDay = (at: string) => at.slice(0, 10);
const lines = (entries: readonly PortalAccessLogEntry[]) => accessLogLines(entries, utcDay);

// Few distinct values, so equal neighbours are common.
const entry: fc.Arbitrary<PortalAccessLogEntry> = fc.record({
  at: fc.constantFrom(
    '2026-12-02T03:12:05.000Z',
    '2026-12-02T03:12:40.000Z',
    '2026-12-02T03:13:01.000Z',
    '2026-12-03T09:00:00.000Z',
  ),
  organisation: fc.constantFrom('JGZ Veldland', 'IMH-netwerk Veldland', null),
  role: fc.constantFrom('nurse', 'imh_specialist', 'parent', null),
  name: fc.constantFrom(null, 'Sanne de Boer'),
  action: fc.constantFrom(...PORTAL_ACCESS_LOG_ACTIONS),
  emergency: fc.boolean(),
  self: fc.boolean(),
});
// Newest first, as the log comes.
const log = fc
  .array(entry, { maxLength: 40 })
  .map((entries) => [...entries].sort((a, b) => b.at.localeCompare(a.at)));

const samePerson = (a: PortalAccessLogEntry, b: PortalAccessLogEntry) =>
  a.emergency === b.emergency &&
  a.self === b.self &&
  a.role === b.role &&
  a.organisation === b.organisation &&
  a.name === b.name &&
  a.action === b.action;

describe('the access log’s lines', () => {
  it('shows one look at the file (several rows in the same minute) as one line', () => {
    const rows = [
      nurse('2026-12-02T03:16:10.000Z'),
      nurse('2026-12-02T03:16:10.200Z'),
      nurse('2026-12-02T03:16:11.000Z'),
      nurse('2026-12-02T03:16:09.000Z', 'listed'),
      nurse('2026-12-02T03:12:00.000Z'),
    ];
    expect(lines(rows)).toEqual([line(rows[0]!), line(rows[3]!), line(rows[4]!)]);
  });

  it('keeps lines apart that differ in anything shown: minute, person, action, emergency', () => {
    const base = nurse('2026-12-02T03:16:10.000Z');
    const others = [
      { ...base, at: '2026-12-02T03:17:10.000Z' },
      { ...base, role: 'physician' },
      { ...base, organisation: 'JGZ Zuid' },
      { ...base, name: 'Sanne de Boer' },
      { ...base, action: 'contact' as const },
      { ...base, emergency: true },
      { ...base, self: true },
    ];
    for (const other of others) expect(lines([base, other])).toEqual([line(base), line(other)]);
  });

  it('shows a day of one nurse’s worklist as one line: how many lists, from when to when', () => {
    const rows = [
      nurse('2026-12-04T12:41:00.000Z', 'listed'),
      nurse('2026-12-04T12:41:30.000Z', 'listed'),
      nurse('2026-12-04T09:02:00.000Z', 'listed'),
      nurse('2026-12-04T08:39:00.000Z', 'listed'),
      nurse('2026-12-03T16:00:00.000Z', 'listed'),
    ];
    expect(lines(rows)).toEqual([line(rows[0]!, 4, '2026-12-04T08:39:00.000Z'), line(rows[4]!)]);
  });

  it('keeps a day’s listings apart where the file was opened between them, or by someone else', () => {
    const rows = [
      nurse('2026-12-04T12:41:00.000Z', 'listed'),
      nurse('2026-12-04T11:00:00.000Z', 'read'),
      nurse('2026-12-04T10:00:00.000Z', 'listed'),
      { ...nurse('2026-12-04T09:00:00.000Z', 'listed'), role: 'physician' },
    ];
    expect(lines(rows)).toEqual(rows.map((r) => line(r)));
  });

  it('accounts for every entry, in order, and never shows two lines that should be one', () => {
    fc.assert(
      fc.property(log, (entries) => {
        const shown = lines(entries);
        // Every list counted once, every line someone's entry, the newest first.
        const listed = (xs: readonly PortalAccessLogEntry[]) =>
          xs.filter((e) => e.action === 'listed').length;
        expect(shown.filter((l) => l.action === 'listed').reduce((n, l) => n + l.times, 0)).toBe(
          listed(entries),
        );
        expect(shown.filter((l) => l.action !== 'listed').every((l) => l.times === 1)).toBe(true);
        if (entries.length > 0) expect(shown[0]?.at).toBe(entries[0]?.at);
        for (const l of shown) expect(entries.some((e) => e.at === l.at && samePerson(e, l))).toBe(true);
        for (let i = 1; i < shown.length; i++) {
          const [a, b] = [shown[i - 1]!, shown[i]!];
          expect(a.at >= b.at).toBe(true);
          if (!samePerson(a, b)) continue;
          if (a.action === 'listed') expect(utcDay(a.at)).not.toBe(utcDay(b.at));
          else expect(a.at.slice(0, 16)).not.toBe(b.at.slice(0, 16));
        }
        // A span only where a line's lists began in another minute than its last.
        for (const l of shown)
          if (l.since !== null)
            expect(l.since.slice(0, 16) < l.at.slice(0, 16) && l.action === 'listed').toBe(true);
      }),
    );
  });
});
