import { z } from 'zod';
import { date, id, paging } from '../shared/schemas.ts';

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

export const accessLogQuery = z.strictObject({ ...paging });

export type AuditQueryIn = z.infer<typeof auditQuery>;
export type AccessLogQueryIn = z.infer<typeof accessLogQuery>;
