import { bridges, cheapestDetour, type GridGraph } from './cycles.ts';
import {
  assertCountTable,
  type CountTable,
  extendedGrid,
  type PublishedCell,
  type PublishedTable,
  publishedFromGrid,
} from './table.ts';

/** Counts from 1 up to (not including) this are never published: RIVM's "fewer than 10 persons" rule. */
export const DEFAULT_MIN_COUNT = 10;

export interface SuppressionOptions {
  /** Counts 1..minCount-1 are suppressed (primary suppression); 0 is published. Default 10. */
  minCount?: number;
}

/**
 * Publishes a two-way count table with its row, column and grand totals so that
 * - no published count (cell or total) lies between 1 and minCount-1 (primary suppression), and
 * - no suppressed count can be recomputed exactly from the published counts and the equations
 *   "cells of a row add up to the row total", "cells of a column add up to the column total" and
 *   "the totals add up to the grand total" (complementary suppression).
 *
 * Method (see docs/disclosure.md): the table with its totals is a bipartite graph whose edges are the
 * counts; a suppressed count is recomputable iff it is a bridge of the graph of suppressed counts. While a
 * bridge remains, the cheapest detour between its ends is suppressed too, closing a cycle through it.
 * A detour costs the sum over the counts it newly suppresses of (count + 1): small counts first, few of
 * them, totals last. Zeros are published, and used as complementary suppressions only when no path of
 * non-zero counts exists, because a hidden zero cannot be lower and so gives away a bound.
 * Deterministic: the same table always gives the same result.
 */
export function suppressTable(table: CountTable, options: SuppressionOptions = {}): PublishedTable {
  const minCount = options.minCount ?? DEFAULT_MIN_COUNT;
  if (!Number.isSafeInteger(minCount) || minCount < 1) {
    throw new RangeError(`minCount is ${minCount}, expected a positive integer`);
  }
  assertCountTable(table);
  const grid = extendedGrid(table);
  const graph: GridGraph = { rowNodes: table.rows.length + 1, columnNodes: table.columns.length + 1 };
  const values = grid.flat();
  const suppressed = values.map((value) => value >= 1 && value < minCount);
  complementarySuppression(graph, values, suppressed);
  const w = graph.columnNodes;
  const published = grid.map((line, i) =>
    line.map(
      (value, j): PublishedCell =>
        suppressed[i * w + j] ? { count: null, suppressed: true } : { count: value, suppressed: false },
    ),
  );
  return publishedFromGrid(table, published);
}

/** Extends `suppressed` (in place) until no suppressed count is a bridge. */
function complementarySuppression(graph: GridGraph, values: readonly number[], suppressed: boolean[]): void {
  const nonZeroCost = values.reduce((sum, value) => sum + value + 1, 0);
  // A zero costs more than any path of non-zero counts, so it is chosen only when nothing else connects.
  const baseCost = values.map((value) => (value === 0 ? nonZeroCost + 1 : value + 1));
  for (;;) {
    const open = bridges(graph, suppressed);
    if (open.length === 0) return;
    const edge = open[0]!;
    const cost = baseCost.map((c, k) => (suppressed[k] ? 0 : c));
    const detour = cheapestDetour(graph, edge, cost);
    if (detour === null) {
      // Only when the grid has a single line of nodes, which extendedGrid never produces.
      throw new Error('No complementary suppression possible for this table shape');
    }
    for (const step of detour) suppressed[step] = true;
  }
}
