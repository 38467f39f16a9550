import {
  CAREGIVER_ROLES,
  type CaregiverRole,
  CUE_CODES,
  FACTOR_CODES,
  type Lang,
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

const parent = z.strictObject({
  role: z.enum(PARENT_ROLES),
  ageYears: z.number().int().min(10).max(90).optional(),
  lowEducation: z.boolean().optional(),
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
  const field = issue.path.map(String).join('.');
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

export type { Lang, Region };
