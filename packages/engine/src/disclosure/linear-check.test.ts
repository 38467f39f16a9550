import { describe, expect, it } from 'vitest';
import { recoverableCells, recoverableInLinkedTables } from './linear-check.ts';
import { suppressTable } from './suppress.ts';
import type { PublishedCell, PublishedTable } from './table.ts';

/** A published table from a grid where `null` marks a hidden count (last row and column are the totals). */
function published(grid: (number | null)[][]): PublishedTable {
  const cell = (count: number | null): PublishedCell => ({ count, suppressed: count === null });
  const rows = grid.length - 1;
  const columns = grid[0]!.length - 1;
  return {
    rows: Array.from({ length: rows }, (_, r) => `r${r}`),
    columns: Array.from({ length: columns }, (_, c) => `c${c}`),
    cells: grid.slice(0, rows).map((line) => line.slice(0, columns).map(cell)),
    rowTotals: grid.slice(0, rows).map((line) => cell(line[columns]!)),
    columnTotals: grid[rows]!.slice(0, columns).map(cell),
    grandTotal: cell(grid[rows]![columns]!),
  };
}

describe('recoverableCells', () => {
  it('finds nothing when nothing is hidden', () => {
    expect(
      recoverableCells(
        published([
          [12, 12],
          [12, 12],
        ]),
      ),
    ).toEqual([]);
  });

  it('recomputes a lone hidden cell from its row total', () => {
    expect(
      recoverableCells(
        published([
          [null, 20, 23],
          [15, 11, 26],
          [18, 31, 49],
        ]),
      ),
    ).toEqual([{ row: 0, column: 0, value: 3 }]);
  });

  it('recomputes two hidden cells of one row when each is alone in its column', () => {
    // Row 0 hides 3 and 4, but column 0 and column 1 each give one of them away.
    expect(
      recoverableCells(
        published([
          [null, null, 40, 47],
          [15, 11, 50, 76],
          [18, 15, 90, 123],
        ]),
      ),
    ).toEqual([
      { row: 0, column: 0, value: 3 },
      { row: 0, column: 1, value: 4 },
    ]);
  });

  it('recomputes a hidden row total, and a hidden grand total from published row totals', () => {
    expect(
      recoverableCells(
        published([
          [3, 0, null],
          [20, 12, 32],
          [23, 12, null],
        ]),
      ),
    ).toEqual([
      { row: 0, column: 2, value: 3 },
      { row: 2, column: 2, value: 35 },
    ]);
  });

  it('uses a published zero as a known value', () => {
    // Below the hidden 3 sits a published 0, so the column total gives the 3 away, and the row then gives
    // away the 5: a published zero is a known value like any other.
    expect(
      recoverableCells(
        published([
          [null, null, 0, 8],
          [0, 12, 10, 22],
          [3, 17, 10, 30],
        ]),
      ),
    ).toEqual([
      { row: 0, column: 0, value: 3 },
      { row: 0, column: 1, value: 5 },
    ]);
  });

  it('leaves a rectangle of four hidden cells undetermined', () => {
    expect(
      recoverableCells(
        published([
          [null, null, 40, 47],
          [null, null, 50, 76],
          [30, 60, 70, 160],
          [48, 75, 160, 283],
        ]),
      ),
    ).toEqual([]);
  });

  it('chains equations', () => {
    // Unknowns a (0,0), b (0,1), c (1,1). Row 1 gives c = 6, then column 1 gives b = 3, then row 0
    // gives a = 4: the check has to chain equations.
    expect(
      recoverableCells(
        published([
          [null, null, 40, 47],
          [20, null, 0, 26],
          [24, 9, 40, 73],
        ]),
      ),
    ).toEqual([
      { row: 0, column: 0, value: 4 },
      { row: 0, column: 1, value: 3 },
      { row: 1, column: 1, value: 6 },
    ]);
  });

  it('in a one-row table, protects only what the column totals do not repeat', () => {
    // A column total of a one-row table equals its cell, so hiding a cell means hiding its column total;
    // a pair of such columns is protected, a single one is given away by the grand total.
    expect(
      recoverableCells(
        published([
          [null, null, 20, 27],
          [null, null, 20, 27],
        ]),
      ),
    ).toEqual([]);
    expect(
      recoverableCells(
        published([
          [null, 4, 20, null],
          [null, 4, 20, 27],
        ]),
      ),
    ).toEqual([
      { row: 0, column: 0, value: 3 },
      { row: 0, column: 3, value: 27 },
      { row: 1, column: 0, value: 3 },
    ]);
  });
});

describe('recoverableInLinkedTables', () => {
  const rows = ['M1', 'M2', 'M3'];

  it('sees a hidden count given away by another table that shares its row totals', () => {
    // The same children per municipality, by age band (a) and by cumulative risk (b). Each table is safe
    // on its own; but b hides the totals 26 and 52 that a publishes, and then its hidden 3 follows.
    const a = suppressTable({
      rows,
      columns: ['x', 'y', 'z'],
      counts: [
        [17, 8, 1],
        [16, 18, 18],
        [11, 9, 4],
      ],
    });
    const b = suppressTable({
      rows,
      columns: ['present', 'absent'],
      counts: [
        [26, 0],
        [3, 49],
        [0, 24],
      ],
    });
    expect(recoverableCells(a)).toEqual([]);
    expect(recoverableCells(b)).toEqual([]);
    expect(recoverableInLinkedTables([a, b])).toContainEqual({ table: 1, row: 1, column: 0, value: 3 });
    // Not linked (different populations), nothing is given away.
    expect(recoverableInLinkedTables([a, b], { shareRowTotals: false })).toEqual([]);
  });

  it('agrees with recoverableCells on a single table', () => {
    const table = published([
      [null, 20, 23],
      [15, 11, 26],
      [18, 31, 49],
    ]);
    expect(recoverableInLinkedTables([table])).toEqual([{ table: 0, row: 0, column: 0, value: 3 }]);
  });
});
