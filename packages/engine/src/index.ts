export type { ChildAge } from './age.ts';
export { ageFits, childAge, tipBand } from './age.ts';
export type { AssessOptions } from './assess.ts';
export { assess } from './assess.ts';
export type {
  Assessment,
  InstrumentSuggestion,
  Recommendation,
  RecommendationCategory,
} from './assessment.ts';
export type { BalanceResult, BalanceTilt, BalanceWeights } from './balance.ts';
export { DEFAULT_BALANCE_WEIGHTS, weighBalance } from './balance.ts';
export { isCalendarDate } from './calendar.ts';
export type { ContinuumResult, ContinuumThresholds, RelationshipBand } from './continuum.ts';
export { DEFAULT_CONTINUUM_THRESHOLDS, placeOnContinuum } from './continuum.ts';
export type {
  AssessmentInput,
  AssessmentInputJson,
  FactorValue,
  InputError,
  ParentRole,
  ParseResult,
} from './input.ts';
export { assessmentInputSchema, MAX_AGE_MONTHS, PARENT_ROLES, parseAssessmentInput } from './input.ts';
export * from './scoring/index.ts';
