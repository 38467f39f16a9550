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

const width = (g: GridGraph): number => g.columnNodes;
const nodeCount = (g: GridGraph): number => g.rowNodes + g.columnNodes;

/** The two nodes of grid entry `edge`. */
function ends(g: GridGraph, edge: number): [number, number] {
  const i = Math.floor(edge / width(g));
  return [i, g.rowNodes + (edge % width(g))];
}

/** The edge between node `a` and node `b` (one a row node, the other a column node). */
function edgeBetween(g: GridGraph, a: number, b: number): number {
  const [row, column] = a < g.rowNodes ? [a, b - g.rowNodes] : [b, a - g.rowNodes];
  return row * width(g) + column;
}

/** The suppressed edges that lie on no cycle of suppressed edges, in increasing edge order. */
export function bridges(g: GridGraph, suppressed: readonly boolean[]): number[] {
  const n = nodeCount(g);
  const adjacency: number[][] = Array.from({ length: n }, () => []);
  suppressed.forEach((isSuppressed, edge) => {
    if (!isSuppressed) return;
    const [a, b] = ends(g, edge);
    adjacency[a]!.push(edge);
    adjacency[b]!.push(edge);
  });
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const found: number[] = [];
  let counter = 0;
  // Iterative Tarjan: a frame is (node, edge it was entered by, next adjacency index).
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const stack: [number, number, number][] = [[root, -1, 0]];
    order[root] = low[root] = counter++;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const [node, via] = frame;
      const edges = adjacency[node]!;
      if (frame[2] < edges.length) {
        const edge = edges[frame[2]++]!;
        if (edge === via) continue;
        const [a, b] = ends(g, edge);
        const next = a === node ? b : a;
        if (order[next] === -1) {
          order[next] = low[next] = counter++;
          stack.push([next, edge, 0]);
        } else {
          low[node] = Math.min(low[node]!, order[next]!);
        }
      } else {
        stack.pop();
        if (stack.length > 0) {
          const parent = stack[stack.length - 1]![0];
          low[parent] = Math.min(low[parent]!, low[node]!);
          if (low[node]! > order[parent]!) found.push(via);
        }
      }
    }
  }
  return found.sort((x, y) => x - y);
}

/**
 * The cheapest path between the two ends of `edge` that does not use `edge` itself (Dijkstra on the dense
 * graph; ties go to the lower node number, so the result is deterministic). An edge of infinite cost is
 * not used. Returns the path's edges, or `null` when the ends are not otherwise connected.
 */
export function cheapestDetour(g: GridGraph, edge: number, cost: (edge: number) => number): number[] | null {
  const n = nodeCount(g);
  const [source, target] = ends(g, edge);
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const previous = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  distance[source] = 0;
  for (;;) {
    let node = -1;
    for (let k = 0; k < n; k++) {
      if (
        !done[k] &&
        distance[k]! < Number.POSITIVE_INFINITY &&
        (node === -1 || distance[k]! < distance[node]!)
      ) {
        node = k;
      }
    }
    if (node === -1) return null;
    if (node === target) break;
    done[node] = 1;
    const [from, to] = node < g.rowNodes ? [g.rowNodes, n] : [0, g.rowNodes];
    for (let other = from; other < to; other++) {
      if (done[other]) continue;
      const step = edgeBetween(g, node, other);
      if (step === edge) continue;
      const stepCost = cost(step);
      if (stepCost === Number.POSITIVE_INFINITY) continue;
      const candidate = distance[node]! + stepCost;
      if (candidate < distance[other]!) {
        distance[other] = candidate;
        previous[other] = node;
      }
    }
  }
  const path: number[] = [];
  for (let node = target; node !== source; node = previous[node]!) {
    path.push(edgeBetween(g, node, previous[node]!));
  }
  return path;
}
