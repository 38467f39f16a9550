import {
  CAREGIVER_ROLES,
  type CaregiverRole,
  CUE_CODES,
  FACTOR_CODES,
  type Lang,
  PARENT_FACTOR_CODES,
  REFERRAL_CRITERION_CODES,
  type Region,
} from '@nestwerk/knowledge';
import { z } from 'zod';

/**
 * The youngest and oldest the guideline covers: from pregnancy (about −9 months) to 18 years
 * (guideline "Ouder-kindrelatie", Inleiding).
 */
export const MAX_AGE_MONTHS = 216;
export const MIN_GESTATION_WEEKS = 4;
export const MAX_GESTATION_WEEKS = 43;

const factorValue = z.enum(['present', 'absent', 'unknown']);

const bornChild = z.strictObject({
  ageMonths: z.number().min(0).max(MAX_AGE_MONTHS),
  firstChild: z.boolean().optional(),
});

const unbornChild = z.strictObject({
  gestationWeeks: z.number().int().min(MIN_GESTATION_WEEKS).max(MAX_GESTATION_WEEKS),
  firstChild: z.boolean().optional(),
});

/** Every caregiver role can be a parent in the input; the list lives in knowledge. */
export const PARENT_ROLES = CAREGIVER_ROLES;
export type ParentRole = CaregiverRole;

const score = (max: number) => z.number().int().min(0).max(max);

/**
 * One screening result of a parent (DESIGN §4.1): Whooley as two yes/no answers, GAD-2/GAD-7/PHQ-9 as a
 * total, EPDS as a total with item 10 (self-harm) or as all ten item scores.
 */
const screening = z.discriminatedUnion('instrument', [
  z.strictObject({ instrument: z.literal('whooley'), answers: z.array(z.boolean()).length(2) }),
  z.strictObject({ instrument: z.literal('gad_2'), total: score(6) }),
  z.strictObject({ instrument: z.literal('gad_7'), total: score(21) }),
  z.strictObject({ instrument: z.literal('phq_9'), total: score(27) }),
  z
    .strictObject({
      instrument: z.literal('epds'),
      total: score(30).optional(),
      item10: score(3).optional(),
      items: z.array(score(3)).length(10).optional(),
    })
    .superRefine((epds, ctx) => {
      if (epds.items !== undefined) {
        for (const key of ['total', 'item10'] as const)
          if (epds[key] !== undefined)
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: `give either items or total with item10, not both`,
            });
        return;
      }
      if (epds.total === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['total'],
          message: 'EPDS needs total (0–30) with item10, or all ten items',
        });
      else if (epds.item10 === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['item10'],
          message: 'EPDS needs item10 (0–3) with the total: it decides urgency',
        });
      else if (epds.item10 > epds.total)
        ctx.addIssue({ code: 'custom', path: ['item10'], message: 'item10 cannot exceed the total' });
    }),
]);

const parent = z.strictObject({
  role: z.enum(PARENT_ROLES),
  ageYears: z.number().int().min(10).max(90).optional(),
  lowEducation: z.boolean().optional(),
  /** Parent-level factors of THIS parent; a parent-level code in the top-level factors means "a parent". */
  factors: z.partialRecord(z.enum(PARENT_FACTOR_CODES), z.enum(['present', 'absent', 'unknown'])).optional(),
  screenings: z.array(screening).max(20).optional(),
});

/** `true` = observed / holds; `false` or omitted = not observed. */
const observed = z.boolean();

export const assessmentInputSchema = z.strictObject({
  region: z.enum(['nl', 'be']).default('nl'),
  child: z.union([bornChild, unbornChild]),
  parents: z.array(parent).max(8).default([]),
  factors: z.partialRecord(z.enum(FACTOR_CODES), factorValue).default({}),
  cues: z.partialRecord(z.enum(CUE_CODES), observed).default({}),
  criteria: z.partialRecord(z.enum(REFERRAL_CRITERION_CODES), observed).default({}),
});

export type AssessmentInput = z.output<typeof assessmentInputSchema>;
/** What callers may send: defaults filled in by {@link parseAssessmentInput}. */
export type AssessmentInputJson = z.input<typeof assessmentInputSchema>;
export type FactorValue = z.infer<typeof factorValue>;
export type ChildInput = AssessmentInput['child'];
export type ParentInput = AssessmentInput['parents'][number];
export type ScreeningInput = NonNullable<ParentInput['screenings']>[number];

export interface InputError {
  error: 'invalid_input';
  field: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: InputError };

/** Validates untrusted input and names the first offending field in a path like `factors.foo`. */
export function parseAssessmentInput(raw: unknown): ParseResult<AssessmentInput> {
  const result = assessmentInputSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: describeIssue(result.error.issues[0], raw) };
}

/** The form of child the caller evidently meant: only `ageMonths` → born, only `gestationWeeks` → unborn. */
function intendedChild(
  raw: unknown,
): { schema: typeof bornChild | typeof unbornChild; value: unknown } | null {
  if (raw === null || typeof raw !== 'object' || !('child' in raw)) return null;
  const child = (raw as { child: unknown }).child;
  if (child === null || typeof child !== 'object') return null;
  const born = 'ageMonths' in child;
  const unborn = 'gestationWeeks' in child;
  if (born === unborn) return null;
  return { schema: born ? bornChild : unbornChild, value: child };
}

function describeIssue(issue: z.core.$ZodIssue | undefined, raw: unknown): InputError {
  if (!issue) return { error: 'invalid_input', field: '', message: 'Invalid input' };
  const field = fieldName(issue.path);
  if (issue.code === 'invalid_union' && field === 'child') {
    // A wrong type inside an otherwise clear form (e.g. `"ageMonths": "14"`) names that field, not just `child`.
    const intended = intendedChild(raw);
    const inner = intended?.schema.safeParse(intended.value).error?.issues[0];
    if (inner) return describeIssue({ ...inner, path: ['child', ...inner.path] }, raw);
    return {
      error: 'invalid_input',
      field: 'child',
      message: `child must have either ageMonths (0–${MAX_AGE_MONTHS}) or gestationWeeks (${MIN_GESTATION_WEEKS}–${MAX_GESTATION_WEEKS}), and nothing else besides firstChild`,
    };
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return {
      error: 'invalid_input',
      field: field ? `${field}.${key}` : key,
      message: `Unknown field "${key}"`,
    };
  }
  if (issue.code === 'invalid_key') {
    return { error: 'invalid_input', field, message: `Unknown code "${String(issue.path.at(-1) ?? '')}"` };
  }
  return { error: 'invalid_input', field, message: issue.message };
}

/** `parents[0].screenings[1].total`, the way the field is written in JSON paths and in DESIGN §4.1. */
function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

export type { Lang, Region };
