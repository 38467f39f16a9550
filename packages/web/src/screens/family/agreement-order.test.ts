import type { Agreement } from '@nestwerk/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderAgreements } from './agreement-order.ts';

function agreement(
  id: string,
  status: Agreement['status'],
  followUpDue: string | null,
  createdAt = '2026-01-01T09:00:00.000Z',
): Agreement {
  return {
    id,
    contactId: null,
    text: id,
    nextTopic: null,
    nextTopicPermission: false,
    extraContact: false,
    followUpDue,
    status,
    supersededBy: null,
    overdue: false,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
}

const day = fc
  .integer({ min: 0, max: 2_000 })
  .map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString());
const arbitraryAgreement = fc.record({
  status: fc.constantFrom<Agreement['status']>('open', 'done'),
  due: fc.option(
    day.map((d) => d.slice(0, 10)),
    { nil: null },
  ),
  created: day,
});

describe('the order of a family’s agreements', () => {
  it('puts the open follow-up of a long history first, then the finished ones from the latest', () => {
    const ordered = orderAgreements([
      agreement('2024', 'done', '2024-04-03'),
      agreement('2025', 'done', '2025-04-02'),
      agreement('undated open', 'open', null),
      agreement('dec 2025', 'done', '2025-12-15'),
      agreement('now', 'open', '2026-12-30'),
      agreement('sooner', 'open', '2026-12-10'),
    ]);
    expect(ordered.map((a) => a.id)).toEqual(['sooner', 'now', 'undated open', 'dec 2025', '2025', '2024']);
  });

  it('keeps every agreement once, every open one before every finished one, each group in its order', () => {
    fc.assert(
      fc.property(fc.array(arbitraryAgreement, { maxLength: 30 }), (specs) => {
        const input = specs.map((s, i) => agreement(`a${i}`, s.status, s.due, s.created));
        const ordered = orderAgreements(input);
        expect([...ordered.map((a) => a.id)].sort()).toEqual([...input.map((a) => a.id)].sort());
        const firstDone = ordered.findIndex((a) => a.status === 'done');
        if (firstDone >= 0) expect(ordered.slice(firstDone).every((a) => a.status === 'done')).toBe(true);
        const open = ordered.filter((a) => a.status === 'open').map((a) => a.followUpDue ?? '9999');
        expect(open).toEqual([...open].sort());
        const done = ordered
          .filter((a) => a.status === 'done')
          .map((a) => a.followUpDue ?? a.createdAt.slice(0, 10));
        expect(done).toEqual([...done].sort().reverse());
      }),
    );
  });
});
