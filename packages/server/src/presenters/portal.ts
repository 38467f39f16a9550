import type {
  HeldBack,
  PortalAccessLogAction,
  PortalAccessLogEntry,
  PortalConsent,
  SelfReport,
} from '@nestwerk/contract';
import type { ConsentRow } from '../repositories/consents.ts';
import type { HeldBackRow, ParentSelfReportRow } from '../repositories/portal.ts';
import { consentScope } from './consent.ts';

export function presentPortalConsent(c: ConsentRow, today: string): PortalConsent {
  return {
    id: c.id,
    recipient: c.recipient,
    recipientKind: c.recipient_kind,
    purpose: c.purpose,
    scope: consentScope(c),
    scopeNote: c.scope,
    givenAt: c.given_at,
    validUntil: c.valid_until,
    withdrawnAt: c.withdrawn_at,
    status: c.withdrawn_at
      ? 'withdrawn'
      : c.valid_until !== null && c.valid_until < today
        ? 'expired'
        : 'active',
  };
}

export function presentSelfReport(r: ParentSelfReportRow): SelfReport {
  return {
    id: r.id,
    source: 'parent',
    personId: r.person_id,
    childId: r.child_id,
    howAreYou: r.how_are_you,
    howIsChild: r.how_is_child,
    wantToDiscuss: r.want_to_discuss,
    whooley: r.whooley_json ? (JSON.parse(r.whooley_json) as SelfReport['whooley']) : null,
    gad2: r.gad2_json ? (JSON.parse(r.gad2_json) as SelfReport['gad2']) : null,
    outcome: r.outcome,
    risk: Number(r.risk) === 1,
    createdAt: r.created_at,
  };
}

export function presentHeldBack(h: HeldBackRow): HeldBack {
  return {
    id: h.id,
    kind: h.kind,
    subjectId: h.subject_id,
    reason: h.reason,
    createdBy: { id: h.created_by, name: h.created_by_name },
    createdAt: h.created_at,
  };
}

/** Audit actions in words a parent understands: the first matching prefix decides. */
const ACTION_CODES: ReadonlyArray<readonly [RegExp, PortalAccessLogAction]> = [
  // A list (worklist, search, team overview) showed the family's name, age and next date; the file stayed shut.
  [/\.listed$/, 'listed'],
  [/^export|\.export|print/, 'export'],
  // A read of any part of the file, before the topics: their words say what was written or worked on
  // ("Schreef een gesprek op"), which a professional who only looked did not do.
  [/\.(read|list|search|view|options|preview)$|\.read\.|access_log/, 'read'],
  [/^portal\./, 'portal'],
  [/^consent\./, 'consent'],
  [/^referral\./, 'referral'],
  [/^agreement\./, 'agreement'],
  [/^contact\./, 'contact'],
  [/^(screening|instrument)/, 'screening'],
  [/\.(create|update|write|add|delete|patch|close|open)/, 'changed'],
];

export function accessLogAction(action: string): PortalAccessLogAction {
  for (const [pattern, code] of ACTION_CODES) if (pattern.test(action)) return code;
  return 'other';
}

export interface PortalAuditRow {
  at: string;
  user_id: string | null;
  user_role: string | null;
  user_name: string | null;
  organisation_name: string | null;
  show_names: number | null;
  action: string;
  basis: string | null;
}

/** Names only where the professional's organisation chose to show them; a parent's own line is "you". */
export function presentPortalAccess(r: PortalAuditRow, parentId: string): PortalAccessLogEntry {
  const self = r.user_role === 'parent' && r.user_id === parentId;
  return {
    at: r.at,
    organisation: r.user_role === 'parent' ? null : r.organisation_name,
    role: r.user_role,
    name: r.user_role !== 'parent' && Number(r.show_names) === 1 ? r.user_name : null,
    action: accessLogAction(r.action),
    emergency: r.basis === 'emergency',
    self,
  };
}
