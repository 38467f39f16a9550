import { randomBytes } from 'node:crypto';
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import { appendAudit, recordAudit } from '../audit/append.ts';
import { hashPassword } from '../auth/password.ts';
import type { Database } from '../db/schema.ts';
import { refreshDashboardCounts } from '../repositories/dashboard-counts.ts';
import { bulkWriter, insertChunked, type TableRows } from './bulk-insert.ts';
import { type CuratedCase, type FamilyRows, generateFamily } from './family.ts';
import { insertDemoNetworks, planDemoNetworks } from './network.ts';
import { type DemoParent, loadDemoParents } from './parent.ts';
import { loadDemoPerinatal } from './perinatal.ts';
import { loadDemoReferrals } from './referrals.ts';
import { DEMO_DOMAIN, type DemoAccount, planStaff, type StaffPlan } from './staff.ts';

export interface DemoOptions {
  families: number;
  /** Same seed (and day) → same families. */
  seed?: string;
  /** The day the data is made for (default: today); every date is relative to it. */
  today?: Date;
  /** Default: NESTWERK_DEMO_PASSWORD, else a generated one. */
  password?: string;
  /** Called after each batch is stored. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /**
   * Families per transaction, for the families and for their perinatal screenings (default 500); the data does
   * not depend on it.
   */
  batchSize?: number;
}

export interface DemoResult {
  accounts: DemoAccount[];
  /** The parent portal's demo accounts, Dutch then Flemish (same password, no second factor); one is missing without a fitting family. */
  parents: DemoParent[];
  password: string;
  passwordGenerated: boolean;
  families: number;
  seed: string;
}

export const DEFAULT_DEMO_SEED = 'nestwerk';
export const DEMO_PASSWORD_MIN_LENGTH = 12;

export class DemoError extends Error {}

/** Families per transaction: large enough that fsyncs do not dominate, small enough to show progress. */
const BATCH = 500;

export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', `verpleegkundige@${DEMO_DOMAIN}`)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Loads the demo organisations, accounts and `families` synthetic families. Bulk inserts in batches; the
 * load is one audit entry (who and how many), not one per row: no real person's data is touched.
 */
export async function loadDemo(db: Kysely<Database>, options: DemoOptions): Promise<DemoResult> {
  if (!Number.isInteger(options.families) || options.families < 0)
    throw new DemoError('families must be a whole number ≥ 0');
  const batchSize = options.batchSize ?? BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new DemoError('batchSize must be a whole number ≥ 1');
  if (await hasDemoData(db)) throw new DemoError('The demo data is already loaded');
  const { password, generated } = demoPassword(options.password);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const day = options.today ?? new Date();
  const today = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());

  // argon2 runs on libuv's thread pool: let it hash while this thread plans and generates the first batch.
  const hashing = hashPassword(password);
  const staff = planStaff(options.families, seed, today);
  const ctx = { seed, today, staff };
  const generate = (start: number): FamilyRows[] => {
    const batch: FamilyRows[] = [];
    for (let i = start; i < Math.min(options.families, start + batchSize); i++)
      batch.push(generateFamily(i, ctx));
    return batch;
  };
  let next = generate(0);
  const reportDone = (done: number) => options.onProgress?.({ done, total: options.families });
  const passwordHash = await hashing;
  await db.transaction().execute(async (trx) => {
    await insertStaff(trx, staff, passwordHash);
    // The Dutch and Flemish social maps, with the demo IMH team receiving via Nestwerk so referrals can be tried end to end.
    const createdAt = staff.organisations[0]?.created_at ?? new Date(today).toISOString();
    await insertDemoNetworks(trx, planDemoNetworks(staff, seed, createdAt));
  });

  const writer = bulkWriter(db);
  const curated: { familyId: string; case: CuratedCase }[] = [];
  // Up to writer.parallel batches in flight: the database stores them while this thread generates the next.
  const inFlight: Promise<number>[] = [];
  try {
    for (let start = 0; start < options.families; start += batchSize) {
      const batch = start === 0 ? next : generate(start);
      next = [];
      for (const f of batch) if (f.curated) curated.push({ familyId: String(f.family.id), case: f.curated });
      if (inFlight.length >= writer.parallel) reportDone(await inFlight.shift()!);
      const done = start + batch.length;
      inFlight.push(writer.write(batchTables(batch)).then(() => done));
    }
    while (inFlight.length > 0) reportDone(await inFlight.shift()!);
  } finally {
    // A failed batch must not leave the writer's settings behind; its error is the one that is thrown.
    await Promise.allSettled(inFlight);
    await writer.finish();
  }
  // A few referrals to the demo IMH team: its intake queue and the nurse's worklist show the workflow.
  await loadDemoReferrals(db, staff, seed, new Date(today + 10 * 3_600_000));
  const parents = await loadDemoParents(db, staff, seed, passwordHash, today);
  // Parents' perinatal screenings in both regions, with the two showcase families' stories.
  await loadDemoPerinatal(db, seed, today, curated, batchSize);
  await refreshPlannerStatistics(db);
  // The municipal dashboard reads aggregates only: build them now, so the first look is not empty.
  await refreshDashboardCounts(db, new Date().toISOString());

  await recordAudit(db, {
    action: 'demo.load',
    outcome: 'success',
    basis: 'admin',
    purpose: 'Synthetic demonstration data; no real persons',
    details: {
      families: options.families,
      seed,
      accounts: staff.users.length,
      parentAccounts: parents.map((p) => ({ familyId: p.familyId })),
    },
  });
  return {
    accounts: staff.accounts,
    parents,
    password,
    passwordGenerated: generated,
    families: options.families,
    seed,
  };
}

