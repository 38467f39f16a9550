import { describe, expect, it } from 'vitest';
import { publishRate } from './rate.ts';

describe('publishRate', () => {
  it('publishes a share over a large enough denominator', () => {
    expect(publishRate(30, 40, 20)).toBe(0.75);
    expect(publishRate(0, 40, 20)).toBe(0);
    expect(publishRate(40, 40, 20)).toBe(1);
    expect(publishRate(10, 20, 20)).toBe(0.5);
  });

  it('withholds a share over a denominator below the minimum', () => {
    expect(publishRate(10, 19, 20)).toBeNull();
    expect(publishRate(0, 0, 0)).toBeNull();
  });

  it('withholds a share that, with its denominator, gives a small count back', () => {
    expect(publishRate(3, 40, 20)).toBeNull();
    expect(publishRate(37, 40, 20)).toBeNull();
    expect(publishRate(3, 40, 20, 3)).toBeCloseTo(0.075);
    expect(publishRate(2, 40, 20, 3)).toBeNull();
  });

  it('withholds nonsense rather than publishing it', () => {
    expect(publishRate(41, 40, 20)).toBeNull();
    expect(publishRate(-1, 40, 20)).toBeNull();
    expect(publishRate(1.5, 40, 20)).toBeNull();
    expect(publishRate(Number.NaN, 40, 20)).toBeNull();
  });
});
