/**
 * The shapes of a count table before and after disclosure control, and the "extended grid" both the
 * suppression and the linear check work on: the table with its row totals as an extra column, its column
 * totals as an extra row and the grand total in the corner. In that grid every line (row or column) sums
 * to its last entry, so totals are cells like any other and are protected by the same rule.
 */

/** Counts of persons; `counts[r][c]` belongs to `rows[r]` and `columns[c]`. Non-negative integers. */
export interface CountTable {
  rows: string[];
  columns: string[];
  counts: number[][];
}

/** A published count: `count` is `null` exactly when `suppressed` is true. */
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

/**
 * `grid[i][j]` for `i <= rows.length`, `j <= columns.length`; index `rows.length` is the column-totals
 * row, index `columns.length` the row-totals column.
 */
export type Grid<T> = T[][];

/** Throws a RangeError naming the first entry that is not a non-negative safe integer or breaks the shape. */
export function assertCountTable(table: CountTable): void {
  if (table.counts.length !== table.rows.length) {
    throw new RangeError(`counts has ${table.counts.length} rows, expected ${table.rows.length}`);
  }
  table.counts.forEach((line, r) => {
    if (line.length !== table.columns.length) {
      throw new RangeError(`counts[${r}] has ${line.length} entries, expected ${table.columns.length}`);
    }
    line.forEach((value, c) => {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`counts[${r}][${c}] is ${value}, expected a non-negative integer`);
      }
    });
  });
}

/** The table with its totals; the grand total is in `grid[rows][columns]`. */
export function extendedGrid(table: CountTable): Grid<number> {
  const rowCount = table.rows.length;
  const columnCount = table.columns.length;
  const grid: Grid<number> = [];
  const columnTotals = new Array<number>(columnCount + 1).fill(0);
  for (let r = 0; r < rowCount; r++) {
    const line = table.counts[r]!;
    let total = 0;
    for (let c = 0; c < columnCount; c++) {
      total += line[c]!;
      columnTotals[c]! += line[c]!;
    }
    columnTotals[columnCount]! += total;
    grid.push([...line, total]);
  }
  grid.push(columnTotals);
  return grid;
}

/** Splits a grid of published cells back into the table shape. */
export function publishedFromGrid(table: CountTable, grid: Grid<PublishedCell>): PublishedTable {
  const rowCount = table.rows.length;
  const columnCount = table.columns.length;
  return {
    rows: [...table.rows],
    columns: [...table.columns],
    cells: grid.slice(0, rowCount).map((line) => line.slice(0, columnCount)),
    rowTotals: grid.slice(0, rowCount).map((line) => line[columnCount]!),
    columnTotals: grid[rowCount]!.slice(0, columnCount),
    grandTotal: grid[rowCount]![columnCount]!,
  };
}

/** The published table as a grid (the inverse of `publishedFromGrid`). */
export function gridFromPublished(table: PublishedTable): Grid<PublishedCell> {
  return [
    ...table.cells.map((line, r) => [...line, table.rowTotals[r]!]),
    [...table.columnTotals, table.grandTotal],
  ];
}
