import { z } from 'zod';
import { date, id, page, paging, searchText } from './common.ts';
import { defineRoute } from './route.ts';

export const balanceTilts = [
  'burden_outweighs',
  'in_balance',
  'strength_outweighs',
  'strength_unknown',
  'not_known',
] as const;
export const listBalance = z.object({
  hindering: z.number().int().min(0),
  protective: z.number().int().min(0),
  tilt: z.enum(balanceTilts),
});
export type ListBalance = z.output<typeof listBalance>;

/** A worklist or search row: enough to recognise the family and see what is due, nothing of the file itself. */
export const familyListItem = z.object({
  familyId: id,
  name: z.string(),
  children: z.array(
    z.object({ id, givenName: z.string(), birthDate: date.nullable(), dueDate: date.nullable() }),
  ),
  nextFollowUp: date.nullable(),
  overdue: z.boolean(),
  /**
   * `safety`: a safety route is open for this family, exactly (see `safetyRoute`).
   * `safetySignals`: the latest assessment recorded safety signals and no route is open.
   * `cumulativeRisk`: two or more burdens at the last contact that its strengths do not outweigh (see `balance`).
   * `urgentScreening`: a parent's screening of the last 14 days came out urgent (EPDS item 10).
   * `feedbackOverdue`: a referral's agreed feedback time has passed without feedback.
   * `dueToday`: the next follow-up is today.
   */
  flags: z.object({
    cumulativeRisk: z.boolean(),
    problematicSuspected: z.boolean(),
    safety: z.boolean(),
    safetySignals: z.boolean(),
    urgentScreening: z.boolean(),
    feedbackOverdue: z.boolean(),
    dueToday: z.boolean(),
  }),
  /** Burdens and strengths counted at the last assessed contact, and which way it tipped; null when none. */
  balance: listBalance.nullable(),
  lastContact: date.nullable(),
  /** Referrals of this family whose feedback is overdue. */
  overdueFeedback: z.number().int(),
  /** The open safety route and the next step to record, or null. */
  safetyRoute: z.object({ id, currentStep: z.number().int() }).nullable(),
  /** Perinatal screening moments due or overdue today, over all screened parents (see dueScreenings). */
  screeningsDue: z.number().int().min(0),
});
export type FamilyListItem = z.output<typeof familyListItem>;

export const worklistScopes = ['mine', 'team'] as const;
export type WorklistScope = (typeof worklistScopes)[number];
/** `today`: the follow-up is due today. */
export const dueFilters = ['today', 'overdue', 'week', 'all'] as const;
export type DueFilter = (typeof dueFilters)[number];

export const worklistQuery = z.strictObject({
  scope: z.enum(worklistScopes).default('mine'),
  q: searchText,
  due: z.enum(dueFilters).default('all'),
  ...paging,
});
export type WorklistQuery = z.output<typeof worklistQuery>;

export const worklist = {
  list: defineRoute({
    method: 'GET',
    path: '/api/worklist',
    summary: 'The families of the user or the team, most urgent first',
    tags: ['worklist'],
    query: worklistQuery,
    response: page(familyListItem),
  }),
};
