import { z } from 'zod';
import { date, paging, text } from '../shared/schemas.ts';

export const intakeQuery = z.strictObject({
  status: z
    .enum(['open', 'all', 'sent', 'received', 'accepted', 'declined', 'in_care', 'closed'])
    .default('open'),
  ...paging,
});

export const intakeStatusIn = z.strictObject({
  status: z.enum(['received', 'accepted', 'declined', 'in_care', 'closed']),
  reason: text(2000).optional(),
  intakeDate: date.optional(),
});

export const intakePlanIn = z.strictObject({ intakeDate: date });

export const intakeFeedbackIn = z.strictObject({ text: text(4000) });

export type IntakeQueryIn = z.infer<typeof intakeQuery>;
export type IntakeStatusIn = z.infer<typeof intakeStatusIn>;
