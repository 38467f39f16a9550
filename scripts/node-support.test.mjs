import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINES, LINES, nodeSupport } from './node-support.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const NOV_2026 = new Date('2026-11-30T12:00:00Z');

describe('supported Node.js versions', () => {
  it('package.json engines states exactly the supported lines', () => {
    expect(pkg.engines.node).toBe(ENGINES);
    expect(ENGINES).toBe('^20.19.0 || ^22.13.0 || ^24.0.0');
  });

  it('the CI tests each maintained line on an exact release of that line', () => {
    for (const line of LINES.filter((l) => l.major !== 20))
      expect(line.tested).toMatch(new RegExp(`^${line.major}\\.\\d+\\.\\d+$`));
  });

  it('Node 24 and a recent 22 are fine', () => {
    expect(nodeSupport('v24.0.0', NOV_2026).level).toBe('ok');
    expect(nodeSupport('v24.22.3', NOV_2026).level).toBe('ok');
    expect(nodeSupport('v22.13.0', NOV_2026).level).toBe('ok');
  });

  it('Node 20 runs, with a warning after its end of life that names the version to install', () => {
    expect(nodeSupport('v20.19.0', new Date('2026-01-15')).level).toBe('ok');
    const after = nodeSupport('v20.20.2', NOV_2026);
    expect(after.level).toBe('warn');
    expect(after.message).toContain('end of life on 2026-04-30');
    expect(after.message).toContain('Install Node.js 24 LTS (tested with 24.22.3');
  });

  it('an early 22 release is told to update', () => {
    const early = nodeSupport('v22.11.0', NOV_2026);
    expect(early.level).toBe('warn');
    expect(early.message).toContain('older than 22.13');
    expect(early.message).toContain('update to the newest 22 release or install Node.js 24 LTS');
  });

  it('older than 20.19 cannot run Nestwerk and says what to install', () => {
    for (const version of ['v18.20.4', 'v20.18.1', 'v16.0.0']) {
      const result = nodeSupport(version, NOV_2026);
      expect(result.level).toBe('fail');
      expect(result.message).toContain(version);
      expect(result.message).toContain('Install Node.js 24 LTS (tested with 24.22.3');
    }
  });

  it('an odd or newer, untested line gets a warning, not a refusal', () => {
    for (const version of ['v21.7.3', 'v23.11.0', 'v26.12.1']) {
      const result = nodeSupport(version, NOV_2026);
      expect(result.level).toBe('warn');
      expect(result.message).toContain('not a version Nestwerk is tested on (24, 22.13+ or 20.19+)');
    }
  });
});
