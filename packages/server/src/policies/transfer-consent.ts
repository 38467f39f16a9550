import { SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';

/**
 * Whether a consent can carry a family's transfer to another organisation. A transfer hands over the whole file
 * (names, birth dates, phone, address, every contact, cue, factor and referral), so the parent's consent must
 * still hold and must cover every share item; a legacy consent (free-text scope, no items) covers nothing.
 * The purpose is free text written with the parent and is shown to the team lead who picks the consent, not
 * parsed here.
 */
export interface TransferConsentFacts {
  withdrawn_at: string | null;
  valid_until: string | null;
  /** The agreed share items as stored (JSON array), NULL for a legacy consent. */
  scope_items_json: string | null;
}

export type TransferConsentRefusal =
  | { code: 'consent_withdrawn' }
  | { code: 'consent_expired' }
  | { code: 'consent_scope'; missing: ShareItem[] };

function scopeItems(json: string | null): ShareItem[] {
  if (json === null) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v)
      ? v.filter((x): x is ShareItem => (SHARE_ITEMS as readonly unknown[]).includes(x))
      : [];
  } catch {
    return [];
  }
}

/** The first reason the consent cannot carry a transfer today, or null when it can. */
export function transferConsentRefusal(
  consent: TransferConsentFacts,
  today: string,
): TransferConsentRefusal | null {
  if (consent.withdrawn_at !== null) return { code: 'consent_withdrawn' };
  if (consent.valid_until !== null && consent.valid_until < today) return { code: 'consent_expired' };
  const agreed = new Set(scopeItems(consent.scope_items_json));
  const missing = SHARE_ITEMS.filter((item) => !agreed.has(item));
  return missing.length > 0 ? { code: 'consent_scope', missing } : null;
}
