import type { Dashboard, DashboardRegion } from '@nestwerk/contract';
import { HttpError } from '../http/errors.ts';
import { presentDashboard } from '../presenters/dashboard.ts';
import {
  dashboardRefreshedAt,
  readDashboardCounts,
  refreshDashboardCounts,
} from '../repositories/dashboard-counts.ts';
import type { Db } from '../repositories/db.ts';

/** The published municipal dashboard, shared by the analyst's routes and the `nestwerk dashboard` command. */

/** Three years of quarters at most in one answer. */
const MAX_QUARTERS = 12;

function quarterIndex(month: string): number {
  return Number(month.slice(0, 4)) * 4 + Math.floor((Number(month.slice(5, 7)) - 1) / 3);
}

function monthsBefore(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * The fixed quarters that overlap `from`..`to` (default: the last four). Only whole fixed quarters are ever
 * published, so moving `from` or `to` shows more or fewer of the same tables and never a difference of two.
 */
export function dashboardPeriods(from: string | undefined, to: string | undefined, today: string): string[] {
  const last = to ?? today.slice(0, 7);
  const first = from ?? monthsBefore(last, 9);
  if (first > last) throw new HttpError('invalid_input', 'must not be before from', 'to');
  const a = quarterIndex(first);
  const b = quarterIndex(last);
  if (b - a + 1 > MAX_QUARTERS)
    throw new HttpError('invalid_input', `at most ${MAX_QUARTERS} quarters at a time`, 'from');
  const out: string[] = [];
  for (let q = a; q <= b; q++) out.push(`${Math.floor(q / 4)}-Q${(q % 4) + 1}`);
  return out;
}

/** Rebuilt when they were never built; otherwise the schedule keeps them fresh. */
export async function ensureDashboardCounts(db: Db, at: string): Promise<void> {
  if ((await dashboardRefreshedAt(db)) === null) await refreshDashboardCounts(db, at);
}

/**
 * Published dashboards per database, by aggregate version, region and quarters: suppression is deterministic,
 * so the same aggregates give the same answer, and a rebuild (a new `refreshedAt`) makes every entry stale.
 */
const CACHE_SIZE = 64;

export async function buildDashboard(
  db: Db,
  region: DashboardRegion,
  from: string | undefined,
  to: string | undefined,
  today: string,
  cache: Map<string, Dashboard> = new Map(),
): Promise<Dashboard> {
  const periods = dashboardPeriods(from, to, today);
  const refreshedAt = await dashboardRefreshedAt(db);
  const key = `${refreshedAt}|${region}|${periods.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const value = presentDashboard(
    region,
    periods,
    await readDashboardCounts(db, region, periods),
    refreshedAt,
  );
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}
