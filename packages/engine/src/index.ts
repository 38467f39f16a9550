export type { ChildAge, ChildAgeError, ChildAgeOnResult, ChildBirth, ParentBirth } from './age.ts';
export {
  ageFits,
  childAge,
  childAgeOn,
  MAX_PARENT_AGE_YEARS,
  MIN_PARENT_AGE_YEARS,
  parentAgeYears,
  tipBand,
} from './age.ts';
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
export {
  addDays,
  completedMonths,
  completedYears,
  daysBetween,
  gestationWeeks,
  isCalendarDate,
  localDay,
  TERM_DAYS,
} from './calendar.ts';
export type { ConsentMismatch, ConsentRecipient, ReferralReceiver } from './consent-scope.ts';
export { consentMismatch, normaliseScope, sameRecipientName } from './consent-scope.ts';
export type {
  ContactCaregiver,
  ContactChild,
  ContactInputError,
  ContactInputResult,
  ContactRecord,
  ContactScreening,
} from './contact.ts';
export {
  assessmentInputForContact,
  currentScreenings,
  MAX_PARENTS,
  SCREENING_CURRENT_DAYS,
} from './contact.ts';
export type { ContinuumResult, ContinuumThresholds, RelationshipBand } from './continuum.ts';
export { DEFAULT_CONTINUUM_THRESHOLDS, placeOnContinuum } from './continuum.ts';
export * from './disclosure/index.ts';
export type {
  AssessmentInput,
  AssessmentInputJson,
  FactorValue,
  InputError,
  ParentRole,
  ParseResult,
  ScreeningInput,
} from './input.ts';
export {
  assessmentInputSchema,
  MAX_AGE_MONTHS,
  MAX_GESTATION_WEEKS,
  MIN_GESTATION_WEEKS,
  PARENT_ROLES,
  parseAssessmentInput,
} from './input.ts';
export type { ParentMentalHealth } from './perinatal.ts';
export { isPositiveScreen, screenParent, screenParents } from './perinatal.ts';
export * from './scoring/index.ts';
export type {
  ScheduleChild,
  ScheduledMoment,
  ScheduleWindow,
  ScreeningMomentId,
} from './screening-schedule.ts';
export { dueScreeningMoment, scheduleWindows } from './screening-schedule.ts';
