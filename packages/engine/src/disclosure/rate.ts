import { DEFAULT_MIN_COUNT } from './suppress.ts';

/**
 * A proportion (0..1) fit to publish, or `null` when it must not be published:
 * - the denominator is below `minDenominator` (or not a positive integer);
 * - the numerator, or the part of the denominator outside it, is a small count (1..minCount-1). With the
 *   denominator shown beside the rate, a rate of 3/40 gives away the suppressed count 3, and 37/40 the
 *   3 persons it leaves out.
 */
export function publishRate(
  numerator: number,
  denominator: number,
  minDenominator: number,
  minCount: number = DEFAULT_MIN_COUNT,
): number | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) return null;
  if (numerator < 0 || numerator > denominator || denominator <= 0) return null;
  if (denominator < minDenominator) return null;
  const isSmall = (n: number): boolean => n >= 1 && n < minCount;
  if (isSmall(numerator) || isSmall(denominator - numerator)) return null;
  return numerator / denominator;
}
