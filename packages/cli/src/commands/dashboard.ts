import { buildDashboard, migrateToLatest, recordAudit, refreshDashboardCounts } from '@nestwerk/server';
import { oneOf, parseOptions } from '../args.ts';
import { UsageError } from '../cli-error.ts';
import { DATABASE_OPTION, printJson, withDatabase } from '../database.ts';

export const summary =
  'dashboard [--region nl|be] [--from YYYY-MM] [--to YYYY-MM]   the published municipal tables (JSON)';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Aggregates older than this are rebuilt first; the server refreshes them hourly too. */
const STALE_MS = 60 * 60_000;

function month(flag: string, value: string | undefined): string | undefined {
  if (value === undefined || MONTH.test(value)) return value;
  throw new UsageError(flag, `${flag} must be a month YYYY-MM; got "${value}"`);
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...DATABASE_OPTION,
    region: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('arguments', `Unexpected argument "${positionals[0]}"`);
  const region = oneOf('--region', values.region, ['nl', 'be'] as const, 'nl');
  const from = month('--from', values.from);
  const to = month('--to', values.to);
  if (from && to && from > to) throw new UsageError('--to', '--to must not be before --from');

  return withDatabase(values.database, async (handle) => {
    await migrateToLatest(handle);
    const now = new Date();
    const last = await handle.db
      .selectFrom('dashboard_refresh')
      .select('refreshed_at')
      .where('id', '=', 'all')
      .executeTakeFirst();
    if (!last || now.getTime() - Date.parse(last.refreshed_at) > STALE_MS)
      await refreshDashboardCounts(handle.db, now.toISOString());
    let dashboard: Awaited<ReturnType<typeof buildDashboard>>;
    try {
      dashboard = await buildDashboard(handle.db, region, from, to, now.toISOString().slice(0, 10));
    } catch (err) {
      const field = (err as { field?: unknown }).field;
      if (typeof field === 'string' && err instanceof Error)
        throw new UsageError(`--${field}`, `--${field} ${err.message}`);
      throw err;
    }
    await recordAudit(handle.db, {
      action: 'dashboard.read',
      outcome: 'success',
      basis: 'none',
      purpose: 'statistics',
      details: { region, periods: dashboard.periods, via: 'cli' },
    });
    // Exactly the shape of DESIGN §4.4: the web-only fields (keys, rates, grand totals) stay out.
    printJson({
      tables: dashboard.tables.map((t) => ({
        id: t.id,
        title: t.title,
        rows: t.rows.map((r) => ({
          label: r.label,
          cells: r.cells.map((c) => ({ column: c.column, count: c.count, suppressed: c.suppressed })),
          total: { count: r.total.count, suppressed: r.total.suppressed },
        })),
        columnTotals: t.columnTotals.map((c) => ({
          column: c.column,
          count: c.count,
          suppressed: c.suppressed,
        })),
      })),
    });
    return 0;
  });
}
