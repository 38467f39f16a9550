import type { Timestamp } from './columns.ts';

/** The overviews' maintained counts. */

/** Published-before-suppression counts of the municipal dashboard (see migration 0014). */
export interface DashboardCountTable {
  region: 'nl' | 'be';
  municipality: string;
  /** A fixed quarter, YYYY-Qn. */
  period: string;
  indicator: string;
  row_key: string;
  column_key: string;
  count: number;
}

export interface DashboardRefreshTable {
  id: string;
  refreshed_at: Timestamp;
}
