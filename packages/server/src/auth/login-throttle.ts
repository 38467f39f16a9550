import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';

/**
 * Login throttling in the `rate_limits` table, so it holds across server processes on PostgreSQL. Counters are
 * keyed by the e-mail address as typed (lower-cased) — known or not, so lockout behaves the same for an address
 * that has no account and does not reveal which addresses exist — and by client address.
 */
const failKey = (email: string) => `login-fail:${email}`;
const lockKey = (email: string) => `login-lock:${email}`;
const ipKey = (ip: string) => `login-ip:${ip}`;
const startKey = (ip: string) => `login-start:${ip}`;

/**
 * Fixed-window counter in one atomic statement: a window older than `windowMs` starts over at 1. Both SQLite
 * (≥ 3.35) and PostgreSQL evaluate SET against the old row, so the two CASEs see the same window.
 */
async function bump(db: Kysely<Database>, key: string, now: Date, windowMs: number): Promise<number> {
  const start = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: start, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rate_limits.window_start', '<=', cutoff)
          .then(1)
          .else(eb('rate_limits.count', '+', 1))
          .end(),
        window_start: eb
          .case()
          .when('rate_limits.window_start', '<=', cutoff)
          .then(start)
          .else(eb.ref('rate_limits.window_start'))
          .end(),
      })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function read(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('rate_limits')
    .select(['window_start', 'count'])
    .where('key', '=', key)
    .executeTakeFirst();
}

function minutes(n: number): number {
  return n * 60_000;
}

/** Too many failed attempts from one address: refuse before spending any argon2 time. */
export async function assertIpAllowed(
  db: Kysely<Database>,
  config: Config,
  ip: string,
  now: Date,
): Promise<void> {
  const row = await read(db, ipKey(ip));
  if (!row) return;
  const windowEnd = Date.parse(row.window_start) + minutes(config.login.windowMinutes);
  if (windowEnd > now.getTime() && Number(row.count) >= config.login.maxAttemptsPerIp)
    throw new HttpError(
      'rate_limited',
      'Too many failed log-in attempts from this address; try again later.',
      undefined,
      {
        retryAfter: new Date(windowEnd).toISOString(),
      },
    );
}

/**
 * A log-in that starts before anyone is known (a passkey challenge, a redirect to the citizen provider) costs a
 * stored row each time and fails nowhere we could count: these starts are counted per address, and past
 * `maxStartsPerIp` in a window the address gets 429 until the window ends. The rows expire either way; this
 * keeps one address from filling the table in the meantime.
 */
export async function countLoginStart(
  db: Kysely<Database>,
  config: Config,
  ip: string,
  now: Date,
): Promise<void> {
  const window = minutes(config.login.windowMinutes);
  const count = await bump(db, startKey(ip), now, window);
  if (count <= config.login.maxStartsPerIp) return;
  const row = await read(db, startKey(ip));
  const windowEnd = (row ? Date.parse(row.window_start) : now.getTime()) + window;
  throw new HttpError(
    'rate_limited',
    'Too many log-ins started from this address; try again later.',
    undefined,
    { retryAfter: new Date(windowEnd).toISOString() },
  );
}

/** The time until which the account is locked, or null. */
export async function lockedUntil(
  db: Kysely<Database>,
  config: Config,
  email: string,
  now: Date,
): Promise<Date | null> {
  const row = await read(db, lockKey(email));
  if (!row) return null;
  const until = Date.parse(row.window_start) + minutes(config.login.lockMinutes);
  return until > now.getTime() ? new Date(until) : null;
}

export function lockedError(until: Date): HttpError {
  const time = `${until.toISOString().slice(11, 16)} UTC`;
  return new HttpError(
    'locked',
    `Too many failed attempts: this account is locked until ${time}. Try again then, or ask your application manager.`,
    undefined,
    { lockedUntil: until.toISOString() },
  );
}

/**
 * Counts a failed attempt against the address and the account; returns the lock's end when this failure
 * crossed the account's limit (the counter restarts, so after the lock the user has a full set of attempts).
 */
export async function recordFailure(
  db: Kysely<Database>,
  config: Config,
  input: { email: string; ip: string; now: Date },
): Promise<Date | null> {
  const window = minutes(config.login.windowMinutes);
  await bump(db, ipKey(input.ip), input.now, window);
  const failures = await bump(db, failKey(input.email), input.now, window);
  if (failures < config.login.maxFailuresPerAccount) return null;
  const start = input.now.toISOString();
  await db
    .insertInto('rate_limits')
    .values({ key: lockKey(input.email), window_start: start, count: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: start, count: 1 }))
    .execute();
  await db.deleteFrom('rate_limits').where('key', '=', failKey(input.email)).execute();
  return new Date(input.now.getTime() + minutes(config.login.lockMinutes));
}

export async function clearAccountFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where('key', 'in', [failKey(email), lockKey(email)])
    .execute();
}
