import type { Consent } from '@nestwerk/contract';
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
    scope: c.scope,
    givenAt: c.given_at,
    validUntil: c.valid_until,
    withdrawnAt: c.withdrawn_at,
    status,
    recordedBy: c.recorded_by,
    version: c.version,
  };
}
