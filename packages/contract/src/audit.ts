import { z } from 'zod';
import { date, id, idParams, page, paging, timestamp } from './common.ts';
import { defineRoute } from './route.ts';

/** A date (the whole day, UTC) or an ISO-8601 timestamp with its zone. */
const instant = z
  .union([date, z.iso.datetime({ offset: true, message: 'must be a date or an ISO-8601 timestamp' })])
  .refine((v) => {
    const t = Date.parse(v);
    return !Number.isNaN(t) && t > Date.UTC(1999, 0) && t < Date.UTC(9000, 0);
  }, 'must be a date or timestamp between 1999 and 9000');

export const auditQuery = z.strictObject({
  familyId: id.optional(),
  userId: id.optional(),
  from: instant.optional(),
  to: instant.optional(),
  ...paging,
});
export type AuditQueryIn = z.output<typeof auditQuery>;

export const accessLogQuery = z.strictObject({ ...paging });
export type AccessLogQueryIn = z.output<typeof accessLogQuery>;

/** One entry of the hash-chained audit log, as stored. */
export const auditEntry = z.object({
  seq: z.number().int(),
  id,
  at: timestamp,
  userId: id.nullable(),
  userRole: z.string().nullable(),
  organisationId: id.nullable(),
  /** For whom the work was done: `team:<id>`, `emergency:<grant id>` or `organisation:<id>`. */
  onBehalfOf: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  purpose: z.string().nullable(),
  basis: z.string().nullable(),
  basisDetail: z.string().nullable(),
  clientIp: z.string().nullable(),
  familyId: id.nullable(),
  personIds: z.array(z.string()),
  /** What the action recorded besides the columns; its shape depends on the action. */
  details: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.output<typeof auditEntry>;

/** Who looked at a family, for its own professionals and the parents. */
export const accessLogEntry = z.object({
  at: timestamp,
  /** Named only within the viewer's own organisation; an outside attempt shows as such, without a name. */
  user: z.object({ id, displayName: z.string().nullable() }).nullable(),
  role: z.string().nullable(),
  sameOrganisation: z.boolean(),
  action: z.string(),
  outcome: z.string(),
  purpose: z.string().nullable(),
  basis: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AccessLogEntry = z.output<typeof accessLogEntry>;

export const audit = {
  search: defineRoute({
    method: 'GET',
    path: '/api/audit',
    summary: "Search the organisation's audit log by family, user and period",
    tags: ['audit'],
    query: auditQuery,
    response: page(auditEntry),
  }),
  familyAccessLog: defineRoute({
    method: 'GET',
    path: '/api/families/:id/access-log',
    summary: 'Who looked at this family, when and why',
    tags: ['audit'],
    params: idParams,
    query: accessLogQuery,
    response: page(accessLogEntry),
  }),
};
