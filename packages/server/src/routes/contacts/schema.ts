import { CUE_CODES, FACTOR_CODES, REFERRAL_CRITERION_CODES } from '@nestwerk/knowledge';
import { z } from 'zod';
import { date, id, text, version } from '../shared/schemas.ts';

export const BANDS = ['safe', 'insecure', 'problematic_suspected', 'unclear'] as const;

const factorObservation = z.strictObject({
  value: z.enum(['present', 'absent', 'unknown']),
  reportedBy: z.enum(['parent', 'professional']),
});

const agreementIn = z
  .strictObject({
    text: text(2000),
    nextTopic: text(500).optional(),
    nextTopicPermission: z.boolean(),
    extraContact: z.boolean(),
    followUpDue: date.optional(),
  })
  .superRefine((a, ctx) => {
    // Guideline Thema 2: a topic returns at the next contact only with the parent's permission.
    if (a.nextTopic !== undefined && !a.nextTopicPermission)
      ctx.addIssue({
        code: 'custom',
        path: ['nextTopic'],
        message: 'a next topic is only recorded with the parent’s permission (nextTopicPermission: true)',
      });
  });

/**
 * An object keyed by knowledge codes. Checked here rather than with an enum key so that the error names the
 * offending code (`cues.not_a_cue`), which is what the form needs to point at.
 */
function codeRecord<V extends z.ZodType>(codes: readonly string[], value: V) {
  const known = new Set(codes);
  return z.record(z.string().max(100), value).superRefine((record, ctx) => {
    for (const key of Object.keys(record))
      if (!known.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown code "${key}"` });
  });
}

/** `ContactIn` (docs/api.md). Codes are checked against the knowledge base's vocabulary. */
const contactShape = {
  childId: id,
  type: z.enum(['consult', 'home_visit', 'phone', 'prenatal_visit']),
  date,
  status: z.enum(['draft', 'final']),
  cues: codeRecord(CUE_CODES, z.boolean()).default({}),
  factors: codeRecord(FACTOR_CODES, factorObservation).default({}),
  criteria: codeRecord(REFERRAL_CRITERION_CODES, z.boolean()).default({}),
  agreedBand: z.enum(BANDS).nullable().optional(),
  agreedNote: text(2000).nullable().optional(),
  agreement: agreementIn.optional(),
  notes: text(10_000).nullable().optional(),
};

export const contactIn = z.strictObject(contactShape);
export const contactUpdate = z.strictObject({ ...contactShape, version });

export type ContactIn = z.infer<typeof contactIn>;
export type AgreementIn = z.infer<typeof agreementIn>;
