import { ALWAYS_SHARED_ITEMS, SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';

/** Who a consent was given for: a partner on the social map, or a partner kind with a named recipient. */
export interface ConsentRecipient {
  partnerId: string | null;
  kind: string | null;
  /** The named recipient; for a partner on the map, its name when the consent was given. */
  name: string;
}

/** The receiver of a referral, as the social map knows it. */
export interface ReferralReceiver {
  id: string;
  kind: string;
  name: string;
}

/** Why a consent cannot carry a referral; `null` scope means a legacy consent without a recorded scope. */
export type ConsentMismatch =
  | { field: 'consentId'; why: 'legacy' }
  | { field: 'consentId'; why: 'recipient' }
  | { field: 'items'; why: 'scope'; outside: ShareItem[] };

/** Names compare without case, accents' composition or spacing differences: "De  Linde" is "de linde". */
export function sameRecipientName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return norm(a) === norm(b);
}

/** A consent's scope as stored: the chosen items plus those every referral carries, in canonical order. */
export function normaliseScope(items: readonly ShareItem[]): ShareItem[] {
  const chosen = new Set<ShareItem>([...ALWAYS_SHARED_ITEMS, ...items]);
  return SHARE_ITEMS.filter((i) => chosen.has(i));
}

/**
 * Whether a consent covers a referral (guideline Thema 4: share with whom the parent agreed to, only what
 * they agreed to). A consent for a partner on the map covers that partner only; one for a kind with a
 * named recipient covers a partner of that kind with that name. Every shared item must lie in the scope.
 * A legacy consent (no scope recorded) covers nothing. The first mismatch found is returned, else null.
 */
export function consentMismatch(
  consent: { recipient: ConsentRecipient; scope: readonly ShareItem[] | null },
  receiver: ReferralReceiver,
  items: readonly ShareItem[],
): ConsentMismatch | null {
  const { recipient, scope } = consent;
  if (scope === null || (recipient.partnerId === null && recipient.kind === null))
    return { field: 'consentId', why: 'legacy' };
  const recipientMatches =
    recipient.partnerId !== null
      ? recipient.partnerId === receiver.id
      : recipient.kind === receiver.kind && sameRecipientName(recipient.name, receiver.name);
  if (!recipientMatches) return { field: 'consentId', why: 'recipient' };
  const allowed = new Set<ShareItem>(normaliseScope(scope));
  const outside = SHARE_ITEMS.filter((i) => items.includes(i) && !allowed.has(i));
  return outside.length > 0 ? { field: 'items', why: 'scope', outside } : null;
}
