import {
  CAREGIVER_ROLES,
  PARENT_SCREENING_INSTRUMENTS,
  PERINATAL_THRESHOLD_BOUNDS,
  type PerinatalThresholds,
  SCREENING_OUTCOMES,
  SCREENING_SCHEDULE,
} from '@nestwerk/knowledge';
import { z } from 'zod';
import { sourceRef } from './assessment.ts';
import { date, id, idParams, timestamp } from './common.ts';
import { defineRoute } from './route.ts';

export const screeningInstrument = z.enum(PARENT_SCREENING_INSTRUMENTS);
export const screeningOutcome = z.enum(SCREENING_OUTCOMES);
export const screeningMomentId = z.enum(
  SCREENING_SCHEDULE.map((m) => m.id) as [
    (typeof SCREENING_SCHEDULE)[number]['id'],
    ...(typeof SCREENING_SCHEDULE)[number]['id'][],
  ],
);

const score = (max: number) => z.number().int().min(0).max(max);

/** Who was screened, when, and at which contact (optional): shared by every instrument's body. */
const screeningHead = {
  /** A caregiver of the family with role mother, father or co_parent. */
  personId: id,
  date,
  contactId: id.optional(),
};

/** A total, or every item score (the server adds them up); not both. */
function totalOrItems(instrument: 'gad_2' | 'gad_7' | 'phq_9', items: number, totalMax: number) {
  return z
    .strictObject({
      ...screeningHead,
      instrument: z.literal(instrument),
      total: score(totalMax).optional(),
      items: z.array(score(3)).length(items).optional(),
    })
    .superRefine((s, ctx) => {
      if (s.total === undefined && s.items === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['total'],
          message: `give total (0–${totalMax}) or all ${items} items`,
        });
      if (s.total !== undefined && s.items !== undefined)
        ctx.addIssue({ code: 'custom', path: ['items'], message: 'give either total or items, not both' });
    });
}

/**
 * A parent's screening answers (DESIGN §4.1): Whooley as two yes/no answers; GAD-2, GAD-7 and PHQ-9 as a total
 * or their item scores; EPDS as a total with item 10 (self-harm), or all ten item scores. A wrong count or a
 * score out of range is a 400 naming the field (`answers`, `total`, `items`, `item10`).
 */
export const screeningIn = z.discriminatedUnion('instrument', [
  z.strictObject({
    ...screeningHead,
    instrument: z.literal('whooley'),
    answers: z.array(z.boolean()).length(2),
  }),
  totalOrItems('gad_2', 2, 6),
  totalOrItems('gad_7', 7, 21),
  totalOrItems('phq_9', 9, 27),
  z
    .strictObject({
      ...screeningHead,
      instrument: z.literal('epds'),
      total: score(30).optional(),
      item10: score(3).optional(),
      items: z.array(score(3)).length(10).optional(),
    })
    .superRefine((s, ctx) => {
      if (s.items !== undefined) {
        for (const key of ['total', 'item10'] as const)
          if (s[key] !== undefined)
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: 'give either items or total with item10, not both',
            });
        return;
      }
      if (s.total === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['total'],
          message: 'EPDS needs total (0–30) with item10, or all ten items',
        });
      else if (s.item10 === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['item10'],
          message: 'EPDS needs item10 (0–3) with the total: it decides urgency',
        });
      else if (s.item10 > s.total)
        ctx.addIssue({ code: 'custom', path: ['item10'], message: 'item10 cannot exceed the total' });
    }),
]);
export type ScreeningIn = z.output<typeof screeningIn>;
/** What a client sends to record a screening. */
export type ScreeningBody = z.input<typeof screeningIn>;

/** The organisation's perinatal cut-offs; each whole number within PERINATAL_THRESHOLD_BOUNDS. */
export const perinatalThresholds = z.strictObject(
  Object.fromEntries(
    Object.entries(PERINATAL_THRESHOLD_BOUNDS).map(([key, b]) => [
      key,
      z.number().int().min(b.min).max(b.max),
    ]),
  ) as Record<keyof PerinatalThresholds, z.ZodNumber>,
);
export type PerinatalThresholdsIn = z.output<typeof perinatalThresholds>;

