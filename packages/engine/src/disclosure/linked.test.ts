import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverableCells, recoverableInLinkedTables } from './linear-check.ts';
import { suppressLinkedTables } from './linked.ts';
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

  it('refuses tables that do not share their rows and row totals, naming the table', () => {
    const a = { rows: ['M1', 'M2'], columns: ['x'], counts: [[20], [30]] };
    expect(() => suppressLinkedTables([a, { ...a, counts: [[20], [31]] }])).toThrow('tables[1] row "M2"');
    expect(() => suppressLinkedTables([a, { ...a, rows: ['M1', 'M3'] }])).toThrow('tables[1] row "M3"');
    expect(() => suppressLinkedTables([a, { ...a, rows: ['M1'], counts: [[20]] }])).toThrow(
      'tables[1].rows differs',
    );
    expect(() => suppressLinkedTables([])).toThrow('tables is empty');
  });
});
