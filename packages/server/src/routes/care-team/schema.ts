import { z } from 'zod';
import { email, phone } from '../partners/schema.ts';
import { id, optionalText, text, version } from '../shared/schemas.ts';

export const memberParams = z.strictObject({ id, memberId: id });

/** Someone involved with the family: a professional here (userId), a partner (partnerId) or anyone else. */
export const memberIn = z.strictObject({
  name: text(200).optional(),
  role: text(200),
  organisation: text(200).optional(),
  partnerId: id.optional(),
  userId: id.optional(),
  phone: phone.optional(),
  email: email.optional(),
  note: text(1000).optional(),
  coordinator: z.boolean().default(false),
});

export const memberPatch = z.strictObject({
  version,
  name: text(200).optional(),
  role: text(200).optional(),
  organisation: optionalText(200),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
  note: optionalText(1000),
  /** Makes this member the coordinator (the previous one stops being it). */
  coordinator: z.literal(true).optional(),
});

export type MemberIn = z.infer<typeof memberIn>;
export type MemberPatchIn = z.infer<typeof memberPatch>;