/**
 * A recorded screening with its outcome, computed once by the engine (`screenParents`) over this screening alone
 * with the organisation's thresholds when it was recorded. `total` is the score (for Whooley: the number of
 * "yes" answers); `items` and `answers` are there when they were given. `urgent` means EPDS item 10 > 0: the
 * team lead was notified when it was recorded.
 */
export const parentScreening = z.object({
  id,
  familyId: id,
  personId: id,
  role: z.enum(CAREGIVER_ROLES),
  instrument: screeningInstrument,
  date,
  contactId: id.nullable(),
  answers: z.array(z.boolean()).nullable(),
  total: z.number().int().nullable(),
  item10: z.number().int().nullable(),
  items: z.array(z.number().int()).nullable(),
  outcome: screeningOutcome,
  /** In Dutch (Flemish wording for a Flemish organisation), as worked out when it was recorded. */
  reasons: z.array(z.string()),
  nextStep: z.string(),
  sources: z.array(sourceRef),
  /**
   * The cut-offs the outcome was worked out with, so a client can say reasons and next step again in its
   * reader's language; null for a screening stored before they were kept.
   */
  thresholds: perinatalThresholds.nullable(),
  professional: z.object({ id, displayName: z.string().nullable() }),
  /** `parent`: the parent answered it themselves in the portal ("gemeld door ouder"); `professional` is set to the parent account then, displayName null. */
  source: z.enum(['professional', 'parent']),
  createdAt: timestamp,
});
export type ParentScreening = z.output<typeof parentScreening>;

/** One parent's screenings in the family file, newest first. */
export const parentScreenings = z.object({
  personId: id,
  role: z.enum(CAREGIVER_ROLES),
  screenings: z.array(parentScreening),
});
export type ParentScreenings = z.output<typeof parentScreenings>;

/**
 * A moment of the screening schedule (SCREENING_SCHEDULE) that is due for a parent: `due` while today is in its
 * window, `overdue` after the window until the next moment's window opens (the last one until the first
 * birthday). A moment counts as done when the parent has any screening dated from its window's start until the
 * next moment's window opens.
 */
export const dueScreening = z.object({
  personId: id,
  role: z.enum(CAREGIVER_ROLES),
  childId: id,
  moment: screeningMomentId,
  status: z.enum(['due', 'overdue']),
  /** The window, first and last day. */
  from: date,
  to: date,
});
export type DueScreening = z.output<typeof dueScreening>;

const bound = z.object({ min: z.number().int(), max: z.number().int() });

/** The setting with what it may be: the defaults and the bounds, so a form can show both. */
export const perinatalThresholdSetting = z.object({
  thresholds: perinatalThresholds,
  defaults: perinatalThresholds,
  bounds: z.record(z.string(), bound),
  /** null while the organisation uses the defaults. */
  updatedAt: timestamp.nullable(),
  updatedBy: id.nullable(),
});
export type PerinatalThresholdSetting = z.output<typeof perinatalThresholdSetting>;

const familyScreeningParams = idParams;

export const screenings = {
  record: defineRoute({
    method: 'POST',
    path: '/api/families/:id/screenings',
    summary:
      "Record a parent's perinatal screening; the outcome is computed with the organisation's thresholds",
    tags: ['screenings'],
    params: familyScreeningParams,
    body: screeningIn,
    status: 201,
    response: parentScreening,
    errors: [422],
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/families/:id/screenings',
    summary: 'The screenings of every parent of the family, newest first, and the moments due',
    tags: ['screenings'],
    params: familyScreeningParams,
    response: z.object({ screenings: z.array(parentScreenings), dueScreenings: z.array(dueScreening) }),
  }),
  thresholds: defineRoute({
    method: 'GET',
    path: '/api/organisation/perinatal-thresholds',
    summary: "The organisation's perinatal screening thresholds",
    tags: ['screenings'],
    response: perinatalThresholdSetting,
  }),
  setThresholds: defineRoute({
    method: 'PUT',
    path: '/api/organisation/perinatal-thresholds',
    summary:
      'Set the perinatal screening thresholds within their bounds (application manager or team lead); applies to screenings and assessments recorded from now on',
    tags: ['screenings'],
    body: perinatalThresholds,
    response: perinatalThresholdSetting,
  }),
};
