import { gridFromPublished, type PublishedTable } from './table.ts';

/**
 * A suppressed count that an attacker can recompute exactly. `row === rows.length` is the column-totals
 * line, `column === columns.length` the row-totals line (so both equal to the lengths is the grand total).
 */
export interface RecoverableCell {
  row: number;
  column: number;
  value: number;
}

/**
 * Every suppressed count of `table` that follows exactly from the published counts and the table's
 * equations (each row of cells sums to its row total, each column to its column total, the row totals and
 * the column totals each sum to the grand total). Plain exact linear algebra, independent of the graph
 * argument the suppression uses: the equations are reduced over the rationals (integer rows kept free of
 * common factors, in bigint) to reduced row echelon form; an unknown is determined iff its unit vector is
 * in the row space, that is iff it is a pivot whose row has no other non-zero entry.
 * Non-negativity is not used: this checks exact recomputation, not the bounds an attacker can derive.
 */
export function recoverableCells(table: PublishedTable): RecoverableCell[] {
  const grid = gridFromPublished(table);
  const height = grid.length;
  const width = grid[0]!.length;
  const unknownIndex = new Map<number, number>();
  const positions: [number, number][] = [];
  for (let i = 0; i < grid.length; i++) {
    for (let j = 0; j < width; j++) {
      if (grid[i]![j]!.count !== null) continue;
      unknownIndex.set(i * width + j, positions.length);
      positions.push([i, j]);
    }
  }
  const n = positions.length;
  if (n === 0) return [];

  // Each line equation: the first entries minus the last (the total) equals zero. Known counts move to
  // the right-hand side, stored at index n.
  const equations: bigint[][] = [];
  const addLine = (entries: [number, number][]): void => {
    const eq = new Array<bigint>(n + 1).fill(0n);
    entries.forEach(([i, j], k) => {
      const sign = k === entries.length - 1 ? -1n : 1n;
      const count = grid[i]![j]!.count;
      const unknown = unknownIndex.get(i * width + j);
      if (unknown !== undefined) eq[unknown]! += sign;
      else eq[n]! -= sign * BigInt(count!);
    });
    equations.push(eq);
  };
  for (let i = 0; i < height; i++) addLine(Array.from({ length: width }, (_, j): [number, number] => [i, j]));
  for (let j = 0; j < width; j++) addLine(Array.from({ length: height }, (_, i): [number, number] => [i, j]));

  const pivotRowOf = reduce(equations, n);
  const found: RecoverableCell[] = [];
  for (const [unknown, r] of pivotRowOf) {
    const eq = equations[r]!;
    if (eq.some((value, k) => k < n && k !== unknown && value !== 0n)) continue;
    const [row, column] = positions[unknown]!;
    const sign = eq[unknown]! < 0n ? -1n : 1n;
    found.push({ row, column, value: Number(sign * eq[n]!) / Number(sign * eq[unknown]!) });
  }
  return found.sort((a, b) => a.row - b.row || a.column - b.column);
}

/** Brings `rows` to reduced row echelon form in place; returns pivot column → row. */
function reduce(rows: bigint[][], n: number): Map<number, number> {
  const pivotRowOf = new Map<number, number>();
  let next = 0;
  for (let column = 0; column < n && next < rows.length; column++) {
    const found = rows.findIndex((row, r) => r >= next && row[column] !== 0n);
    if (found === -1) continue;
    [rows[next], rows[found]] = [rows[found]!, rows[next]!];
    const pivot = rows[next]!;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      if (r === next || row[column] === 0n) continue;
      const factor = row[column]!;
      const scale = pivot[column]!;
      for (let k = 0; k <= n; k++) row[k] = row[k]! * scale - factor * pivot[k]!;
      normalise(row);
    }
    pivotRowOf.set(column, next);
    next++;
  }
  return pivotRowOf;
}

function normalise(row: bigint[]): void {
  let g = 0n;
  for (const value of row) g = gcd(g, value < 0n ? -value : value);
  if (g > 1n) for (let k = 0; k < row.length; k++) row[k] = row[k]! / g;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
