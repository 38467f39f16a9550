import {
  CONTACT_TYPES,
  CUE_CODES,
  FACTOR_CODES,
  PARENT_FACTOR_CODES,
  REFERRAL_CRITERION_CODES,
} from '@nestwerk/knowledge';
import { z } from 'zod';
import { agreement } from './agreements.ts';
import { assessment, relationshipBand } from './assessment.ts';
import { criterionCode, cueCode, factorCode, parentFactorCode } from './codes.ts';
import { date, id, idParams, text, timestamp, version } from './common.ts';
import { defineRoute } from './route.ts';

export const contactType = z.enum(CONTACT_TYPES);
export const contactStatus = z.enum(['draft', 'final']);
const factorValue = z.enum(['present', 'absent', 'unknown']);
const reportedBy = z.enum(['parent', 'professional']);

const factorObservation = z.strictObject({ value: factorValue, reportedBy });
export type RecordedFactor = z.output<typeof factorObservation>;

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
export type AgreementIn = z.output<typeof agreementIn>;

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

/** Codes are checked against the knowledge base's vocabulary. */
const contactShape = {
  childId: id,
  type: contactType,
  date,
  status: contactStatus,
  cues: codeRecord(CUE_CODES, z.boolean()).default({}),
  factors: codeRecord(FACTOR_CODES, factorObservation).default({}),
  criteria: codeRecord(REFERRAL_CRITERION_CODES, z.boolean()).default({}),
  /**
   * Parent-level factors of one caregiver, keyed by the caregiver's person id: `{ [personId]: { code: {...} } }`.
   * Only parent-level codes (PARENT_FACTOR_CODES); the id must be a caregiver of the family (else 400 naming
   * `parentFactors.<id>`). A parent-level code in `factors` still means "a parent, not known which".
   */
  parentFactors: z
    .record(id, codeRecord(PARENT_FACTOR_CODES, factorObservation))
    .refine((r) => Object.keys(r).length <= 8, 'at most 8 caregivers')
    .default({}),
  agreedBand: relationshipBand.nullable().optional(),
  /**
   * The nurse chose "not discussed": the estimate was not talked over with the parent at this contact. An
   * explicit choice, so that a finished contact without an agreed estimate is never an oversight.
   */
  agreedBandNotDiscussed: z.boolean().optional(),
  agreedNote: text(2000).nullable().optional(),
  agreement: agreementIn.optional(),
  notes: text(10_000).nullable().optional(),
};

/**
 * A finished contact is what the family file and the worklist go by: it records the estimate agreed with the
 * parent (or that it was not discussed), and an extra contact it plans has a date, or the family drops off
 * the worklist. A draft may still be incomplete.
 */
function finishedContactIsComplete(
  body: {
    status: 'draft' | 'final';
    agreedBand?: string | null;
    agreedBandNotDiscussed?: boolean;
    agreement?: { extraContact: boolean; followUpDue?: string };
  },
  ctx: z.RefinementCtx,
): void {
  if (body.agreedBand && body.agreedBandNotDiscussed)
    ctx.addIssue({
      code: 'custom',
      path: ['agreedBandNotDiscussed'],
      message: 'either an agreed estimate (agreedBand) or agreedBandNotDiscussed: true, not both',
    });
  if (body.status !== 'final') return;
  if (!body.agreedBand && !body.agreedBandNotDiscussed)
    ctx.addIssue({
      code: 'custom',
      path: ['agreedBand'],
      message:
        'a finished contact records the estimate agreed with the parent, or agreedBandNotDiscussed: true',
    });
  if (body.agreement?.extraContact && !body.agreement.followUpDue)
    ctx.addIssue({
      code: 'custom',
      path: ['agreement', 'followUpDue'],
      message: 'an extra contact needs a date (followUpDue) on a finished contact',
    });
}

export const contactIn = z.strictObject(contactShape).superRefine(finishedContactIsComplete);
export const contactUpdate = z
  .strictObject({ ...contactShape, version })
  .superRefine(finishedContactIsComplete);
export type ContactIn = z.output<typeof contactIn>;
/** What a client sends: codes it does not set may be left out. */
export type ContactBody = z.input<typeof contactIn>;

const professional = z.object({ id, displayName: z.string().nullable() });

/** A line of the family's contact timeline. */
export const contactSummary = z.object({
  id,
  childId: id,
  type: contactType,
  date,
  status: contactStatus,
  professional,
  childAgeMonths: z.number().int().nullable(),
  gestationWeeks: z.number().int().nullable(),
  suggestedBand: relationshipBand.nullable(),
  agreedBand: relationshipBand.nullable(),
  /** True when the nurse recorded that the estimate was not discussed with the parent. */
  agreedBandNotDiscussed: z.boolean(),
});
export type ContactSummary = z.output<typeof contactSummary>;

export const storedFactor = z.object({ value: factorValue, reportedBy, recordedAt: timestamp });
export type StoredFactor = z.output<typeof storedFactor>;

/** A contact as stored: what was observed (only what was seen or known), agreed and noted. */
export const contact = z.object({
  id,
  familyId: id,
  childId: id,
  professional,
  type: contactType,
  date,
  status: contactStatus,
  childAgeMonths: z.number().int().nullable(),
  gestationWeeks: z.number().int().nullable(),
  cues: z.partialRecord(cueCode, z.literal(true)),
  factors: z.partialRecord(factorCode, storedFactor),
  criteria: z.partialRecord(criterionCode, z.literal(true)),
  /** Parent-level factors per caregiver person id (only caregivers with at least one factor appear). */
  parentFactors: z.record(id, z.partialRecord(parentFactorCode, storedFactor)),
  agreedBand: relationshipBand.nullable(),
  agreedBandNotDiscussed: z.boolean(),
  agreedNote: z.string().nullable(),
  agreement: agreement.nullable(),
  notes: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Contact = z.output<typeof contact>;

/** A contact with the engine's assessment stored with it (none for a draft without one). */
export const contactWithAssessment = z.object({ contact, assessment: assessment.nullable() });
export type ContactWithAssessment = z.output<typeof contactWithAssessment>;

export const contacts = {
  record: defineRoute({
    method: 'POST',
    path: '/api/families/:id/contacts',
    summary: 'Record a contact moment; the server assesses it with the engine',
    tags: ['contacts'],
    params: idParams,
    body: contactIn,
    status: 201,
    response: contactWithAssessment,
    errors: [422],
  }),
  read: defineRoute({
    method: 'GET',
    path: '/api/contacts/:id',
    summary: 'A contact with its assessment',
    tags: ['contacts'],
    params: idParams,
    response: contactWithAssessment,
  }),
  revise: defineRoute({
    method: 'PUT',
    path: '/api/contacts/:id',
    summary: 'Revise a contact; the assessment is made again',
    tags: ['contacts'],
    params: idParams,
    body: contactUpdate,
    response: contactWithAssessment,
    errors: [409, 422],
  }),
};
