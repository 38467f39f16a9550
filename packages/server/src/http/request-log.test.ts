import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { forEachDatabase } from '../testing/databases.ts';
import { testConfig } from './test-server.ts';

interface Line {
  level: number;
  msg: string;
  method?: string;
  url?: string;
  statusCode?: number;
  remoteAddress?: string;
  responseTime?: number;
}

forEachDatabase('request log', (current) => {
  const lines: string[] = [];
  let url = '';
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const app = await buildApp({
      db: current().db,
      dialect: current().dialect,
      config: testConfig(),
      logger: true,
      logStream: { write: (line) => void lines.push(line) },
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
  });
  afterAll(() => close());

  it('writes one line per answered request: method, path without its query, status and time, nothing else', async () => {
    const secretQuery = 'q=Jansen%2012-03-2025';
    const requests = [
      fetch(`${url}/api/health?probe=1`),
      fetch(`${url}/api/worklist?${secretQuery}`, { headers: { cookie: 'nestwerk_session=stolen-token' } }),
      fetch(`${url}/api/nothing-here`),
    ];
    const statuses = await Promise.all(requests.map(async (r) => (await r).status));
    expect(statuses).toEqual([200, 401, 404]);
    const completed = lines
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => l.msg === 'request completed')
      .map((l) => ({
        method: l.method,
        url: l.url,
        status: l.statusCode,
        from: l.remoteAddress,
        time: typeof l.responseTime,
      }))
      .sort((a, b) => String(a.url).localeCompare(String(b.url)));
    expect(completed).toEqual([
      { method: 'GET', url: '/api/health', status: 200, from: '127.0.0.1', time: 'number' },
      { method: 'GET', url: '/api/nothing-here', status: 404, from: '127.0.0.1', time: 'number' },
      { method: 'GET', url: '/api/worklist', status: 401, from: '127.0.0.1', time: 'number' },
    ]);
    // No arrival lines any more, and no query, cookie or token in any line.
    expect(lines.some((l) => l.includes('incoming request'))).toBe(false);
    const all = lines.join('\n');
    for (const secret of ['Jansen', 'probe', 'stolen-token', 'nestwerk_session'])
      expect(all).not.toContain(secret);
  });
});
