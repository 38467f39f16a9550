import { z } from 'zod';
import { date, version } from '../shared/schemas.ts';

export const agreementPatch = z.strictObject({
  version,
  status: z.enum(['open', 'done']).optional(),
  followUpDue: date.nullable().optional(),
});

export type AgreementPatchIn = z.infer<typeof agreementPatch>;
