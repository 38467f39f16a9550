import type { ReferralStatus } from '@nestwerk/knowledge';
import { HttpError } from '../http/errors.ts';

/**
 * draft → sent → received → accepted / declined → in_care → closed (DESIGN.md §2.8). Every step is
 * timestamped in referral_status_history, so the time from first signal to help can be measured later.
 * A draft can be dropped (closed); a referral can be closed at any point after sending.
 */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent', 'closed'],
  sent: ['received', 'closed'],
  received: ['accepted', 'declined', 'closed'],
  accepted: ['in_care', 'closed'],
  declined: ['closed'],
  in_care: ['closed'],
  closed: [],
};

export const REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'draft',
  'sent',
  'received',
  'accepted',
  'declined',
  'in_care',
  'closed',
];

/**
 * The statuses to record to get from `from` to `to`: accepting or declining a referral that was not yet
 * marked received records "received" first (same moment), so the history never skips a step.
 */
export function pathTo(from: ReferralStatus, to: ReferralStatus): ReferralStatus[] | null {
  if (NEXT[from].includes(to)) return [to];
  if (from === 'sent' && to !== 'closed' && NEXT.received.includes(to)) return ['received', to];
  return null;
}

const WORDS: Record<ReferralStatus, string> = {
  draft: 'a draft',
  sent: 'sent',
  received: 'received',
  accepted: 'accepted',
  declined: 'declined',
  in_care: 'in care',
  closed: 'closed',
};

/** 409 with the current status, in words a professional understands. */
export function invalidTransition(from: ReferralStatus, to: ReferralStatus): HttpError {
  const allowed = NEXT[from];
  const next = allowed.length === 0 ? 'nothing: it is finished' : allowed.map((s) => WORDS[s]).join(' or ');
  return new HttpError(
    'conflict',
    `This referral is ${WORDS[from]}; it cannot become ${WORDS[to]} now. From here it can become ${next}.`,
    'status',
    { status: from },
  );
}
