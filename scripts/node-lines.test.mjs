import { describe, expect, it } from 'vitest';
import { CI_LINES, lineEnv, selectedLines } from './node-lines.mjs';

describe('the extra Node lines of the test run', () => {
  it('CI runs the unit and integration suites on 24 and the engine, knowledge and CLI suites on 22', () => {
    expect(CI_LINES.map((l) => [l.version.split('.')[0], l.args])).toEqual([
      ['24', []],
      ['22', ['packages/engine', 'packages/knowledge', 'packages/cli']],
    ]);
  });

  it('NESTWERK_TEST_NODE_LINES selects none, all or the named majors, and refuses an unknown one', () => {
    expect(selectedLines('')).toEqual([]);
    expect(selectedLines('0')).toEqual([]);
    expect(selectedLines('all')).toEqual(CI_LINES);
    expect(selectedLines('22').map((l) => l.version)).toEqual([CI_LINES[1].version]);
    expect(selectedLines('24, 22')).toEqual(CI_LINES);
    expect(() => selectedLines('20')).toThrow(/no CI line 20/);
  });

  it("a line's environment puts its node first and drops the main npm run's settings", () => {
    const before = process.env.npm_config_prefix;
    process.env.npm_config_prefix = '/somewhere/else';
    try {
      const env = lineEnv('/cache/24.22.3');
      expect(env.PATH?.split(':')[0]).toBe('/cache/24.22.3/bin');
      expect(env.npm_config_nodedir).toBe('/cache/24.22.3');
      expect(env.npm_config_prefix).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.npm_config_prefix;
      else process.env.npm_config_prefix = before;
    }
  });
});
