import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium: installed by the system package manager, never downloaded by Playwright. */
export const CHROMIUM_PATH = process.env.NESTWERK_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NO_CHROMIUM_MESSAGE = [
  `The browser tests need Chromium at ${CHROMIUM_PATH} and it is not there.`,
  'Install it with:  sudo apt-get install -y chromium',
  '(or point NESTWERK_CHROMIUM at a Chromium binary). Browser tests are never skipped.',
].join('\n');

/**
 * Makes sure Chromium is there: installs Debian's package when running as root, otherwise throws a message
 * that says what to do. Never skips.
 */
export function ensureChromium(log: (line: string) => void = () => {}): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && !process.env.NESTWERK_CHROMIUM) {
    log('Chromium is missing: installing Debian’s chromium package (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env,
    });
    if (result.status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
      result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
        stdio: 'inherit',
        env,
      });
    }
    if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  }
  throw new Error(NO_CHROMIUM_MESSAGE);
}
