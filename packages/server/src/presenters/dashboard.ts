import type {
  Dashboard,
  DashboardDuration,
  DashboardIndicator,
  DashboardRegion,
  DashboardTable,
} from '@nestwerk/contract';
import {
  type CountTable,
  type PublishedCell,
  type PublishedTable,
  publishRate,
  suppressLinkedTables,
  suppressTable,
} from '@nestwerk/engine';
import { SCREENING_OUTCOMES } from '@nestwerk/knowledge';
import { writeCsv } from '../network/csv.ts';
import { UNKNOWN_MUNICIPALITY } from '../repositories/dashboard-counts.ts';

/** RIVM's Lokale monitor Kansrijke Start hides figures for fewer than 10 persons; so does Nestwerk. */
export const DASHBOARD_MIN_COUNT = 10;
/** A share is published only over at least this many children. */
export const DASHBOARD_MIN_DENOMINATOR = 20;

interface IndicatorSpec {
  title: string;
  rowKind: 'municipality' | 'route';
  columns: (region: DashboardRegion) => readonly string[];
}

const AGE_BANDS = ['prenatal', '0_1', '1_4', '4_plus'] as const;

/** Dutch titles: the CLI prints these; the web app shows its own translation by indicator id. */
export const INDICATORS: Record<DashboardIndicator, IndicatorSpec> = {
  reach: {
    title: 'Bereik: ouder-kindrelatie besproken',
    rowKind: 'municipality',
    columns: () => AGE_BANDS,
  },
  signals: {
    title: 'Signalen per band',
    rowKind: 'municipality',
    columns: () => ['safe', 'insecure', 'problematic_suspected', 'unclear'],
  },
  cumulative_risk: {
    title: 'Cumulatie van risico',
    rowKind: 'municipality',
    columns: () => ['present', 'absent'],
  },
  screening_timing: {
    title: 'Perinatale screenings op schema',
    rowKind: 'municipality',
    columns: () => ['on_schedule', 'off_schedule'],
  },
  screening_outcomes: {
    title: 'Uitkomsten perinatale screenings',
    rowKind: 'municipality',
    columns: () => SCREENING_OUTCOMES,
  },
  referral_outcomes: {
    title: 'Verwijzingen per route',
    rowKind: 'route',
    columns: () => ['accepted', 'declined', 'waiting', 'closed'],
  },
  referral_feedback: {
    title: 'Terugkoppeling op verwijzingen binnen de afgesproken termijn',
    rowKind: 'route',
    columns: () => ['on_time', 'late', 'pending'],
  },
  safety_routes: {
    title: 'Geopende veiligheidsroutes',
    rowKind: 'municipality',
    columns: (region) =>
      region === 'nl' ? ['meldcode_veilig_thuis'] : ['vertrouwenscentrum_kindermishandeling'],
  },
};

export interface CountRow {
  period: string;
  indicator: string;
  row_key: string;
  column_key: string;
  count: number;
}

function rowLabel(key: string): string {
  return key === UNKNOWN_MUNICIPALITY ? 'Onbekend' : key;
}

/** Unknown municipality last, the rest alphabetically: the same table always has the same shape. */
function byLabel(a: string, b: string): number {
  if (a === UNKNOWN_MUNICIPALITY) return 1;
  if (b === UNKNOWN_MUNICIPALITY) return -1;
  return a.localeCompare(b, 'nl');
}

function quarterTitle(period: string): string {
  return `${period.slice(0, 4)} K${period.slice(6)}`;
}

/**
 * Indicators that break the same population down in different ways share their row totals (the discussed
 * children of a municipality; the screenings; the referrals of a route), so they are published together:
 * an attacker would solve them together too.
 */
const LINKED: readonly (readonly DashboardIndicator[])[] = [
  ['reach', 'signals', 'cumulative_risk'],
  ['screening_timing', 'screening_outcomes'],
  ['referral_outcomes', 'referral_feedback'],
  ['safety_routes'],
];

function countTable(
  indicator: DashboardIndicator,
  rows: string[],
  region: DashboardRegion,
  mine: readonly CountRow[],
): CountTable {
  const columns = [...INDICATORS[indicator].columns(region)];
  const counts = rows.map((row) =>
    columns.map((column) =>
      mine
        .filter((c) => c.indicator === indicator && c.row_key === row && c.column_key === column)
        .reduce((sum, c) => sum + c.count, 0),
    ),
  );
  return { rows, columns, counts };
}

/**
 * One group of linked indicators in one fixed quarter. Rows are the keys with data in that quarter only, so
 * the tables — and therefore their suppression pattern — are the same whatever range was asked for.
 */
function buildGroup(
  group: readonly DashboardIndicator[],
  period: string,
  region: DashboardRegion,
  counts: readonly CountRow[],
  denominators: ReadonlyMap<string, number>,
): DashboardTable[] {
  const mine = counts.filter((c) => c.period === period && group.includes(c.indicator as DashboardIndicator));
  const rows = [...new Set(mine.map((c) => c.row_key))].sort(byLabel);
  if (rows.length === 0) return [];
  const tables = group.map((indicator) => countTable(indicator, rows, region, mine));
  const options = { minCount: DASHBOARD_MIN_COUNT };
  const published =
    tables.length === 1 && tables[0]
      ? [suppressTable(tables[0], options)]
      : suppressLinkedTables(tables, options);
  return group.map((indicator, i) =>
    present(indicator, period, published[i] as PublishedTable, denominators),
  );
}

