import { bridges, cheapestDetour, type GridGraph } from './cycles.ts';
import {
  assertCountTable,
  type CountTable,
  extendedGrid,
  type Grid,
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
 * them, totals last; then complementary suppressions that later cycles made unnecessary are published
 * again, largest first. Zeros are always published and never used as complementary suppressions, so every
 * hidden count is at least 1 and lies on a cycle of hidden counts: moving 1 around that cycle gives
 * another table of non-negative integers with the same published figures, so even an attacker who uses
 * non-negativity cannot pin a hidden count exactly (though bounds may be narrow; see docs/disclosure.md).
 * Deterministic: the same table always gives the same result.
 */
export function suppressTable(table: CountTable, options: SuppressionOptions = {}): PublishedTable {
  const minCount = checkedMinCount(options);
  assertCountTable(table);
  const grid = extendedGrid(table);
  const graph = graphOf(table);
  const suppressed = suppressionMask(graph, grid.flat(), minCount, []);
  return publish(table, grid, suppressed);
}

export function checkedMinCount(options: SuppressionOptions): number {
  const minCount = options.minCount ?? DEFAULT_MIN_COUNT;
  if (!Number.isSafeInteger(minCount) || minCount < 1) {
    throw new RangeError(`minCount is ${minCount}, expected a positive integer`);
  }
  return minCount;
}

export function graphOf(table: CountTable): GridGraph {
  return { rowNodes: table.rows.length + 1, columnNodes: table.columns.length + 1 };
}

/**
 * Which grid entries (row-major over the extended grid) to hide: the small ones, the `forced` ones, and
 * the complementary suppressions that protect them.
 */
export function suppressionMask(
  graph: GridGraph,
  values: readonly number[],
  minCount: number,
  forced: readonly number[],
): boolean[] {
  const primary = values.map((value) => value >= 1 && value < minCount);
  for (const edge of forced) if (values[edge]! > 0) primary[edge] = true;
  const suppressed = [...primary];
  complementarySuppression(graph, values, suppressed);
  dropRedundant(graph, values, primary, suppressed);
  return suppressed;
}

export function publish(
  table: CountTable,
  grid: Grid<number>,
  suppressed: readonly boolean[],
): PublishedTable {
  const w = table.columns.length + 1;
  const published = grid.map((line, i) =>
    line.map(
      (value, j): PublishedCell =>
        suppressed[i * w + j] ? { count: null, suppressed: true } : { count: value, suppressed: false },
    ),
  );
  return publishedFromGrid(table, published);
}

/**
 * Extends `suppressed` (in place) until no suppressed count is a bridge. A detour never passes a zero:
 * one always exists without, because a hidden non-zero count in row i, column j has non-zero row total,
 * column total and grand total (path i → row total → grand total → column total → j), and a hidden
 * non-zero row total has a non-zero cell in its row whose column total and the grand total close the
 * cycle (likewise for column totals and the grand total). So every hidden count is at least 1.
 */
function complementarySuppression(graph: GridGraph, values: readonly number[], suppressed: boolean[]): void {
  const cost = (edge: number): number => {
    if (suppressed[edge]) return 0;
    const value = values[edge]!;
    // value + 1: small counts first, then fewer of them.
    return value === 0 ? Number.POSITIVE_INFINITY : value + 1;
  };
  // Hiding more never creates a bridge, so one pass over the bridges in order suffices; a bridge that an
  // earlier detour already put on a cycle gets a free detour and adds nothing. The outer loop only
  // confirms that none is left.
  for (let open = bridges(graph, suppressed); open.length > 0; open = bridges(graph, suppressed)) {
    for (const edge of open) {
      const detour = cheapestDetour(graph, edge, cost);
      if (detour === null) throw new Error('No complementary suppression without zeros (cannot happen)');
      for (const step of detour) suppressed[step] = true;
    }
  }
}

/**
 * Publishes again every complementary suppression that turns out not to be needed: detours chosen one
 * bridge at a time can overlap, so a count hidden early may be covered by cycles found later. Largest
 * counts are tried first (they carry the most information); a count stays published only if no hidden
 * count becomes a bridge. Afterwards no single complementary suppression can be undone.
 */
function dropRedundant(
  graph: GridGraph,
  values: readonly number[],
  primary: readonly boolean[],
  suppressed: boolean[],
): void {
  const secondary = values
    .map((_, edge) => edge)
    .filter((edge) => suppressed[edge] && !primary[edge])
    .sort((a, b) => values[b]! - values[a]! || a - b);
  for (const edge of secondary) {
    suppressed[edge] = false;
    if (bridges(graph, suppressed).length > 0) suppressed[edge] = true;
  }
}
