import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp, loadConfig, openDatabase } from '@nestwerk/server';
import { startBareFamilyServer } from '@nestwerk/server/bench';

/**
 * The server under test, in its own process (forked by server-child.ts): the bench process and the load
 * generator never share its event loop. Talks to its parent only over the IPC channel — its CPU time is
 * reported there, never over an HTTP route. argv: <database url> <app|bare>.
 */
type Request = { type: 'cpu' } | { type: 'stop' } | { type: 'profile'; file: string | null };

/**
 * A CPU profile of just the measured window (not start-up, not the other suites): started and stopped by the
 * bench over IPC, written as a .cpuprofile that profile-summary.ts (or Chrome DevTools) reads.
 */
let profiler: Session | null = null;
async function profile(file: string | null): Promise<void> {
  if (file === null) {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return;
  }
  if (!profiler) return;
  const { profile: taken } = await profiler.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(taken));
  profiler.disconnect();
  profiler = null;
}

async function main(): Promise<void> {
  const [url, kind] = process.argv.slice(2);
  if (!url || (kind !== 'app' && kind !== 'bare')) throw new Error('usage: server-process <url> <app|bare>');
  const handle = await openDatabase(url);
  let close: () => Promise<void>;
  let listening: string;
  if (kind === 'app') {
    const config = { ...loadConfig({}), webDist: null };
    const app = await buildApp({ db: handle.db, dialect: handle.dialect, config });
    listening = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
  } else {
    const bare = await startBareFamilyServer(handle.db);
    listening = bare.url;
    close = bare.close;
  }
  process.on('message', (message: Request) => {
    if (message.type === 'cpu') process.send?.({ type: 'cpu', usage: process.cpuUsage() });
    else if (message.type === 'profile')
      void profile(message.file).then(() => process.send?.({ type: 'profile' }));
    else if (message.type === 'stop')
      void close()
        .then(() => handle.close())
        // A normal exit, so that --cpu-prof writes its profile.
        .finally(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: listening });
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench server failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
