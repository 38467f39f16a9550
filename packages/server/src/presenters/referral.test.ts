import { describe, expect, it } from 'vitest';
import { mayRemind } from './referral.ts';

const overdue = {
  receiver_organisation_id: 'org-imh',
  feedback_received_at: null,
  feedback_due: '2026-11-20',
  status: 'sent' as const,
};

describe('a reminder, at most once a local day', () => {
  it('counts a reminder sent at 00:21 in Amsterdam (23:21 UTC the day before) as sent today', () => {
    expect(mayRemind(overdue, '2026-12-03T23:21:00.000Z', '2026-12-04')).toBe('already_today');
  });

  it('allows the next one once the local day has turned', () => {
    expect(mayRemind(overdue, '2026-12-03T22:59:00.000Z', '2026-12-04')).toBe('ok');
    expect(mayRemind(overdue, null, '2026-12-04')).toBe('ok');
  });
});
