import { z } from 'zod';
import { date, id, text } from '../shared/schemas.ts';

/**
 * A consent records who agreed (a caregiver in the file), to what purpose, with whom, how far, until when
 * (guideline Thema 4: sharing rests on informed consent; what the parents consent to must be clear to them).
 */
export const consentIn = z.strictObject({
  givenBy: id,
  purpose: text(500),
  recipient: text(300),
  scope: text(1000).optional(),
  validUntil: date.optional(),
});

export type ConsentIn = z.infer<typeof consentIn>;
