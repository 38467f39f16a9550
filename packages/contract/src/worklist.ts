import { z } from 'zod';
import { date, id, page, paging, searchText } from './common.ts';
import { defineRoute } from './route.ts';

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
   * `safety`: the latest assessment raised a safety concern, or a safety route is open.
   * `feedbackOverdue`: a referral's agreed feedback time has passed without feedback.
   */
  flags: z.object({
    cumulativeRisk: z.boolean(),
    problematicSuspected: z.boolean(),
    safety: z.boolean(),
    feedbackOverdue: z.boolean(),
  }),
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
export const dueFilters = ['overdue', 'week', 'all'] as const;
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
    summary: 'The families due for follow-up, of the user or the team',
    tags: ['worklist'],
    query: worklistQuery,
    response: page(familyListItem),
  }),
};
