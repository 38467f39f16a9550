// The HTTP load generator, in its own process (forked by http-load.ts), so neither the server nor the bench
// process shares an event loop with it. Plain JavaScript: it needs no loader. Closed loop: each of
// `concurrency` clients sends its next request when the previous answer has been read in full, over
// keep-alive connections (one socket per client).
import http from 'node:http';

process.once('message', ({ urls, headers, concurrency, durationMs, warmupMs }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let requests = 0;
  let next = 0;
  let failure = null;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const get = (url) =>
    new Promise((resolve) => {
      const req = http.get(url, { agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200 && failure === null)
            failure = `HTTP ${res.statusCode} for ${url}: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`;
          resolve();
        });
        res.on('error', (err) => {
          failure ??= String(err.message);
          resolve();
        });
      });
      req.on('error', (err) => {
        failure ??= String(err.message);
        resolve();
      });
    });
  const client = async () => {
    while (failure === null) {
      const t0 = performance.now();
      if (t0 >= end) return;
      await get(urls[next++ % urls.length]);
      requests++;
      if (t0 >= measureFrom) latencies.push(performance.now() - t0);
    }
  };
  void Promise.all(Array.from({ length: concurrency }, client)).then(() => {
    const elapsed = (performance.now() - measureFrom) / 1000;
    agent.destroy();
    process.send({ latencies, elapsed, requests, failure }, () => process.exit(0));
  });
});
