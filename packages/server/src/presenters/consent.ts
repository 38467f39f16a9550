import type { Consent } from '@nestwerk/contract';
import type { ShareItem } from '@nestwerk/knowledge';
import { itemsOf } from '../network/share.ts';
import type { ConsentRow } from '../repositories/consents.ts';

/** `names` maps the family's person ids to display names, so the consent says who gave it. */
export function presentConsent(c: ConsentRow, today: string, names: ReadonlyMap<string, string>): Consent {
  const status = c.withdrawn_at
    ? 'withdrawn'
    : c.valid_until !== null && c.valid_until < today
      ? 'expired'
      : 'active';
  return {
    id: c.id,
    givenBy: { id: c.given_by, name: names.get(c.given_by) ?? null },
    purpose: c.purpose,
    recipient: c.recipient,
    recipientPartnerId: c.recipient_partner_id,
    recipientKind: c.recipient_kind,
    scope: consentScope(c),
    scopeNote: c.scope,
    legacy: isLegacyConsent(c),
    givenAt: c.given_at,
    validUntil: c.valid_until,
    withdrawnAt: c.withdrawn_at,
    status,
    recordedBy: c.recorded_by,
    version: c.version,
  };
}

/** Recorded before consents named their receiver and scope: shown, but it carries no referral. */
export function isLegacyConsent(c: ConsentRow): boolean {
  return c.scope_items_json === null || (c.recipient_partner_id === null && c.recipient_kind === null);
}

export function consentScope(c: ConsentRow): ShareItem[] | null {
  return c.scope_items_json === null ? null : itemsOf(c.scope_items_json);
}
