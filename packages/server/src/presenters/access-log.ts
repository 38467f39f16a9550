import type { AccessLogEntry } from '@nestwerk/contract';
import type { AccessLogRow } from '../repositories/access-log.ts';

export function presentAccessLogEntry(r: AccessLogRow, viewerOrganisationId: string): AccessLogEntry {
  const same = r.organisation_id === viewerOrganisationId;
  return {
    at: r.at,
    user: same && r.user_id ? { id: r.user_id, displayName: r.user_name } : null,
    role: r.user_role,
    sameOrganisation: same,
    action: r.action,
    outcome: r.outcome,
    purpose: r.purpose,
    basis: r.basis,
    reason: same ? r.basis_detail : null,
  };
}
