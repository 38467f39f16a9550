import { describe, expect, it } from 'vitest';
import { recoverableCells } from './linear-check.ts';
import { suppressTable } from './suppress.ts';
import type { PublishedTable } from './table.ts';

const counts = (table: PublishedTable): (number | null)[][] => [
  ...table.cells.map((line, r) => [...line.map((c) => c.count), table.rowTotals[r]!.count]),
  [...table.columnTotals.map((c) => c.count), table.grandTotal.count],
];

describe('suppressTable', () => {
  it('publishes a table without small counts unchanged, with its totals', () => {
    const published = suppressTable({
      rows: ['a', 'b'],
      columns: ['x', 'y'],
      counts: [
        [10, 0],
        [12, 30],
      ],
    });
    expect(counts(published)).toEqual([
      [10, 0, 10],
      [12, 30, 42],
      [22, 30, 52],
    ]);
    expect(published.cells.flat().every((c) => !c.suppressed)).toBe(true);
  });

  it('hides a small cell and a complement in its row and column, preferring the smallest', () => {
    const published = suppressTable({
      rows: ['a', 'b', 'c'],
      columns: ['x', 'y', 'z'],
      counts: [
        [3, 20, 40],
        [15, 11, 50],
        [30, 60, 70],
      ],
    });
    expect(counts(published)).toEqual([
      [null, null, 40, 63],
      [null, null, 50, 76],
      [30, 60, 70, 160],
      [48, 91, 160, 299],
    ]);
    expect(recoverableCells(published)).toEqual([]);
  });
});
