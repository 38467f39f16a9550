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
  return recoverableInLinkedTables([table], { shareRowTotals: false }).map(({ row, column, value }) => ({
    row,
    column,
    value,
  }));
}

/** A hidden count of one of several linked tables that an attacker can recompute (or read in another). */
export interface LinkedRecoverableCell extends RecoverableCell {
  table: number;
}

export interface LinkOptions {
  /**
   * When true, tables count the same population per row: the row totals of rows with the same label are
   * one number in all tables, and so are the grand totals. Default true.
   */
  shareRowTotals?: boolean;
}

/**
 * Like `recoverableCells`, over several published tables at once. Tables that break the same population
 * down in different ways (by age band in one, by outcome in another) share their row totals and grand
 * total: what one table publishes is known while solving another. A hidden count is reported when it is
 * published in another table or follows from all the tables' equations together.
 */
export function recoverableInLinkedTables(
  tables: readonly PublishedTable[],
  options: LinkOptions = {},
): LinkedRecoverableCell[] {
  const share = options.shareRowTotals ?? true;
  const grids = tables.map(gridFromPublished);
  // One variable per distinct number: a shared total is one variable however many tables show it.
  const variableOf = (t: number, i: number, j: number): string => {
    const table = tables[t]!;
    const isTotalColumn = j === table.columns.length;
    if (share && isTotalColumn && i === table.rows.length) return 'grand';
    if (share && isTotalColumn) return `row:${table.rows[i]}`;
    return `${t}:${i}:${j}`;
  };
  const known = new Map<string, number>();
  grids.forEach((grid, t) => {
    grid.forEach((line, i) => {
      line.forEach((cell, j) => {
        if (cell.count !== null) known.set(variableOf(t, i, j), cell.count);
      });
    });
  });
  const unknownIndex = new Map<string, number>();
  grids.forEach((grid, t) => {
    grid.forEach((line, i) => {
      line.forEach((_, j) => {
        const key = variableOf(t, i, j);
        if (!known.has(key) && !unknownIndex.has(key)) unknownIndex.set(key, unknownIndex.size);
      });
    });
  });
  const n = unknownIndex.size;

  // Each line equation: the first entries minus the last (the total) equals zero. Known counts move to
  // the right-hand side, stored at index n.
  const equations: bigint[][] = [];
  grids.forEach((grid, t) => {
    const height = grid.length;
    const width = grid[0]!.length;
    const addLine = (entries: [number, number][]): void => {
      const eq = new Array<bigint>(n + 1).fill(0n);
      entries.forEach(([i, j], k) => {
        const sign = k === entries.length - 1 ? -1n : 1n;
        const key = variableOf(t, i, j);
        const unknown = unknownIndex.get(key);
        if (unknown !== undefined) eq[unknown]! += sign;
        else eq[n]! -= sign * BigInt(known.get(key)!);
      });
      equations.push(eq);
    };
    for (let i = 0; i < height; i++)
      addLine(Array.from({ length: width }, (_, j): [number, number] => [i, j]));
    for (let j = 0; j < width; j++)
      addLine(Array.from({ length: height }, (_, i): [number, number] => [i, j]));
  });

  const determined = new Map<number, number>();
  for (const [unknown, r] of reduce(equations, n)) {
    const eq = equations[r]!;
    if (eq.some((value, k) => k < n && k !== unknown && value !== 0n)) continue;
    const sign = eq[unknown]! < 0n ? -1n : 1n;
    determined.set(unknown, Number(sign * eq[n]!) / Number(sign * eq[unknown]!));
  }
  const found: LinkedRecoverableCell[] = [];
  grids.forEach((grid, t) => {
    grid.forEach((line, i) => {
      line.forEach((cell, j) => {
        if (cell.count !== null) return;
        const key = variableOf(t, i, j);
        const value = known.get(key) ?? determined.get(unknownIndex.get(key)!);
        if (value !== undefined) found.push({ table: t, row: i, column: j, value });
      });
    });
  });
  return found;
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
