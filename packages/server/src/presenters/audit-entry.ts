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

export const REDACTED = '[redacted]';

/** Free text users typed that says something about a family or a person: search terms, written reasons. */
const FREE_TEXT_DETAILS = ['query'] as const;

/**
 * For viewers who need to see THAT something happened but not what was typed (the application manager): the
 * break-the-glass reason and search terms are replaced, everything else (who, when, which family, basis,
 * outcome) stays, so the log can still be reviewed for misuse.
 */
export function minimiseAuditEntry(entry: AuditEntry): AuditEntry {
  const details =
    entry.details !== null && typeof entry.details === 'object' && !Array.isArray(entry.details)
      ? Object.fromEntries(
          Object.entries(entry.details).map(([k, v]) =>
            (FREE_TEXT_DETAILS as readonly string[]).includes(k) && v !== null ? [k, REDACTED] : [k, v],
          ),
        )
      : entry.details;
  return { ...entry, basisDetail: entry.basisDetail === null ? null : REDACTED, details };
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
