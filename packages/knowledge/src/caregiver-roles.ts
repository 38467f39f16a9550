/**
 * The roles a caregiver can have in a family (DESIGN §2.1). One list for the engine's input, the API, the
 * database and the screens; labels live with the UI strings.
 */
export const CAREGIVER_ROLES = [
  'mother',
  'father',
  'co_parent',
  'foster_parent',
  'adoptive_parent',
  'step_parent',
  'grandparent',
  'guardian',
  'other',
] as const;
export type CaregiverRole = (typeof CAREGIVER_ROLES)[number];
