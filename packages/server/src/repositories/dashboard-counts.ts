import { daysBetween, localDay, scheduleWindows } from '@nestwerk/engine';
import { forEachIdChunk, type IdRange, inIdRange } from '../db/id-range.ts';
import type { DashboardCountTable } from '../db/schema.ts';
import type { Db } from './db.ts';
import { familyIdsAfter } from './families.ts';

/**
 * Builds the dashboard's aggregate table from the care records: counts per region, municipality, fixed quarter,
 * indicator, row and column (definitions in docs/indicators.md). Children are counted once per quarter, by their
 * latest contact or assessment in it; events (screenings, referrals, safety routes) once each. The rebuild runs
 * on a schedule, not per request: the dashboard reads only the result. It reads the records a chunk at a time
 * (families, referrals and routes by id), so its memory follows the chunk size and the number of aggregate rows,
 * not the size of the database.
 */

/**
 * Families (or referrals, or routes) per read: a chunk of families is some thousands of contacts. Larger chunks
 * save round trips, smaller ones memory; the result does not depend on it.
 */
export const DASHBOARD_CHUNK = 1000;

type Region = 'nl' | 'be';
type Row = Omit<DashboardCountTable, 'count'>;

/** Municipality key for families without one. */
export const UNKNOWN_MUNICIPALITY = '-';

export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export function ageBand(ageMonths: number | null, type: string): string {
  if (ageMonths === null || type === 'prenatal_visit') return 'prenatal';
  if (ageMonths < 12) return '0_1';
  if (ageMonths < 48) return '1_4';
  return '4_plus';
}

function muni(value: string | null): string {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? UNKNOWN_MUNICIPALITY : trimmed;
}

class Counter {
  private readonly counts = new Map<string, { row: Row; count: number }>();
  add(row: Row, by = 1): void {
    const key = [row.region, row.municipality, row.period, row.indicator, row.row_key, row.column_key].join(
      '\u0000',
    );
    const slot = this.counts.get(key);
    if (slot) slot.count += by;
    else this.counts.set(key, { row, count: by });
  }
  rows(): DashboardCountTable[] {
    return [...this.counts.values()].map(({ row, count }) => ({ ...row, count }));
  }
}

interface ChildQuarter {
  region: Region;
  municipality: string;
  period: string;
  latestDate: string;
  band: string;
  discussed: boolean;
  assessedDate: string | null;
  relationshipBand: string | null;
  cumulativeRisk: boolean;
}

/**
 * The children of one chunk of families. A child's contacts are all in its own family (a contact's child is
 * checked to be a child of the contact's family, and a person never changes family), so a child-quarter is
 * whole within the chunk and can be counted before the next one is read. Read in date order, so a child's
 * latest contact on a day with two is the one with the higher id, not whichever the database happened to
 * return last.
 */
