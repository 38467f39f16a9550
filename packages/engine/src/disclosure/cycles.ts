/**
 * The two-way table with its totals seen as a bipartite graph: one node per line equation (each row of
 * the extended grid, then each column), one edge per grid entry, joining the row and the column it sums
 * into. Grid entry (i, j) is edge `i * width + j` between row node `i` and column node `rowNodes + j`.
 *
 * After a sign change of some entries and equations (which does not change what can be solved), the
 * equations of the grid are the node–edge incidence matrix of this graph. A suppressed entry can then be
 * recomputed exactly iff it is a bridge of the graph of suppressed entries: its unit vector lies in the
 * row space of the incidence matrix iff it is orthogonal to every cycle (Gusfield 1988; the same fact
 * underlies the network-flow methods for two-way tables, Cox 1980, Castro 2006). `linear-check.ts`
 * verifies the outcome with plain Gaussian elimination, independent of this argument.
 */

export interface GridGraph {
  rowNodes: number;
  columnNodes: number;
}

/** The suppressed edges that lie on no cycle of suppressed edges, in increasing edge order. */
export function bridges(g: GridGraph, suppressed: readonly boolean[]): number[] {
  const n = g.rowNodes + g.columnNodes;
  const w = g.columnNodes;
  // Adjacency in compressed form: the edges of node v are incident[start[v] .. start[v + 1]).
  const degree = new Int32Array(n + 1);
  for (let edge = 0; edge < suppressed.length; edge++) {
    if (!suppressed[edge]) continue;
    degree[Math.floor(edge / w)]!++;
    degree[g.rowNodes + (edge % w)]!++;
  }
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v]! + degree[v]!;
  const fill = start.slice(0, n);
  const incident = new Int32Array(start[n]!);
  for (let edge = 0; edge < suppressed.length; edge++) {
    if (!suppressed[edge]) continue;
    incident[fill[Math.floor(edge / w)]!++] = edge;
    incident[fill[g.rowNodes + (edge % w)]!++] = edge;
  }
  const other = (edge: number, node: number): number => {
    const row = Math.floor(edge / w);
    return node === row ? g.rowNodes + (edge % w) : row;
  };

  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const via = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const stack = new Int32Array(n);
  const found: number[] = [];
  let counter = 0;
  // Iterative Tarjan: a node on the stack resumes at adjacency position next[node].
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let top = 0;
    stack[0] = root;
    order[root] = low[root] = counter++;
    next[root] = start[root]!;
    while (top >= 0) {
      const node = stack[top]!;
      if (next[node]! < start[node + 1]!) {
        const edge = incident[next[node]!++]!;
        if (edge === via[node]) continue;
        const to = other(edge, node);
        if (order[to] === -1) {
          order[to] = low[to] = counter++;
          via[to] = edge;
          next[to] = start[to]!;
          stack[++top] = to;
        } else if (order[to]! < low[node]!) {
          low[node] = order[to]!;
        }
      } else {
        top--;
        if (top >= 0) {
          const parent = stack[top]!;
          if (low[node]! < low[parent]!) low[parent] = low[node]!;
          if (low[node]! > order[parent]!) found.push(via[node]!);
        }
      }
    }
  }
  return found.sort((x, y) => x - y);
}

/**
 * The cheapest path between the two ends of `edge` that does not use `edge` itself. An edge of infinite
 * cost is not used. Returns the path's edges, or `null` when the ends are not otherwise connected.
 */
export function cheapestDetour(g: GridGraph, edge: number, cost: (edge: number) => number): number[] | null {
  const w = g.columnNodes;
  return cheapestPath(g, Math.floor(edge / w), g.rowNodes + (edge % w), (step) =>
    step === edge ? Number.POSITIVE_INFINITY : cost(step),
  );
}

/**
 * The cheapest path from node `source` to node `target`: Dijkstra with a binary heap ordered by
 * (distance, node), so ties go to the lower node number and the result is deterministic. An edge of
 * infinite cost is not used. Returns the path's edges, or `null` when there is none.
 */
export function cheapestPath(
  g: GridGraph,
  source: number,
  target: number,
  cost: (edge: number) => number,
): number[] | null {
  const n = g.rowNodes + g.columnNodes;
  const w = g.columnNodes;
  const edgeOf = (a: number, b: number): number =>
    a < g.rowNodes ? a * w + (b - g.rowNodes) : b * w + (a - g.rowNodes);
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const previous = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heap = new MinHeap();
  distance[source] = 0;
  heap.push(0, source);
  while (heap.size > 0) {
    const node = heap.pop();
    if (done[node]) continue;
    if (node === target) break;
    done[node] = 1;
    const isRow = node < g.rowNodes;
    const to = isRow ? n : g.rowNodes;
    for (let next = isRow ? g.rowNodes : 0; next < to; next++) {
      if (done[next]) continue;
      const stepCost = cost(edgeOf(node, next));
      if (stepCost === Number.POSITIVE_INFINITY) continue;
      const candidate = distance[node]! + stepCost;
      if (candidate < distance[next]!) {
        distance[next] = candidate;
        previous[next] = node;
        heap.push(candidate, next);
      }
    }
  }
  if (source === target) return [];
  if (previous[target] === -1) return null;
  const path: number[] = [];
  for (let node = target; node !== source; node = previous[node]!) path.push(edgeOf(node, previous[node]!));
  return path;
}

/** A binary min-heap of (key, node) pairs, ordered by key and then node. Stale entries are skipped by the caller. */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    this.keys.push(key);
    this.nodes.push(node);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the smallest entry and returns its node. */
  pop(): number {
    const top = this.nodes[0]!;
    const lastKey = this.keys.pop()!;
    const lastNode = this.nodes.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.nodes[0] = lastNode;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < this.keys.length && this.less(left, smallest)) smallest = left;
        if (right < this.keys.length && this.less(right, smallest)) smallest = right;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return (
      this.keys[a]! < this.keys[b]! || (this.keys[a] === this.keys[b] && this.nodes[a]! < this.nodes[b]!)
    );
  }

  private swap(a: number, b: number): void {
    const key = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = key;
    const node = this.nodes[a]!;
    this.nodes[a] = this.nodes[b]!;
    this.nodes[b] = node;
  }
}
