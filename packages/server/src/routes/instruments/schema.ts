import { z } from 'zod';
import { id } from '../shared/schemas.ts';

const MAX_ANSWERS = 500;

export const instrumentResponseIn = z.strictObject({
  childId: id,
  contactId: id.optional(),
  instrumentId: z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be an instrument id such as lsvg'),
  answers: z
    .record(z.string().min(1).max(100), z.number().int().min(-1000).max(1000).nullable())
    .refine((a) => Object.keys(a).length <= MAX_ANSWERS, `at most ${MAX_ANSWERS} answers`),
});

export type InstrumentResponseIn = z.infer<typeof instrumentResponseIn>;
