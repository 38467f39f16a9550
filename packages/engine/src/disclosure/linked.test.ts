import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverableCells, recoverableInLinkedTables } from './linear-check.ts';
import { suppressLinkedTables } from './linked.ts';
import { suppressTable } from './suppress.ts';
import type { CountTable, PublishedTable } from './table.ts';

/** Tables over the same rows with the same row totals: one population split in different ways. */
const linkedTables: fc.Arbitrary<CountTable[]> = fc
  .record({
    totals: fc.array(
      fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }) },
        { weight: 4, arbitrary: fc.integer({ min: 13, max: 90 }) },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 3 }),
  })
  .chain(({ totals, widths }) =>
    fc.tuple(
      ...widths.map((width) =>
        fc.tuple(
          ...totals.map((total) =>
            fc
              .array(fc.integer({ min: 0, max: total }), { minLength: width - 1, maxLength: width - 1 })
              .map((cuts) => {
                const points = [0, ...cuts.sort((a, b) => a - b), total];
                return points.slice(1).map((point, k) => point - points[k]!);
              }),
          ),
        ),
      ),
    ),
  )
  .map((tables) =>
    tables.map((counts, t) => ({
      rows: counts.map((_, r) => `municipality ${r}`),
      columns: counts[0]!.map((_, c) => `table ${t} column ${c}`),
      counts,
    })),
  );

function publishedCounts(table: PublishedTable): (number | null)[] {
  return [
    ...table.cells.flat().map((c) => c.count),
    ...table.rowTotals.map((c) => c.count),
    ...table.columnTotals.map((c) => c.count),
    table.grandTotal.count,
  ];
}

describe('suppressLinkedTables', () => {
  it('leaves no hidden count recoverable from all the tables together (exact elimination)', () => {
    fc.assert(
      fc.property(linkedTables, (tables) => {
        const published = suppressLinkedTables(tables);
        expect(recoverableInLinkedTables(published)).toEqual([]);
        for (const table of published) {
          expect(recoverableCells(table)).toEqual([]);
          for (const count of publishedCounts(table)) {
            if (count !== null) expect(count === 0 || count >= 10).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('hides a shared total in every table or in none', () => {
    fc.assert(
      fc.property(linkedTables, (tables) => {
        const published = suppressLinkedTables(tables);
        const pattern = (p: PublishedTable) => [...p.rowTotals, p.grandTotal].map((c) => c.suppressed);
        for (const table of published) expect(pattern(table)).toEqual(pattern(published[0]!));
      }),
      { numRuns: 200 },
    );
  });

  it('closes the leak of two tables that are each safe alone', () => {
    const rows = ['M1', 'M2', 'M3'];
    const tables: CountTable[] = [
      {
        rows,
        columns: ['x', 'y', 'z'],
        counts: [
          [17, 8, 1],
          [16, 18, 18],
          [11, 9, 4],
        ],
      },
      {
        rows,
        columns: ['present', 'absent'],
        counts: [
          [26, 0],
          [3, 49],
          [0, 24],
        ],
      },
    ];
    const published = suppressLinkedTables(tables);
    expect(recoverableInLinkedTables(published)).toEqual([]);
    expect(published[1]!.cells[1]![0]).toEqual({ count: null, suppressed: true });
  });

  it('groups hidden totals alike in every table, even when each table alone groups them differently', () => {
    // Four municipalities of 5 children. By age band, M1 and M2 share a column and M3 and M4 another; by
    // risk, M1 goes with M3 and M2 with M4. Each table alone pairs its hidden totals differently.
    const rows = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'];
    const big = [30, 30, 30];
    const tables: CountTable[] = [
      { rows, columns: ['x', 'y', 'z'], counts: [[5, 0, 0], [5, 0, 0], [0, 5, 0], [0, 5, 0], big, big] },
      { rows, columns: ['u', 'v', 'w'], counts: [[5, 0, 0], [0, 5, 0], [5, 0, 0], [0, 5, 0], big, big] },
    ];
    const published = suppressLinkedTables(tables);
    expect(recoverableInLinkedTables(published)).toEqual([]);
    expect(hiddenTotalGroups(published[0]!)).toEqual(hiddenTotalGroups(published[1]!));
    expect(hiddenTotalGroups(published[0]!)).toEqual([[0, 1, 2, 3]]);
  });

  it('groups hidden totals alike on random linked tables', () => {
    fc.assert(
      fc.property(linkedTables, (tables) => {
        const published = suppressLinkedTables(tables);
        for (const table of published)
          expect(hiddenTotalGroups(table)).toEqual(hiddenTotalGroups(published[0]!));
      }),
      { numRuns: 200 },
    );
  });

  it('publishes a single table exactly as suppressTable does', () => {
    fc.assert(
      fc.property(linkedTables, (tables) => {
        expect(suppressLinkedTables([tables[0]!])).toEqual([suppressTable(tables[0]!)]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses tables that do not share their rows and row totals, naming the table', () => {
    const a = { rows: ['M1', 'M2'], columns: ['x'], counts: [[20], [30]] };
    expect(() => suppressLinkedTables([a, { ...a, counts: [[20], [31]] }])).toThrow('tables[1] row "M2"');
    expect(() => suppressLinkedTables([a, { ...a, rows: ['M1', 'M3'] }])).toThrow('tables[1] row "M3"');
    expect(() => suppressLinkedTables([a, { ...a, rows: ['M1'], counts: [[20]] }])).toThrow(
      'tables[1].rows differs',
    );
    expect(() => suppressLinkedTables([])).toThrow('tables is empty');
    expect(() => suppressLinkedTables([a, { ...a, counts: [[20], [-1]] }])).toThrow(
      'tables[1].counts[1][0] is -1',
    );
  });
});

/**
 * The hidden row totals (by row index; the grand total as rows.length) grouped by which rows hidden cells
 * join without passing through the totals column.
 */
function hiddenTotalGroups(table: PublishedTable): number[][] {
  const height = table.rows.length + 1;
  const width = table.columns.length;
  const parent = Array.from({ length: height + width }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : find(parent[k]!));
  const lines = [...table.cells, table.columnTotals];
  lines.forEach((line, i) => {
    line.forEach((cell, j) => {
      if (cell.suppressed) parent[find(i)] = find(height + j);
    });
  });
  const hidden = [...table.rowTotals, table.grandTotal]
    .map((cell, i) => (cell.suppressed ? i : -1))
    .filter((i) => i >= 0);
  const groups = new Map<number, number[]>();
  for (const i of hidden) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
