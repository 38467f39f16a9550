import { z } from 'zod';

/**
 * A questionnaire as data (DESIGN §2.6): organisations load licensed definitions at run time, so the shape
 * is validated like any other untrusted input.
 */
const text = z.strictObject({
  nl: z.string().min(1),
  en: z.string().min(1),
  nlBE: z.string().min(1).optional(),
});

const answerOption = z.strictObject({ value: z.number().int(), label: text });

const item = z.strictObject({
  id: z.string().min(1),
  /** Omitted when the licence does not allow shipping the item text. */
  text: text.optional(),
  reverse: z.boolean().default(false),
  /** An answer at or above this value is flagged whatever the total, e.g. an item about harm. */
  criticalFrom: z.number().int().optional(),
});

const cutoff = z.strictObject({
  /** The band applies from this score upwards (inclusive), until the next cut-off. */
  from: z.number(),
  band: z.string().min(1),
  label: text,
});

const scale = z.strictObject({
  id: z.string().min(1),
  label: text,
  items: z.array(z.string().min(1)).min(1),
  method: z.enum(['sum', 'mean']).default('sum'),
  /** How many unanswered items a score tolerates; missing answers are then prorated from the answered ones. */
  maxMissing: z.number().int().min(0).default(0),
  cutoffs: z.array(cutoff).default([]),
});

export const questionnaireDefinitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_]+$/),
    name: z.string().min(1),
    version: z.string().min(1),
    /** Half-open, like the knowledge's age ranges: from minMonths up to but not including belowMonths. */
    ages: z.strictObject({ minMonths: z.number().min(0), belowMonths: z.number().min(0) }).optional(),
    licence: text,
    answerOptions: z.array(answerOption).min(2),
    items: z.array(item).min(1),
    scales: z.array(scale).min(1),
  })
  .superRefine((def, ctx) => {
    const ids = new Set<string>();
    def.items.forEach((it, i) => {
      if (ids.has(it.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `Duplicate item id "${it.id}"` });
      ids.add(it.id);
    });
    def.scales.forEach((s, i) => {
      s.items.forEach((ref, j) => {
        if (!ids.has(ref))
          ctx.addIssue({ code: 'custom', path: ['scales', i, 'items', j], message: `Unknown item "${ref}"` });
      });
      if (s.maxMissing >= s.items.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['scales', i, 'maxMissing'],
          message: 'maxMissing must be below the number of items',
        });
      }
      const froms = s.cutoffs.map((c) => c.from);
      if (froms.some((f, k) => k > 0 && f <= (froms[k - 1] ?? Number.NEGATIVE_INFINITY))) {
        ctx.addIssue({
          code: 'custom',
          path: ['scales', i, 'cutoffs'],
          message: 'Cut-offs must be in ascending order',
        });
      }
    });
  });

export type QuestionnaireDefinition = z.output<typeof questionnaireDefinitionSchema>;
export type QuestionnaireDefinitionJson = z.input<typeof questionnaireDefinitionSchema>;
