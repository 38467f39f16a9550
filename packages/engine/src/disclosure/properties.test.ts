import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bridges } from './cycles.ts';
import { recoverableCells } from './linear-check.ts';
import { suppressTable } from './suppress.ts';
import { type CountTable, extendedGrid, type PublishedCell, publishedFromGrid } from './table.ts';

// ---------------------------------------------------------------------------------------------------------
// Generators: shapes from 1×1 to 9×9 (1×n and n×1 on purpose), counts mixing zeros, small counts and
// safe counts, with all-zero rows and tables made almost entirely of small counts.
// ---------------------------------------------------------------------------------------------------------

const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 3, arbitrary: fc.integer({ min: 10, max: 120 }) },
);
const smallHeavy = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 40 }) },
);

function tableOf(cell: fc.Arbitrary<number>, maxRows: number, maxColumns: number): fc.Arbitrary<CountTable> {
  return fc
    .record({ rows: fc.integer({ min: 1, max: maxRows }), columns: fc.integer({ min: 1, max: maxColumns }) })
    .chain(({ rows, columns }) =>
      fc.record({
        counts: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows,
        }),
        zeroRows: fc.array(fc.boolean(), { minLength: rows, maxLength: rows }),
      }),
    )
    .map(({ counts, zeroRows }) => ({
      rows: counts.map((_, r) => `row ${r}`),
      columns: counts[0]!.map((_, c) => `column ${c}`),
      // About one row in eight is all zeros: a municipality with no cases in the period.
      counts: counts.map((line, r) => (zeroRows[r] && r % 8 === 0 ? line.map(() => 0) : line)),
    }));
}

const tables = fc.oneof(
  tableOf(count, 9, 9),
  tableOf(smallHeavy, 9, 9),
  tableOf(count, 1, 12),
  tableOf(count, 12, 1),
  tableOf(smallHeavy, 2, 12),
);

/** The published grid (cells, then row totals as last column, column totals as last row). */
function publishedGrid(table: ReturnType<typeof suppressTable>): PublishedCell[][] {
  return [
    ...table.cells.map((line, r) => [...line, table.rowTotals[r]!]),
    [...table.columnTotals, table.grandTotal],
  ];
}

