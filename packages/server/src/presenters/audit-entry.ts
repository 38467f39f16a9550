import type { AuditEntry } from '@nestwerk/contract';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema.ts';

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

function ids(json: string | null): string[] {
  const v = parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function presentAuditEntry(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userRole: r.user_role,
    organisationId: r.organisation_id,
    onBehalfOf: r.on_behalf_of,
    action: r.action,
    outcome: r.outcome,
    purpose: r.purpose,
    basis: r.basis,
    basisDetail: r.basis_detail,
    clientIp: r.client_ip,
    familyId: r.family_id,
    personIds: ids(r.person_ids),
    details: parse(r.details_json),
    hash: r.hash,
  };
}
