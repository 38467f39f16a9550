import { cheapestPath, type GridGraph } from './cycles.ts';
import { checkedMinCount, graphOf, publish, type SuppressionOptions, suppressionMask } from './suppress.ts';
import { assertCountTable, type CountTable, extendedGrid, type PublishedTable } from './table.ts';

/**
 * Publishes several tables that break the same population down in different ways — the children of each
 * municipality by age band in one table, by cumulative risk in another. They share their row totals and
 * grand total, so an attacker solves them together: a total hidden in one table but shown in another is
 * no secret, and even totals hidden in both can tie the tables' unknowns together.
 *
 * The tables must have the same row labels with the same row totals. Each is suppressed as by
 * `suppressTable`, and then:
 * 1. while some shared total is hidden in one table and shown in another, every shared total hidden
 *    anywhere is forced hidden in all tables (with its own complements in each), and they are suppressed
 *    again;
 * 2. the hidden shared totals are grouped alike in every table. In one table, two hidden totals can move
 *    against each other (keeping everything published fixed) iff their rows are joined by hidden cells
 *    that do not pass through the totals column; the moves of the shared totals that one table allows
 *    are then exactly the sums-to-zero within each group. When every table has the same groups, any move
 *    one table allows of a hidden count can be matched by the others, so what is undetermined in each
 *    table alone stays undetermined in all of them together. Groups are made alike by hiding the
 *    cheapest chain of cells between rows that one table groups together and another does not, until
 *    nothing changes (groups only merge, so this ends).
 * `recoverableInLinkedTables` checks the result by elimination over all tables at once (see the tests).
 */
export function suppressLinkedTables(
  tables: readonly CountTable[],
  options: SuppressionOptions = {},
): PublishedTable[] {
  const minCount = checkedMinCount(options);
  tables.forEach((table, t) => {
    try {
      assertCountTable(table);
    } catch (error) {
      throw error instanceof RangeError ? new RangeError(`tables[${t}].${error.message}`) : error;
    }
  });
  assertLinked(tables);
  const setups = tables.map((table) => {
    const grid = extendedGrid(table);
    return { table, grid, graph: graphOf(table), values: grid.flat() };
  });
  /** Grid entry of a shared total: a row label's row total, or (for null) the grand total. */
  const sharedEdge = (t: number, label: string | null): number => {
    const { table, graph } = setups[t]!;
    const row = label === null ? table.rows.length : table.rows.indexOf(label);
    return row * graph.columnNodes + table.columns.length;
  };
  const sharedKeys: (string | null)[] = [...tables[0]!.rows, null];

  // 1. Hide shared totals consistently.
  const forced = new Set<string | null>();
  let masks: boolean[][];
  for (;;) {
    masks = setups.map(({ graph, values }, t) =>
      suppressionMask(
        graph,
        values,
        minCount,
        [...forced].map((key) => sharedEdge(t, key)),
      ),
    );
    const hiddenIn = (key: string | null): number =>
      masks.filter((mask, t) => mask[sharedEdge(t, key)]).length;
    if (sharedKeys.every((key) => hiddenIn(key) === 0 || hiddenIn(key) === tables.length)) break;
    // Forcing only grows, and a forced total is hidden everywhere, so this ends.
    for (const key of sharedKeys) if (hiddenIn(key) > 0) forced.add(key);
  }

  // 2. Group the hidden shared totals alike in every table.
  const hiddenShared = sharedKeys.filter((key) => masks[0]![sharedEdge(0, key)]);
  for (let changed = true; changed; ) {
    changed = false;
    const components = setups.map(({ graph }, t) => componentsOffTotals(graph, masks[t]!));
    const groups = new UnionFind(hiddenShared.length);
    setups.forEach(({ table }, t) => {
      const firstKeyOf = new Map<number, number>();
      hiddenShared.forEach((key, a) => {
        const root = components[t]!.find(rowNodeOf(table, key));
        const first = firstKeyOf.get(root);
        if (first === undefined) firstKeyOf.set(root, a);
        else groups.union(first, a);
      });
    });
    setups.forEach(({ table, graph, values }, t) => {
      const mask = masks[t]!;
      const joined = components[t]!;
      hiddenShared.forEach((key, a) => {
        const lead = groups.find(a);
        if (lead === a) return;
        const from = rowNodeOf(table, hiddenShared[lead]!);
        const to = rowNodeOf(table, key);
        if (joined.same(from, to)) return;
        const path = cheapestPath(graph, from, to, costOffTotals(graph, values, mask));
        if (path === null) throw new Error('No chain of non-zero cells between two rows (cannot happen)');
        for (const edge of path) {
          mask[edge] = true;
          joined.union(Math.floor(edge / graph.columnNodes), graph.rowNodes + (edge % graph.columnNodes));
        }
        changed = true;
      });
    });
  }
  return setups.map(({ table, grid }, t) => publish(table, grid, masks[t]!));
}

function assertLinked(tables: readonly CountTable[]): void {
  if (tables.length === 0) throw new RangeError('tables is empty, expected at least one table');
  const first = tables[0]!;
  const totals = new Map(first.rows.map((label, r) => [label, sum(first.counts[r]!)]));
  if (totals.size !== first.rows.length) throw new RangeError('tables[0].rows has a label twice');
  tables.forEach((table, t) => {
    if (table.rows.length !== first.rows.length || new Set(table.rows).size !== table.rows.length) {
      throw new RangeError(`tables[${t}].rows differs from tables[0].rows`);
    }
    table.rows.forEach((label, r) => {
      if (totals.get(label) !== sum(table.counts[r]!)) {
        throw new RangeError(`tables[${t}] row "${label}" has another total than in tables[0]`);
      }
    });
  });
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The row node of a shared total: its row, or the column-totals row for the grand total. */
function rowNodeOf(table: CountTable, key: string | null): number {
  return key === null ? table.rows.length : table.rows.indexOf(key);
}

/** Components of the hidden entries outside the totals column (the column node shared totals hang from). */
function componentsOffTotals(graph: GridGraph, mask: readonly boolean[]): UnionFind {
  const w = graph.columnNodes;
  const components = new UnionFind(graph.rowNodes + graph.columnNodes);
  mask.forEach((hidden, edge) => {
    if (hidden && edge % w !== w - 1) components.union(Math.floor(edge / w), graph.rowNodes + (edge % w));
  });
  return components;
}

/** As in `suppressTable` (hidden free, zeros never, small first), and never through the totals column. */
function costOffTotals(
  graph: GridGraph,
  values: readonly number[],
  mask: readonly boolean[],
): (edge: number) => number {
  const w = graph.columnNodes;
  return (edge) => {
    if (edge % w === w - 1) return Number.POSITIVE_INFINITY;
    if (mask[edge]) return 0;
    return values[edge] === 0 ? Number.POSITIVE_INFINITY : values[edge]! + 1;
  };
}

class UnionFind {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, k) => k);
  }

  find(k: number): number {
    while (this.parent[k] !== k) {
      this.parent[k] = this.parent[this.parent[k]!]!;
      k = this.parent[k]!;
    }
    return k;
  }

  union(a: number, b: number): void {
    const [x, y] = [this.find(a), this.find(b)];
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }

  same(a: number, b: number): boolean {
    return this.find(a) === this.find(b);
  }
}
