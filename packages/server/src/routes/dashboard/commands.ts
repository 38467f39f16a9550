import type { Dashboard, DashboardQuery, DashboardRegion } from '@nestwerk/contract';
import { buildDashboard, ensureDashboardCounts } from '../../domain/dashboard.ts';
import { readsAggregates } from '../../policies/roles.ts';
import { dashboardCsv } from '../../presenters/dashboard.ts';
import type { Db } from '../../repositories/db.ts';
import { readAudited, requireRoleFor } from '../shared/audited.ts';
import type { RequestContext } from '../shared/context.ts';

/** Per database: see buildDashboard. */
const caches = new WeakMap<Db, Map<string, Dashboard>>();

async function ownRegion(db: Db, organisationId: string): Promise<DashboardRegion> {
  const org = await db
    .selectFrom('organisations')
    .select('region')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return org?.region ?? 'nl';
}

async function audited(ctx: RequestContext, input: DashboardQuery, action: string): Promise<Dashboard> {
  await requireRoleFor(ctx, readsAggregates, action);
  await ensureDashboardCounts(ctx.db, ctx.at);
  return readAudited(ctx, { audit: action, purpose: 'statistics', basis: 'none' }, async (trx) => {
    const region = input.region ?? (await ownRegion(trx, ctx.principal.organisationId));
    const cache = caches.get(ctx.db) ?? new Map<string, Dashboard>();
    caches.set(ctx.db, cache);
    const value = await buildDashboard(trx, region, input.from, input.to, ctx.today, cache);
    return { value, details: { region, periods: value.periods } };
  });
}

export function readDashboard(ctx: RequestContext, input: DashboardQuery): Promise<Dashboard> {
  return audited(ctx, input, 'dashboard.read');
}

export async function exportDashboard(ctx: RequestContext, input: DashboardQuery): Promise<string> {
  return dashboardCsv(await audited(ctx, input, 'dashboard.export'));
}
