import { describe, expect, it } from 'vitest';
import { scaleFamilies } from './scale.ts';

describe('scale bench size', () => {
  it('loads a million families unless NESTWERK_SCALE_FAMILIES asks for fewer', () => {
    expect(scaleFamilies({})).toBe(1_000_000);
    expect(scaleFamilies({ NESTWERK_SCALE_FAMILIES: '' })).toBe(1_000_000);
    expect(scaleFamilies({ NESTWERK_SCALE_FAMILIES: '100000' })).toBe(100_000);
  });

  it('refuses a count that is not a whole number of at least one, naming the variable', () => {
    for (const raw of ['0', '-5', '1e5', 'lots', '2.5'])
      expect(() => scaleFamilies({ NESTWERK_SCALE_FAMILIES: raw })).toThrow(/NESTWERK_SCALE_FAMILIES/);
  });
});
