import { z } from 'zod';
import { date, id, timestamp } from './common.ts';
import { defineRoute } from './route.ts';

/**
 * The municipal dashboard: published (disclosure-controlled) counts only. Nothing here carries a family, child
 * or person id. Figures are published per fixed calendar quarter and per region; `from`/`to` only choose which
 * of those fixed quarters are shown, so two requests can never be subtracted to uncover a hidden cell.
 */
export const DASHBOARD_REGIONS = ['nl', 'be'] as const;
export type DashboardRegion = (typeof DASHBOARD_REGIONS)[number];

export const DASHBOARD_INDICATORS = [
  'reach',
  'signals',
  'cumulative_risk',
  'screening_timing',
  'screening_outcomes',
  'referral_outcomes',
  'referral_feedback',
  'safety_routes',
] as const;
export type DashboardIndicator = (typeof DASHBOARD_INDICATORS)[number];

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .meta({ example: '2026-01' });

export const dashboardQuery = z
  .strictObject({
    region: z.enum(DASHBOARD_REGIONS).optional(),
    from: month.optional(),
    to: month.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export type DashboardQuery = z.output<typeof dashboardQuery>;

export const publishedCount = z.object({ count: z.number().int().nullable(), suppressed: z.boolean() });
export type PublishedCount = z.output<typeof publishedCount>;

export const dashboardCell = publishedCount.extend({ column: z.string() });

export const dashboardRow = z.object({
  /** The municipality or referral route: a key the web app translates (routes) or shows as is (municipalities). */
  key: z.string(),
  label: z.string(),
  cells: z.array(dashboardCell),
  total: publishedCount,
  /** Share of the row's denominator (reach only), null when the denominator is below the minimum or hidden. */
  rate: z.number().min(0).max(1).nullable().optional(),
});

export const dashboardTable = z.object({
  /** `<indicator>:<quarter>`, e.g. `signals:2026-Q1`. */
  id: z.string(),
  indicator: z.enum(DASHBOARD_INDICATORS),
  /** The fixed quarter, `YYYY-Qn`. */
  period: z.string(),
  title: z.string(),
  rowKind: z.enum(['municipality', 'route']),
  columns: z.array(z.string()),
  rows: z.array(dashboardRow),
  columnTotals: z.array(dashboardCell),
  grandTotal: publishedCount,
});
export type DashboardTable = z.output<typeof dashboardTable>;

/**
 * Days from first signal to start of help: median and p75 only when at least `minCount` referrals are behind
 * them. The number itself is not published: with the region's total it would reveal a hidden small group.
 */
export const dashboardDuration = z.object({
  period: z.string(),
  /** A municipality, or `*` for the whole region. */
  key: z.string(),
  label: z.string(),
  median: z.number().nullable(),
  p75: z.number().nullable(),
});
export type DashboardDuration = z.output<typeof dashboardDuration>;

export const dashboard = z.object({
  region: z.enum(DASHBOARD_REGIONS),
  periods: z.array(z.string()),
  minCount: z.number().int(),
  minDenominator: z.number().int(),
  /** When the aggregates were last refreshed; figures after that moment are not in them yet. */
  refreshedAt: timestamp.nullable(),
  tables: z.array(dashboardTable),
  durations: z.array(dashboardDuration),
});
export type Dashboard = z.output<typeof dashboard>;

/** The team lead's overview of the team's caseload (care content: family ids are shown, and audited). */
export const teamOverviewFamily = z.object({
  familyId: id,
  name: z.string(),
  nurseIds: z.array(id),
  nextFollowUp: date.nullable(),
  overdue: z.boolean(),
  lastContact: date.nullable(),
  /** Days since the last contact, or since care started when there was none. */
  daysWithoutContact: z.number().int().nullable(),
  /** Longer without contact than the contact schedule for the youngest child's age allows. */
  contactOverdue: z.boolean(),
  safetyRouteOpen: z.boolean(),
  urgentScreening: z.boolean(),
  /** Referrals of this family sent and past their feedback date without feedback: why it is listed early. */
  overdueFeedback: z.number().int(),
  screeningsDue: z.number().int(),
});

export const teamOverviewNurse = z.object({
  userId: id,
  name: z.string(),
  caseload: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
  contactOverdue: z.number().int(),
});

export const teamOverviewReferral = z.object({
  referralId: id,
  familyId: id,
  familyName: z.string(),
  partnerName: z.string(),
  sentOn: date.nullable(),
  feedbackDue: date.nullable(),
  /** Days since the referral was sent. */
  ageDays: z.number().int(),
  overdue: z.boolean(),
});

export const teamOverview = z.object({
  today: date,
  nurses: z.array(teamOverviewNurse),
  families: z.array(teamOverviewFamily),
  /** The families in the team's caseload; more than `families` holds only beyond the server's limit. */
  total: z.number().int(),
  waitingReferrals: z.array(teamOverviewReferral),
});
export type TeamOverview = z.output<typeof teamOverview>;

const tags = ['dashboard'];

export const dashboardRoutes = {
  read: defineRoute({
    method: 'GET',
    path: '/api/dashboard',
    summary: 'Municipal figures per fixed quarter, with small counts suppressed',
    tags,
    query: dashboardQuery,
    response: dashboard,
  }),
  export: defineRoute({
    method: 'GET',
    path: '/api/dashboard/export',
    summary: 'The same published figures as CSV',
    tags,
    query: dashboardQuery,
    produces: 'text/csv',
    response: z.string(),
  }),
  team: defineRoute({
    method: 'GET',
    path: '/api/team/overview',
    summary: "The team lead's overview of the team's caseload",
    tags,
    response: teamOverview,
  }),
};
