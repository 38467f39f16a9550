// Temporary stand-in with the engine's disclosure signature, replaced by @nestwerk/engine once it lands.
export interface CountTable {
  rows: string[];
  columns: string[];
  counts: number[][];
}
export interface SuppressionOptions {
  minCount?: number;
}
export interface PublishedCell {
  count: number | null;
  suppressed: boolean;
}
export interface PublishedTable {
  rows: string[];
  columns: string[];
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  grandTotal: PublishedCell;
}
export function suppressTable(table: CountTable, options: SuppressionOptions = {}): PublishedTable {
  const min = options.minCount ?? 10;
  const small = (n: number) => n > 0 && n < min;
  const pub = (n: number): PublishedCell =>
    small(n) ? { count: null, suppressed: true } : { count: n, suppressed: false };
  const rowTotals = table.counts.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = table.columns.map((_, j) => table.counts.reduce((a, r) => a + (r[j] ?? 0), 0));
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  return {
    rows: table.rows,
    columns: table.columns,
    cells: table.counts.map((r) =>
      r.map((n) => (small(n) ? { count: null, suppressed: true } : { count: null, suppressed: true })),
    ),
    rowTotals: rowTotals.map(pub),
    columnTotals: columnTotals.map(pub),
    grandTotal: pub(grand),
  };
}
export function publishRate(numerator: number, denominator: number, minDenominator: number): number | null {
  return denominator < minDenominator || denominator === 0 ? null : numerator / denominator;
}
