import { loadDemo, seedIntakeQueue } from '@nestwerk/server';
import { openBenchDatabase } from '@nestwerk/server/bench';
import { jitWarmupMs, runLoad } from './http-load.ts';
import { startServerChild } from './server-child.ts';
import { type BenchResult, percentile, round } from './stats.ts';

/**
 * The IMH team's intake queue: 10 000 referrals sent to the demo IMH team, paged through by a few
 * team members at once over real HTTP, logged in as imh@demo.nestwerk.test — session, policy, sharing
 * check and audit row included, as in use. Target: p95 < 20 ms.
 */

const REFERRALS = 10_000;
const CONCURRENCY = 4;
const PAGE = 50;
const IMH = 'imh@demo.nestwerk.test';
const PASSWORD = 'bench-demo-password-2026';

async function logIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: IMH, password: PASSWORD }),
  });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`log-in as the demo IMH specialist: HTTP ${response.status} ${body.slice(0, 200)}`);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('log-in answered without a session cookie');
  return cookie;
}

async function firstIds(url: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${url}/api/intake?status=all&limit=${PAGE}`, { headers: { cookie } });
  const body = (await response.json()) as { items?: Array<{ id: string }>; total?: number };
  if (response.status !== 200 || (body.total ?? 0) < REFERRALS)
    throw new Error(
      `intake queue: HTTP ${response.status}, ${body.total} referrals instead of at least ${REFERRALS}`,
    );
  return (body.items ?? []).map((i) => i.id);
}

export async function benchReferralInbox(opts: {
  quick: boolean;
  dialect?: 'sqlite' | 'postgres';
}): Promise<BenchResult[]> {
  const dialect = opts.dialect ?? 'sqlite';
  const families = opts.quick ? 300 : 2_000;
  const durationMs = opts.quick ? 2_000 : 8_000;
  const warmupMs = opts.quick ? 300 : 1_000;
  const database = await openBenchDatabase(dialect);
  try {
    process.stderr.write(
      `bench: referrals [${dialect}] ${families} demo families, ${REFERRALS} referrals…\n`,
    );
    await loadDemo(database.handle.db, { families, password: PASSWORD });
    await seedIntakeQueue(database.handle.db, { count: REFERRALS });
    // The server in a process of its own, the clients in another (http-load.ts).
    const app = await startServerChild(database.handle.url, 'app');
    try {
      const url = app.url;
      const cookie = await logIn(url);
      const ids = await firstIds(url, cookie);
      // Mostly the first pages of the open queue, now and then deeper pages and everything.
      const pages = REFERRALS / PAGE;
      const inboxUrls = [0, 1, 2, 0, 5, Math.floor(pages / 2), pages - 1, 0].flatMap((p, i) => [
        `${url}/api/intake?limit=${PAGE}&offset=${p * PAGE}`,
        ...(i % 2 === 0 ? [`${url}/api/intake?status=all&limit=${PAGE}&offset=${p * PAGE}`] : []),
      ]);
      const load = (urls: string[], ms: number, warmup = warmupMs) =>
        runLoad({ urls, headers: { cookie }, concurrency: CONCURRENCY, durationMs: ms, warmupMs: warmup });
      // A fresh process has a cold JIT (http-load.ts): warm it on the same requests first.
      await load(inboxUrls, jitWarmupMs(opts.quick), 0);
      const inbox = await load(inboxUrls, durationMs);
      const detail = await load(
        ids.map((id) => `${url}/api/intake/${id}`),
        durationMs / 2,
      );
      const extra = { dialect, referrals: REFERRALS, page: PAGE, concurrency: CONCURRENCY };
      return [
        {
          name: 'api.referral_inbox.p95_ms',
          value: round(percentile(inbox.latencies, 95)),
          unit: 'ms',
          ...extra,
        },
        {
          name: 'api.referral_inbox.ops_per_s',
          value: round(inbox.opsPerSecond, 1),
          unit: 'ops_per_s',
          ...extra,
        },
        {
          name: 'api.referral_detail.p95_ms',
          value: round(percentile(detail.latencies, 95)),
          unit: 'ms',
          ...extra,
        },
      ];
    } finally {
      await app.stop();
    }
  } finally {
    await database.dispose();
  }
}