/** The organisations, teams and accounts, every account with the one password hash. */
export async function insertStaff(
  trx: Transaction<Database>,
  staff: StaffPlan,
  passwordHash: string,
): Promise<void> {
  await insertChunked(trx, 'organisations', staff.organisations);
  await insertChunked(trx, 'teams', staff.teams);
  await insertChunked(
    trx,
    'users',
    staff.users.map((u) => ({ ...u, password_hash: passwordHash })),
  );
}

/** A batch's rows, parents before children. */
function batchTables(batch: readonly FamilyRows[]): TableRows {
  return [
    ['families', batch.map((f) => f.family)],
    ['persons', batch.flatMap((f) => f.persons)],
    ['care_relationships', batch.flatMap((f) => f.careRelationships)],
    ['contacts', batch.flatMap((f) => f.contacts)],
    ['observations', batch.flatMap((f) => f.observations)],
    ['assessments', batch.flatMap((f) => f.assessments)],
    ['agreements', batch.flatMap((f) => f.agreements)],
    ['consents', batch.flatMap((f) => f.consents)],
    ['safety_routes', batch.flatMap((f) => f.safetyRoutes)],
    ['safety_route_steps', batch.flatMap((f) => f.safetyRouteSteps)],
  ];
}

/** Gives every demo account a new password (the generated one is shown only once, at load). */
export async function resetDemoPassword(
  db: Kysely<Database>,
  explicit?: string,
): Promise<DemoResult['password']> {
  const { password } = demoPassword(explicit);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: passwordHash,
        failed_logins: 0,
        locked_until: null,
        version: eb('version', '+', 1),
      }))
      .where('is_demo', '=', 1)
      .execute();
    await trx
      .updateTable('parent_accounts')
      .set({ password_hash: passwordHash })
      .where('is_demo', '=', 1)
      .execute();
    await appendAudit(trx, { action: 'demo.password_reset', outcome: 'success', basis: 'admin' });
  });
  return password;
}

function demoPassword(explicit: string | undefined): { password: string; generated: boolean } {
  const given = explicit ?? process.env.NESTWERK_DEMO_PASSWORD;
  if (given !== undefined && given !== '') {
    if ([...given].length < DEMO_PASSWORD_MIN_LENGTH)
      throw new DemoError(`NESTWERK_DEMO_PASSWORD must be at least ${DEMO_PASSWORD_MIN_LENGTH} characters`);
    return { password: given, generated: false };
  }
  // 24 characters from a 64-symbol alphabet: 144 random bits.
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

/**
 * PostgreSQL plans by its statistics, and a bulk load leaves them empty until autovacuum next looks (up to a
 * minute later, and again after every further 10 % of growth). Meanwhile the prepared family file joined its
 * contacts to a sequential scan of every assessment: measured on 2,000 families, 3.6 ms of the database's CPU
 * per family read before `analyze`, 0.7 ms after. So the loader leaves the database as autovacuum would, at
 * once. SQLite keeps no statistics unless asked (none in normal use), so there is nothing to refresh.
 */
async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze`.execute(db);
}
