import type { AccessLogRow } from '../repositories/access-log.ts';

export interface AccessLogEntryOut {
  at: string;
  /** Named only within the viewer's own organisation; an outside attempt shows as such, without a name. */
  user: { id: string; displayName: string | null } | null;
  role: string | null;
  sameOrganisation: boolean;
  action: string;
  outcome: string;
  purpose: string | null;
  basis: string | null;
  reason: string | null;
}

export function presentAccessLogEntry(r: AccessLogRow, viewerOrganisationId: string): AccessLogEntryOut {
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
