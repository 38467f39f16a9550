/** One benchmark result line (DESIGN §4.3). */
export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'us' | 'ops_per_s' | 'ratio' | 'bytes';
  [extra: string]: unknown;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
