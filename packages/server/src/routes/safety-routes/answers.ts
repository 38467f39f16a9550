import { z } from 'zod';
import { HttpError } from '../../http/errors.ts';
import { text } from '../shared/schemas.ts';

/**
 * What each step of the safety route records besides notes.
 *
 * Netherlands (Meldcode, seed 003 Tabel 2.3 step 4c and Thema 4 "Veilig Thuis"): step 2 whom you consulted;
 * step 4 the two questions of the weighing framework — is there (a risk of) acute or structural unsafety,
 * and can you offer or organise adequate help; step 5 the decision — report to Veilig Thuis and/or organise
 * help. The framework's rule: with (risk of) acute or structural unsafety, or when adequate help cannot be
 * offered or organised, reporting to Veilig Thuis is the decision.
 *
 * Flanders (Vertrouwenscentrum Kindermishandeling, professional secrecy, seed 003 Thema 4): step 2 whom you
 * consulted; step 4 the five questions before breaking professional secrecy, and whether you do; step 5 the
 * decision taken with the Vertrouwenscentrum.
 */
const answer = text(2000);

const STEP_SCHEMAS = {
  nl: {
    2: z.strictObject({
      consulted: z
        .array(z.enum(['colleague', 'safeguarding_officer', 'veilig_thuis']))
        .min(1, 'say whom you consulted'),
    }),
    4: z.strictObject({ unsafety: z.boolean(), canOfferOrOrganiseHelp: z.boolean() }),
    5: z.strictObject({ reportToVeiligThuis: z.boolean(), organiseHelp: z.boolean() }),
  },
  be: {
    2: z.strictObject({
      consulted: z.array(z.enum(['team', 'vertrouwenscentrum'])).min(1, 'say whom you consulted'),
    }),
    4: z.strictObject({
      purpose: answer,
      alternativeWithoutSharing: answer,
      consentSought: answer,
      proportionality: answer,
      whatToWhom: answer,
      breakSecrecy: z.boolean(),
    }),
    5: z.strictObject({ registerWithVertrouwenscentrum: z.boolean(), organiseHelp: z.boolean() }),
  },
} as const;

type Region = 'nl' | 'be';

/** Validates a step's answers; a step without a schema records notes only and takes no answers. */
export function parseStepAnswers(
  region: Region,
  step: number,
  answers: unknown,
): Record<string, unknown> | null {
  const schema = (STEP_SCHEMAS[region] as Record<number, z.ZodType<Record<string, unknown>> | undefined>)[
    step
  ];
  if (!schema) {
    if (answers !== undefined)
      throw new HttpError(
        'invalid_input',
        `Step ${step} records notes only; it takes no answers.`,
        'answers',
      );
    return null;
  }
  const parsed = schema.safeParse(answers ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['answers', ...(issue?.path ?? []).map(String)].join('.');
    throw new HttpError('invalid_input', `${path}: ${issue?.message ?? 'invalid value'}`, path);
  }
  return parsed.data;
}

/**
 * The decision must follow the weighing (NL): with (risk of) acute or structural unsafety, or without
 * adequate help within reach, the professional reports to Veilig Thuis; and a decision does something.
 */
export function checkDecision(
  region: Region,
  weighing: Record<string, unknown> | null,
  decision: Record<string, unknown>,
): void {
  if (region === 'nl') {
    const mustReport = weighing?.unsafety === true || weighing?.canOfferOrOrganiseHelp === false;
    if (mustReport && decision.reportToVeiligThuis !== true)
      throw new HttpError(
        'unprocessable',
        'The weighing found (a risk of) acute or structural unsafety, or help you cannot offer or organise: the decision is to report to Veilig Thuis.',
        'answers.reportToVeiligThuis',
      );
    if (!mustReport && decision.reportToVeiligThuis !== true && decision.organiseHelp !== true)
      throw new HttpError(
        'unprocessable',
        'Decide to report to Veilig Thuis, to organise help, or both.',
        'answers.organiseHelp',
      );
    return;
  }
  if (decision.registerWithVertrouwenscentrum !== true && decision.organiseHelp !== true)
    throw new HttpError(
      'unprocessable',
      'Decide with the Vertrouwenscentrum to register the situation, to organise help, or both.',
      'answers.organiseHelp',
    );
}