function present(
  indicator: DashboardIndicator,
  period: string,
  published: PublishedTable,
  denominators: ReadonlyMap<string, number>,
): DashboardTable {
  const spec = INDICATORS[indicator];
  const { rows, columns } = published;
  const cell = (column: string, p: PublishedCell) => ({ column, count: p.count, suppressed: p.suppressed });
  return {
    id: `${indicator}:${period}`,
    indicator,
    period,
    title: `${spec.title}, ${quarterTitle(period)}`,
    rowKind: spec.rowKind,
    columns,
    rows: rows.map((key, i) => {
      const total = published.rowTotals[i] ?? { count: null, suppressed: true };
      const denominator = denominators.get(key) ?? 0;
      return {
        key,
        label: rowLabel(key),
        cells: columns.map((column, j) =>
          cell(column, published.cells[i]?.[j] ?? { count: null, suppressed: true }),
        ),
        total,
        // A share of a hidden count would give the count back (share × denominator): only over a published total.
        ...(indicator === 'reach'
          ? {
              rate:
                total.suppressed || total.count === null
                  ? null
                  : publishRate(total.count, denominator, DASHBOARD_MIN_DENOMINATOR),
            }
          : {}),
      };
    }),
    columnTotals: columns.map((column, j) =>
      cell(column, published.columnTotals[j] ?? { count: null, suppressed: true }),
    ),
    grandTotal: published.grandTotal,
  };
}

/** Nearest-rank percentile over a histogram of day counts. */
function percentile(histogram: ReadonlyArray<[number, number]>, n: number, p: number): number {
  const rank = Math.ceil(p * n);
  let seen = 0;
  for (const [days, count] of histogram) {
    seen += count;
    if (seen >= rank) return days;
  }
  return histogram[histogram.length - 1]?.[0] ?? 0;
}

function durationsOf(period: string, counts: readonly CountRow[]): DashboardDuration[] {
  const mine = counts.filter((c) => c.indicator === 'time_to_help' && c.period === period);
  const groups = new Map<string, Map<number, number>>();
  const add = (key: string, days: number, count: number) => {
    const h = groups.get(key) ?? new Map<number, number>();
    h.set(days, (h.get(days) ?? 0) + count);
    groups.set(key, h);
  };
  for (const c of mine) {
    add(c.row_key, Number(c.column_key), c.count);
    add('*', Number(c.column_key), c.count);
  }
  const keys = [...groups.keys()].filter((k) => k !== '*').sort(byLabel);
  return [...keys, ...(groups.has('*') ? ['*'] : [])].map((key) => {
    const histogram = [...(groups.get(key) ?? new Map<number, number>()).entries()].sort(
      (a, b) => a[0] - b[0],
    );
    const n = histogram.reduce((sum, [, count]) => sum + count, 0);
    const shown = n >= DASHBOARD_MIN_COUNT;
    return {
      period,
      key,
      label: key === '*' ? 'Totaal' : rowLabel(key),
      median: shown ? percentile(histogram, n, 0.5) : null,
      p75: shown ? percentile(histogram, n, 0.75) : null,
    };
  });
}

export function presentDashboard(
  region: DashboardRegion,
  periods: readonly string[],
  counts: readonly CountRow[],
  refreshedAt: string | null,
): Dashboard {
  const tables: DashboardTable[] = [];
  const durations: DashboardDuration[] = [];
  for (const period of periods) {
    const denominators = new Map<string, number>();
    for (const c of counts)
      if (c.indicator === 'reach_denominator' && c.period === period)
        denominators.set(c.row_key, (denominators.get(c.row_key) ?? 0) + c.count);
    for (const group of LINKED) tables.push(...buildGroup(group, period, region, counts, denominators));
    durations.push(...durationsOf(period, counts));
  }
  return {
    region,
    periods: [...periods],
    minCount: DASHBOARD_MIN_COUNT,
    minDenominator: DASHBOARD_MIN_DENOMINATOR,
    refreshedAt,
    tables,
    durations,
  };
}

/**
 * Long format, one published figure per line: a suppressed count is empty with suppressed=1. Durations (days
 * from first signal to help) go in their own `days` column, so `count` only ever holds counts.
 */
export function dashboardCsv(dashboard: Dashboard): string {
  const rows: string[][] = [];
  const put = (
    t: DashboardTable,
    row: string,
    column: string,
    p: { count: number | null; suppressed: boolean },
  ) =>
    rows.push([
      t.indicator,
      t.period,
      row,
      column,
      p.count === null ? '' : String(p.count),
      p.suppressed ? '1' : '0',
      '',
    ]);
  for (const t of dashboard.tables) {
    for (const row of t.rows) {
      for (const c of row.cells) put(t, row.label, c.column, c);
      put(t, row.label, 'total', row.total);
    }
    for (const c of t.columnTotals) put(t, 'total', c.column, c);
    put(t, 'total', 'total', t.grandTotal);
  }
  for (const d of dashboard.durations)
    for (const [column, days] of [
      ['median', d.median],
      ['p75', d.p75],
    ] as const)
      rows.push([
        'time_to_help',
        d.period,
        d.label,
        column,
        '',
        days === null ? '1' : '0',
        days === null ? '' : String(days),
      ]);
  return writeCsv(['indicator', 'period', 'row', 'column', 'count', 'suppressed', 'days'], rows);
}
