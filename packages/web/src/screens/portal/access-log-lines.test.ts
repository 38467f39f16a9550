import { PORTAL_ACCESS_LOG_ACTIONS, type PortalAccessLogEntry } from '@nestwerk/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessLogLines } from './access-log-lines.ts';

const nurse = (at: string, action: PortalAccessLogEntry['action'] = 'read'): PortalAccessLogEntry => ({
  at,
  organisation: 'JGZ Veldland',
  role: 'nurse',
  name: null,
  action,
  emergency: false,
  self: false,
});

// Few distinct values, so equal neighbours are common.
const entry: fc.Arbitrary<PortalAccessLogEntry> = fc.record({
  at: fc.constantFrom('2026-12-02T03:12:05.000Z', '2026-12-02T03:12:40.000Z', '2026-12-02T03:13:01.000Z'),
  organisation: fc.constantFrom('JGZ Veldland', 'IMH-netwerk Veldland', null),
  role: fc.constantFrom('nurse', 'imh_specialist', 'parent', null),
  name: fc.constantFrom(null, 'Sanne de Boer'),
  action: fc.constantFrom(...PORTAL_ACCESS_LOG_ACTIONS),
  emergency: fc.boolean(),
  self: fc.boolean(),
});

describe('the access log’s lines', () => {
  it('shows one look at the file (several rows in the same minute) as one line', () => {
    const rows = [
      nurse('2026-12-02T03:16:10.000Z'),
      nurse('2026-12-02T03:16:10.200Z'),
      nurse('2026-12-02T03:16:11.000Z'),
      nurse('2026-12-02T03:16:09.000Z', 'listed'),
      nurse('2026-12-02T03:12:00.000Z'),
    ];
    expect(accessLogLines(rows)).toEqual([rows[0], rows[3], rows[4]]);
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
    for (const other of others) expect(accessLogLines([base, other])).toEqual([base, other]);
  });

  it('only ever leaves out an entry equal in every shown part to the line just above it', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const lines = accessLogLines(entries);
        // A subsequence of the log, in its order, starting with its first entry.
        let i = 0;
        for (const line of lines) {
          while (i < entries.length && entries[i] !== line) i++;
          expect(i).toBeLessThan(entries.length);
          i++;
        }
        if (entries.length > 0) expect(lines[0]).toBe(entries[0]);
        // Every entry is shown by the line it follows or is itself a line.
        const shown = (e: PortalAccessLogEntry, l: PortalAccessLogEntry) =>
          e.at.slice(0, 16) === l.at.slice(0, 16) &&
          e.action === l.action &&
          e.emergency === l.emergency &&
          e.self === l.self &&
          e.role === l.role &&
          e.organisation === l.organisation &&
          e.name === l.name;
        let current: PortalAccessLogEntry | undefined;
        for (const e of entries) {
          if (lines.includes(e)) current = e;
          else expect(current && shown(e, current)).toBe(true);
        }
        expect(accessLogLines(lines)).toEqual(lines);
      }),
    );
  });
});
