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

  it('hides a small row total even when each of its cells is 0 or safe, and protects it', () => {
    // Row b: 0 + 0 + 4 — the 4 is hidden and so is the row total 4.
    const published = suppressTable({
      rows: ['a', 'b', 'c'],
      columns: ['x', 'y', 'z'],
      counts: [
        [25, 30, 40],
        [0, 0, 4],
        [12, 50, 60],
      ],
    });
    expect(published.rowTotals[1]).toEqual({ count: null, suppressed: true });
    expect(published.cells[1]![2]).toEqual({ count: null, suppressed: true });
    expect(published.cells[1]![0]).toEqual({ count: 0, suppressed: false });
    expect(recoverableCells(published)).toEqual([]);
  });

  it('in a one-row table hides the column total with its cell, and a second column to protect both', () => {
    const published = suppressTable({ rows: ['all'], columns: ['x', 'y', 'z'], counts: [[3, 15, 40]] });
    expect(counts(published)).toEqual([
      [null, null, 40, 58],
      [null, null, 40, 58],
    ]);
    expect(recoverableCells(published)).toEqual([]);
  });

  it('in a one-column table does the same by rows', () => {
    const published = suppressTable({ rows: ['a', 'b', 'c'], columns: ['n'], counts: [[3], [15], [40]] });
    expect(counts(published)).toEqual([
      [null, null],
      [null, null],
      [40, 40],
      [58, 58],
    ]);
  });

  it('publishes all-zero tables and empty tables as they are', () => {
    const zeros = suppressTable({ rows: ['a', 'b'], columns: ['x'], counts: [[0], [0]] });
    expect(counts(zeros)).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    const empty = suppressTable({ rows: [], columns: ['x', 'y'], counts: [] });
    expect(empty.cells).toEqual([]);
    expect(empty.columnTotals).toEqual([
      { count: 0, suppressed: false },
      { count: 0, suppressed: false },
    ]);
    expect(empty.grandTotal).toEqual({ count: 0, suppressed: false });
  });

  it('hides everything non-zero when the grand total itself is small', () => {
    const published = suppressTable({
      rows: ['a', 'b'],
      columns: ['x', 'y'],
      counts: [
        [2, 0],
        [3, 1],
      ],
    });
    expect(counts(published)).toEqual([
      [null, 0, null],
      [null, null, null],
      [null, null, null],
    ]);
  });

  it('follows minCount: with 1 nothing is hidden, with 3 only 1 and 2 are', () => {
    const table = {
      rows: ['a', 'b'],
      columns: ['x', 'y'],
      counts: [
        [2, 30],
        [3, 40],
      ],
    };
    expect(counts(suppressTable(table, { minCount: 1 }))).toEqual([
      [2, 30, 32],
      [3, 40, 43],
      [5, 70, 75],
    ]);
    expect(counts(suppressTable(table, { minCount: 3 }))[0]![0]).toBeNull();
    expect(counts(suppressTable(table, { minCount: 3 }))[1]![0]).toBeNull();
  });

  it('rejects counts that are not non-negative integers, ragged tables and a bad minCount, naming the entry', () => {
    const table = (counts: number[][]) => ({ rows: ['a', 'b'], columns: ['x', 'y'], counts });
    expect(() =>
      suppressTable(
        table([
          [1, 2],
          [3, -1],
        ]),
      ),
    ).toThrow('counts[1][1] is -1');
    expect(() =>
      suppressTable(
        table([
          [1, 2.5],
          [3, 1],
        ]),
      ),
    ).toThrow('counts[0][1] is 2.5');
    expect(() =>
      suppressTable(
        table([
          [1, Number.NaN],
          [3, 1],
        ]),
      ),
    ).toThrow('counts[0][1] is NaN');
    expect(() => suppressTable(table([[1, 2], [3]]))).toThrow('counts[1] has 1 entries');
    expect(() => suppressTable(table([[1, 2]]))).toThrow('counts has 1 rows');
    expect(() =>
      suppressTable(
        table([
          [1, 2],
          [3, 4],
        ]),
        { minCount: 0 },
      ),
    ).toThrow('minCount');
  });
});
