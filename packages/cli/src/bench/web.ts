import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { percentile, round } from './stats.ts';
import { dist, ensureBuild, gzipBytes, INITIAL_JS_BUDGET_BYTES, initialChunks } from './web-size.ts';

export { initialChunks };

/**
 * The web app's two budgets : what the first screens cost to load, and how fast the advice panel
 * follows a tick. Measured on the production build in Debian's Chromium; the API is answered by fixtures, so
 * only the browser's work is timed.
 */
export interface WebBenchResult {
  name: string;
  value: number;
  unit: string;
  [extra: string]: unknown;
}

const CHROMIUM = process.env.NESTWERK_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves dist with the SPA fallback, like the real server does. */
function serveDist(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory())
      file = join(dist, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

const SESSION = {
  csrfToken: 'bench',
  user: {
    id: 'u-bench',
    email: 'bench@example.test',
    displayName: 'Bench',
    role: 'nurse',
    organisation: { id: 'o-bench', name: 'Bench', region: 'nl', phone: null },
    team: null,
    mustChangePassword: false,
  },
};

function benchFamily() {
  const birth = new Date(Date.now() - 14 * 30.5 * 86_400_000).toISOString().slice(0, 10);
  return {
    id: 'f-bench',
    name: 'Bench',
    postcode: null,
    municipality: null,
    version: 1,
    children: [
      {
        id: 'c-bench',
        kind: 'child',
        givenName: 'Noor',
        familyName: 'Bench',
        birthDate: birth,
        dueDate: null,
        firstChild: true,
        version: 1,
      },
    ],
    caregivers: [
      {
        id: 'p-bench',
        kind: 'caregiver',
        givenName: 'Eva',
        familyName: 'Bench',
        role: 'mother',
        birthYear: 2005,
        lowEducation: true,
        version: 1,
      },
    ],
    contacts: [],
    assessments: [],
    agreements: [],
    consents: [],
    instrumentResults: [],
    careTeam: [],
  };
}

const TICK_SCRIPT = `async function (n) {
  const panel = document.querySelector('[data-testid="advice-panel"]');
  const cues = [...document.querySelectorAll('#cues input[type="checkbox"]')];
  // Every factor level opened, as a nurse going through them would; a factor is recorded with its 'present' pill.
  for (const d of document.querySelectorAll('#factors details')) d.open = true;
  const present = [...document.querySelectorAll('#factors input[type="radio"][value="present"]')];
  const absent = [...document.querySelectorAll('#factors input[type="radio"][value="absent"]')];
  const factors = present;
  if (!panel || cues.length < 12 || factors.length < 12)
    throw new Error('contact screen not found, or fewer than 12 cues and 12 factors to tick');
  // After the frame's rAF callbacks come style, layout and paint; a task queued from rAF runs after that paint.
  const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const settle = () => new Promise((r) => setTimeout(r, 20));
  // A realistic form: ten cues and ten factors ticked before anything is timed.
  for (const box of [...cues.slice(0, 10), ...factors.slice(0, 10)]) {
    box.click();
    await nextPaint();
  }
  await settle();
  // The ticks timed: the two cues after the first ten, on and off in turn, and two more factors switched
  // between present and absent.
  const timed = [cues[10], present[10], cues[11], present[11], cues[10], absent[10], cues[11], absent[11]];
  const times = [];
  for (let i = 0; i < n; i++) {
    const box = timed[i % timed.length];
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    let start = 0;
    // From the input event's timestamp (when the browser received the input), as INP counts it.
    box.addEventListener('click', (e) => { start = e.timeStamp; }, { once: true, capture: true });
    box.click();
    await changed;
    await nextPaint();
    times.push(performance.now() - start);
    // Let the page settle (draft autosave, idle work) so ticks do not queue behind each other.
    await settle();
  }
  return times;
}`;

/**
 * With ten cues and ten factors already ticked, ticks further cues and factors one after another inside the
 * page and times each: from the input event's timestamp to the first task after the paint that follows the
 * advice panel's change (requestAnimationFrame, then setTimeout 0 — after style, layout and paint).
 */
async function measureAdvice(url: string, iterations: number): Promise<number[]> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `web.advice_update_ms needs Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium"`,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route('**/api/**', async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/api/session') return route.fulfill({ json: SESSION });
      if (path === '/api/families/f-bench') return route.fulfill({ json: benchFamily() });
      return route.fulfill({ status: 404, json: { error: 'not_found', message: 'bench' } });
    });
    await page.goto('/families/f-bench/contacts/new?child=c-bench');
    await page.getByTestId('advice-panel').waitFor();
    // A string, not a function: the bundler that runs this file would otherwise add helpers the page lacks.
    return (await page.evaluate(`(${TICK_SCRIPT})(${iterations})`)) as number[];
  } finally {
    await browser.close();
  }
}

export async function benchWeb(opts: {
  quick: boolean;
}): Promise<Array<{ name: string; value: number; unit: string }>> {
  const manifest = ensureBuild();
  const files = initialChunks(manifest);
  const results: WebBenchResult[] = [
    {
      name: 'web.initial_js_gzip_bytes',
      value: gzipBytes(files),
      unit: 'bytes',
      budget: INITIAL_JS_BUDGET_BYTES,
      chunks: files.length,
    },
  ];
  const { server, url } = await serveDist();
  try {
    const iterations = opts.quick ? 46 : 230;
    const times = (await measureAdvice(url, iterations)).slice(4); // the first ticks warm up the JIT
    const sorted = [...times].sort((a, b) => a - b);
    results.push({
      name: 'web.advice_update_ms',
      value: round(percentile(sorted, 95), 2),
      unit: 'ms',
      p50: round(percentile(sorted, 50), 2),
      max: round(sorted.at(-1) ?? Number.NaN, 2),
      samples: sorted.length,
      target_p95: 50,
    });
  } finally {
    server.close();
  }
  return results;
}
