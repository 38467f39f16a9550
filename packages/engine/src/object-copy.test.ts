import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withKeys } from './object-copy.ts';

// Object.assign would call the __proto__ setter where spread defines a key; the engine's keys are codes.
const record = fc.dictionary(
  fc.string().filter((k) => k !== '__proto__'),
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string())),
);

describe('withKeys', () => {
  it('property: gives what { ...base, ...extra } gives, keys in the same order', () => {
    fc.assert(
      fc.property(record, record, (base, extra) => {
        const got = withKeys(base, extra);
        const spread = { ...base, ...extra };
        expect(got).toStrictEqual(spread);
        expect(Object.keys(got)).toEqual(Object.keys(spread));
      }),
      { numRuns: 400 },
    );
  });

  it('copies: neither argument changes, and the result is a new object', () => {
    const base = { a: 1 };
    const extra = { b: 2 };
    const got = withKeys(base, extra);
    expect(got).not.toBe(base);
    expect(base).toEqual({ a: 1 });
    expect(extra).toEqual({ b: 2 });
  });
});