describe('suppressTable on random tables', () => {
  it('never publishes a count from 1 to minCount-1, in cells or totals', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 1, max: 12 }), (table, minCount) => {
        for (const cell of publishedGrid(suppressTable(table, { minCount })).flat()) {
          expect(cell.suppressed).toBe(cell.count === null);
          if (cell.count !== null) expect(cell.count === 0 || cell.count >= minCount).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('publishes the true counts and totals wherever it publishes', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const truth = extendedGrid(table);
        const published = publishedGrid(suppressTable(table));
        for (const [i, line] of published.entries()) {
          for (const [j, cell] of line.entries()) {
            if (cell.count !== null) expect(cell.count).toBe(truth[i]![j]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every suppressed count undetermined by the published linear system (exact elimination)', () => {
    fc.assert(
      fc.property(tables, fc.constantFrom(3, 5, 10), (table, minCount) => {
        expect(recoverableCells(suppressTable(table, { minCount }))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(tables, (table) => {
        expect(suppressTable(table)).toEqual(suppressTable(structuredClone(table)));
      }),
      { numRuns: 100 },
    );
  });

  it('hides nothing it does not need: publishing any one complementary suppression gives a count away', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const truth = extendedGrid(table);
        const published = suppressTable(table);
        const grid = publishedGrid(published);
        for (const [i, line] of grid.entries()) {
          for (const [j, cell] of line.entries()) {
            const value = truth[i]![j]!;
            if (!cell.suppressed || value < 10) continue;
            const revealed = grid.map((row) => [...row]);
            revealed[i]![j] = { count: value, suppressed: false };
            expect(recoverableCells(publishedFromGrid(table, revealed)).length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never suppresses a zero', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const truth = extendedGrid(table).flat();
        publishedGrid(suppressTable(table))
          .flat()
          .forEach((cell, k) => {
            if (truth[k] === 0) expect(cell.suppressed).toBe(false);
          });
      }),
      { numRuns: 300 },
    );
  });

  it('for every hidden count, another non-negative integer table fits what is published (±1 around a cycle)', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const truth = extendedGrid(table);
        const published = publishedGrid(suppressTable(table));
        const height = truth.length;
        const width = truth[0]!.length;
        for (const [i, line] of published.entries()) {
          for (const [j, cell] of line.entries()) {
            if (!cell.suppressed) continue;
            const cycle = hiddenCycleThrough(published, i, j);
            expect(cycle).not.toBeNull();
            for (const direction of [1, -1]) {
              const other = truth.map((row) => [...row]);
              cycle!.forEach(([a, b], k) => {
                // Alternate around the cycle; a total enters its line with the opposite sign of a cell.
                const sign =
                  (k % 2 === 0 ? 1 : -1) * (a === height - 1 ? -1 : 1) * (b === width - 1 ? -1 : 1);
                other[a]![b]! += direction * sign;
              });
              expect(other[i]![j]).not.toBe(truth[i]![j]);
              expect(isConsistentNonNegative(other)).toBe(true);
              for (const [a, row] of other.entries()) {
                for (const [b, value] of row.entries()) {
                  if (!published[a]![b]!.suppressed) expect(value).toBe(truth[a]![b]);
                }
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** A cycle of hidden grid entries through (i, j), as the entries in order, found by breadth-first search. */
function hiddenCycleThrough(grid: PublishedCell[][], i: number, j: number): [number, number][] | null {
  const height = grid.length;
  const width = grid[0]!.length;
  // Nodes: rows 0..height-1, then columns height..height+width-1. Search from column j back to row i.
  const previous = new Map<number, number>([[height + j, -1]]);
  const queue = [height + j];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === i) break;
    const neighbours =
      node < height
        ? Array.from({ length: width }, (_, b) => height + b).filter(
            (n) => grid[node]![n - height]!.suppressed,
          )
        : Array.from({ length: height }, (_, a) => a).filter((a) => grid[a]![node - height]!.suppressed);
    for (const next of neighbours) {
      const isDirect = (node === height + j && next === i) || (node === i && next === height + j);
      if (isDirect || previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  if (!previous.has(i)) return null;
  const entries: [number, number][] = [[i, j]];
  for (let node = i; previous.get(node) !== -1; node = previous.get(node)!) {
    const from = previous.get(node)!;
    entries.push(node < height ? [node, from - height] : [from, node - height]);
  }
  return entries;
}

function isConsistentNonNegative(grid: number[][]): boolean {
  const height = grid.length;
  const width = grid[0]!.length;
  if (grid.flat().some((value) => value < 0)) return false;
  const rowsAddUp = grid.every((row) => row.slice(0, -1).reduce((a, b) => a + b, 0) === row[width - 1]);
  const columnsAddUp = Array.from({ length: width }, (_, b) => b).every(
    (b) => grid.slice(0, -1).reduce((sum, row) => sum + row[b]!, 0) === grid[height - 1]![b],
  );
  return rowsAddUp && columnsAddUp;
}

describe('the graph criterion the suppression relies on', () => {
  it('a hidden count is recomputable exactly iff it is a bridge of the hidden counts (vs elimination)', () => {
    const masked = tableOf(count, 7, 7).chain((table) => {
      const size = (table.rows.length + 1) * (table.columns.length + 1);
      return fc.record({
        table: fc.constant(table),
        mask: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
      });
    });
    fc.assert(
      fc.property(masked, ({ table, mask }) => {
        const truth = extendedGrid(table);
        const width = table.columns.length + 1;
        const grid = truth.map((line, i) =>
          line.map(
            (value, j): PublishedCell =>
              mask[i * width + j] ? { count: null, suppressed: true } : { count: value, suppressed: false },
          ),
        );
        const recoverable = recoverableCells(publishedFromGrid(table, grid));
        const graph = { rowNodes: table.rows.length + 1, columnNodes: width };
        expect(recoverable.map((c) => c.row * width + c.column)).toEqual(bridges(graph, mask));
        // And what elimination recovers is the true count.
        for (const cell of recoverable) expect(cell.value).toBe(truth[cell.row]![cell.column]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('suppressTable at dashboard size', () => {
  it('protects 50×20 tables with sparse and with dense small counts', () => {
    const big = (small: fc.Arbitrary<number>) =>
      fc.array(fc.array(small, { minLength: 20, maxLength: 20 }), { minLength: 50, maxLength: 50 }).map(
        (counts): CountTable => ({
          rows: counts.map((_, r) => `municipality ${r}`),
          columns: counts[0]!.map((_, c) => `band ${c}`),
          counts,
        }),
      );
    const sparse = fc.oneof(
      { weight: 2, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }) },
      { weight: 17, arbitrary: fc.integer({ min: 10, max: 300 }) },
    );
    fc.assert(
      fc.property(fc.oneof(big(sparse), big(count)), (table) => {
        const published = suppressTable(table);
        expect(recoverableCells(published)).toEqual([]);
        for (const cell of publishedGrid(published).flat()) {
          if (cell.count !== null) expect(cell.count === 0 || cell.count >= 10).toBe(true);
        }
      }),
      { numRuns: 6 },
    );
  });
});