async function countChildren(db: Db, counter: Counter, chunk: IdRange): Promise<void> {
  const rows = await db
    .selectFrom('contacts as c')
    .innerJoin('families as f', 'f.id', 'c.family_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .leftJoin('assessments as a', 'a.contact_id', 'c.id')
    .where(inIdRange('c.family_id', chunk))
    .where('c.status', '=', 'final')
    .where('o.kind', '=', 'jgz')
    .select([
      'c.child_id',
      'c.date',
      'c.child_age_months',
      'c.type',
      'f.municipality',
      'o.region',
      'a.id as assessment_id',
      'a.agreed_band',
      'a.suggested_band',
      'a.cumulative_risk',
    ])
    .orderBy('c.date')
    .orderBy('c.id')
    .execute();
  const perChild = new Map<string, ChildQuarter>();
  for (const r of rows) {
    const period = quarterOf(r.date);
    const key = `${r.child_id}|${period}`;
    const slot: ChildQuarter = perChild.get(key) ?? {
      region: r.region,
      municipality: muni(r.municipality),
      period,
      latestDate: '',
      band: 'prenatal',
      discussed: false,
      assessedDate: null,
      relationshipBand: null,
      cumulativeRisk: false,
    };
    if (r.date >= slot.latestDate) {
      slot.latestDate = r.date;
      slot.band = ageBand(r.child_age_months, r.type);
    }
    // An assessment is the nurse's record of having gone through the parent–child relationship with the parent.
    if (r.assessment_id !== null) {
      slot.discussed = true;
      if (slot.assessedDate === null || r.date >= slot.assessedDate) {
        slot.assessedDate = r.date;
        slot.relationshipBand = r.agreed_band ?? r.suggested_band;
        slot.cumulativeRisk = r.cumulative_risk === 1 || (r.cumulative_risk as unknown) === true;
      }
    }
    perChild.set(key, slot);
  }
  for (const c of perChild.values()) {
    const base = {
      region: c.region,
      municipality: c.municipality,
      period: c.period,
      row_key: c.municipality,
    };
    counter.add({ ...base, indicator: 'reach_denominator', column_key: c.band });
    if (!c.discussed) continue;
    counter.add({ ...base, indicator: 'reach', column_key: c.band });
    if (c.relationshipBand) counter.add({ ...base, indicator: 'signals', column_key: c.relationshipBand });
    counter.add({
      ...base,
      indicator: 'cumulative_risk',
      column_key: c.cumulativeRisk ? 'present' : 'absent',
    });
  }
}

/** The screenings of one chunk of families, each on or off its children's schedule. */
async function countScreenings(db: Db, counter: Counter, chunk: IdRange): Promise<void> {
  const screenings = await db
    .selectFrom('parent_screenings as s')
    .innerJoin('families as f', 'f.id', 's.family_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .where(inIdRange('s.family_id', chunk))
    .where('o.kind', '=', 'jgz')
    .select(['s.family_id', 's.date', 's.outcome', 'f.municipality', 'o.region'])
    .execute();
  if (screenings.length === 0) return;
  const children = await db
    .selectFrom('persons')
    .where(inIdRange('family_id', chunk))
    .where('kind', '=', 'child')
    .select(['family_id', 'birth_date', 'due_date'])
    .execute();
  const windows = new Map<string, Array<{ from: string; to: string }>>();
  for (const child of children) {
    const list = windows.get(child.family_id) ?? [];
    list.push(...scheduleWindows({ birthDate: child.birth_date, dueDate: child.due_date }));
    windows.set(child.family_id, list);
  }
  for (const s of screenings) {
    const municipality = muni(s.municipality);
    const base = { region: s.region, municipality, period: quarterOf(s.date), row_key: municipality };
    counter.add({ ...base, indicator: 'screening_outcomes', column_key: s.outcome });
    const onTime = (windows.get(s.family_id) ?? []).some((w) => s.date >= w.from && s.date <= w.to);
    counter.add({
      ...base,
      indicator: 'screening_timing',
      column_key: onTime ? 'on_schedule' : 'off_schedule',
    });
  }
}

function referralOutcome(status: string, intakeDate: string | null): string {
  if (status === 'declined') return 'declined';
  if (status === 'accepted' || status === 'in_care') return 'accepted';
  if (status === 'closed') return intakeDate ? 'accepted' : 'closed';
  return 'waiting';
}

async function countReferrals(db: Db, counter: Counter, today: string, chunkSize: number): Promise<void> {
  await forEachIdChunk(
    chunkSize,
    (after, limit) =>
      db
        .selectFrom('referrals as r')
        .innerJoin('families as f', 'f.id', 'r.family_id')
        .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
        .innerJoin('partners as p', 'p.id', 'r.partner_id')
        .where('r.sent_at', 'is not', null)
        .$if(after !== null, (qb) => qb.where('r.id', '>', after ?? ''))
        .select([
          'r.id',
          'r.sent_at',
          'r.status',
          'r.feedback_due',
          'r.feedback_received_at',
          'r.first_signal_date',
          'r.intake_date',
          'p.kind',
          'f.municipality',
          'o.region',
        ])
        .orderBy('r.id')
        .limit(limit)
        .execute(),
    (rows) => countReferralRows(counter, today, rows),
  );
}

function countReferralRows(
  counter: Counter,
  today: string,
  rows: ReadonlyArray<{
    sent_at: string | null;
    status: string;
    feedback_due: string | null;
    feedback_received_at: string | null;
    first_signal_date: string | null;
    intake_date: string | null;
    kind: string;
    municipality: string | null;
    region: Region;
  }>,
): void {
  for (const r of rows) {
    if (!r.sent_at) continue;
    const municipality = muni(r.municipality);
    const base = {
      region: r.region,
      municipality,
      period: quarterOf(localDay(r.sent_at)),
      row_key: r.kind,
    };
    counter.add({
      ...base,
      indicator: 'referral_outcomes',
      column_key: referralOutcome(r.status, r.intake_date),
    });
    const received = r.feedback_received_at ? localDay(r.feedback_received_at) : null;
    const feedback =
      received !== null
        ? r.feedback_due === null || received <= r.feedback_due
          ? 'on_time'
          : 'late'
        : r.feedback_due !== null && r.feedback_due < today
          ? 'late'
          : 'pending';
    counter.add({ ...base, indicator: 'referral_feedback', column_key: feedback });
    if (r.first_signal_date && r.intake_date && r.intake_date >= r.first_signal_date) {
      counter.add({
        region: r.region,
        municipality,
        period: quarterOf(r.intake_date),
        row_key: municipality,
        indicator: 'time_to_help',
        column_key: String(daysBetween(r.first_signal_date, r.intake_date)),
      });
    }
  }
}

async function countSafetyRoutes(db: Db, counter: Counter, chunkSize: number): Promise<void> {
  await forEachIdChunk(
    chunkSize,
    (after, limit) =>
      db
        .selectFrom('safety_routes as s')
        .innerJoin('families as f', 'f.id', 's.family_id')
        .$if(after !== null, (qb) => qb.where('s.id', '>', after ?? ''))
        .select(['s.id', 's.region', 's.route', 's.opened_at', 'f.municipality'])
        .orderBy('s.id')
        .limit(limit)
        .execute(),
    (rows) => countSafetyRouteRows(counter, rows),
  );
}

function countSafetyRouteRows(
  counter: Counter,
  rows: ReadonlyArray<{ region: Region; route: string; opened_at: string; municipality: string | null }>,
): void {
  for (const r of rows) {
    const municipality = muni(r.municipality);
    counter.add({
      region: r.region,
      municipality,
      period: quarterOf(localDay(r.opened_at)),
      row_key: municipality,
      indicator: 'safety_routes',
      column_key: r.route,
    });
  }
}

/** Children and screenings, a chunk of families at a time in id order. */
async function countFamilies(db: Db, counter: Counter, chunkSize: number): Promise<void> {
  await forEachIdChunk(
    chunkSize,
    (after, limit) => familyIdsAfter(db, after, limit),
    async (_families, range) => {
      await countChildren(db, counter, range);
      await countScreenings(db, counter, range);
    },
  );
}

/**
 * Rebuilds every aggregate in one transaction: readers see the old set or the new one, never half. The records
 * are read outside it, `chunkSize` families (or referrals, or routes) at a time.
 */
export async function refreshDashboardCounts(
  db: Db,
  at: string,
  chunkSize: number = DASHBOARD_CHUNK,
): Promise<number> {
  const counter = new Counter();
  const today = localDay(at);
  await countFamilies(db, counter, chunkSize);
  await countReferrals(db, counter, today, chunkSize);
  await countSafetyRoutes(db, counter, chunkSize);
  const rows = counter.rows();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('dashboard_counts').execute();
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('dashboard_counts')
        .values(rows.slice(i, i + 500))
        .execute();
    await trx.deleteFrom('dashboard_refresh').where('id', '=', 'all').execute();
    await trx.insertInto('dashboard_refresh').values({ id: 'all', refreshed_at: at }).execute();
  });
  return rows.length;
}

export async function dashboardRefreshedAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('dashboard_refresh')
    .select('refreshed_at')
    .where('id', '=', 'all')
    .executeTakeFirst();
  return row?.refreshed_at ?? null;
}

/** The aggregate rows of one region and a range of fixed quarters, summed over municipalities for route rows. */
export async function readDashboardCounts(
  db: Db,
  region: Region,
  periods: readonly string[],
): Promise<Array<Pick<DashboardCountTable, 'period' | 'indicator' | 'row_key' | 'column_key' | 'count'>>> {
  if (periods.length === 0) return [];
  const rows = await db
    .selectFrom('dashboard_counts')
    .where('region', '=', region)
    .where('period', 'in', periods)
    .select(['period', 'indicator', 'row_key', 'column_key'])
    .select((eb) => eb.fn.sum<string | number>('count').as('count'))
    .groupBy(['period', 'indicator', 'row_key', 'column_key'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
