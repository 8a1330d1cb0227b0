import type { Digraph } from './digraph.js';
import { MinHeap } from './heap.js';

/** A simple path: its nodes, the edges between them, and the sum of their weights. */
export interface WeightedPath {
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  readonly cost: number;
}

/** Distances from every node to a target (Infinity when it cannot reach it), and the next hop. */
export interface DistancesTo {
  readonly dist: Float64Array;
  /** Edge to follow from each node on one shortest path to the target (-1 at the target). */
  readonly nextEdge: Int32Array;
}

/** Dijkstra on the reversed graph: the shortest distance from every node to `target`. */
export function distancesTo(graph: Digraph, target: number): DistancesTo {
  const dist = new Float64Array(graph.nodeCount).fill(Number.POSITIVE_INFINITY);
  const nextEdge = new Int32Array(graph.nodeCount).fill(-1);
  const done = new Uint8Array(graph.nodeCount);
  const heap = new MinHeap();
  dist[target] = 0;
  heap.push(target, 0);
  const { inStart, inEdges, from, weight } = graph;
  while (heap.size > 0) {
    const v = heap.pop();
    if (done[v] === 1) continue;
    done[v] = 1;
    const dv = dist[v] ?? 0;
    const end = inStart[v + 1] ?? 0;
    for (let i = inStart[v] ?? 0; i < end; i += 1) {
      const e = inEdges[i] ?? 0;
      const u = from[e] ?? 0;
      const candidate = dv + (weight[e] ?? 0);
      if (candidate < (dist[u] ?? 0)) {
        dist[u] = candidate;
        nextEdge[u] = e;
        heap.push(u, candidate);
      }
    }
  }
  return { dist, nextEdge };
}

/** The path from `source` to the target that `distancesTo` found (undefined if unreachable). */
export function pathTo(
  graph: Digraph,
  tree: DistancesTo,
  source: number,
): WeightedPath | undefined {
  if (!Number.isFinite(tree.dist[source] ?? Number.POSITIVE_INFINITY)) return undefined;
  const nodes = [source];
  const edges: number[] = [];
  let cost = 0;
  for (let e = tree.nextEdge[source] ?? -1; e >= 0; e = tree.nextEdge[graph.to[e] ?? 0] ?? -1) {
    edges.push(e);
    cost += graph.weight[e] ?? 0;
    nodes.push(graph.to[e] ?? 0);
  }
  return { nodes, edges, cost };
}

/**
 * Reusable A* search (Dijkstra when no heuristic is given) from one node to a target, avoiding
 * blocked nodes and edges. The heuristic must be a lower bound of the remaining distance that is
 * consistent, such as the exact distances on the unblocked graph: blocking only lengthens paths.
 */
class Search {
  readonly #graph: Digraph;
  readonly #g: Float64Array;
  readonly #pred: Int32Array;
  readonly #stamp: Int32Array;
  readonly #closed: Int32Array;
  readonly #heap = new MinHeap();
  #round = 0;

  constructor(graph: Digraph) {
    this.#graph = graph;
    this.#g = new Float64Array(graph.nodeCount);
    this.#pred = new Int32Array(graph.nodeCount);
    this.#stamp = new Int32Array(graph.nodeCount);
    this.#closed = new Int32Array(graph.nodeCount);
  }

  run(
    source: number,
    target: number,
    heuristic: Float64Array | undefined,
    blockedNodes: Uint8Array,
    blockedEdges: ReadonlySet<number>,
  ): WeightedPath | undefined {
    const { outStart, outEdges, to, weight } = this.#graph;
    const g = this.#g;
    const pred = this.#pred;
    const stamp = this.#stamp;
    const closed = this.#closed;
    const heap = this.#heap;
    const round = (this.#round += 1);
    const h = (v: number): number => (heuristic === undefined ? 0 : (heuristic[v] ?? 0));
    if (!Number.isFinite(h(source))) return undefined;
    heap.clear();
    g[source] = 0;
    pred[source] = -1;
    stamp[source] = round;
    heap.push(source, h(source), h(source));
    while (heap.size > 0) {
      const v = heap.pop();
      if (closed[v] === round) continue;
      closed[v] = round;
      if (v === target) return this.#path(source, target);
      const gv = g[v] ?? 0;
      const end = outStart[v + 1] ?? 0;
      for (let i = outStart[v] ?? 0; i < end; i += 1) {
        const e = outEdges[i] ?? 0;
        const u = to[e] ?? 0;
        if (blockedNodes[u] === 1 || closed[u] === round || blockedEdges.has(e)) continue;
        const hu = h(u);
        if (!Number.isFinite(hu)) continue;
        const candidate = gv + (weight[e] ?? 0);
        if (stamp[u] !== round || candidate < (g[u] ?? 0)) {
          stamp[u] = round;
          g[u] = candidate;
          pred[u] = e;
          heap.push(u, candidate + hu, hu);
        }
      }
    }
    return undefined;
  }

  #path(source: number, target: number): WeightedPath {
    const edges: number[] = [];
    for (let v = target; v !== source;) {
      const e = this.#pred[v] ?? -1;
      edges.push(e);
      v = this.#graph.from[e] ?? source;
    }
    edges.reverse();
    return assemble(this.#graph, source, edges);
  }
}

function assemble(graph: Digraph, source: number, edges: readonly number[]): WeightedPath {
  const nodes = [source];
  let cost = 0;
  for (const e of edges) {
    nodes.push(graph.to[e] ?? 0);
    cost += graph.weight[e] ?? 0;
  }
  return { nodes, edges, cost };
}

/** Orders paths by cost, then by their node sequences (lexicographically). */
export function comparePaths(a: WeightedPath, b: WeightedPath): number {
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  const length = Math.min(a.nodes.length, b.nodes.length);
  for (let i = 0; i < length; i += 1) {
    const d = (a.nodes[i] ?? 0) - (b.nodes[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.nodes.length - b.nodes.length;
}

const samePrefix = (a: readonly number[], b: readonly number[], length: number): boolean => {
  if (a.length < length || b.length < length) return false;
  for (let i = 0; i < length; i += 1) if (a[i] !== b[i]) return false;
  return true;
};

export interface KShortestOptions {
  /** Exact distances to the target on the whole graph (`distancesTo`): speeds up every search. */
  readonly heuristic?: Float64Array;
}

/**
 * The `k` shortest simple paths from `source` to `target`, shortest first (Yen's algorithm over
 * an A* search, i.e. Dijkstra guided by a heuristic, on a binary heap). Ties are broken by node sequence, so the result is stable.
 */
export function kShortestPaths(
  graph: Digraph,
  source: number,
  target: number,
  k: number,
  options: KShortestOptions = {},
): readonly WeightedPath[] {
  if (k <= 0 || source === target) return [];
  const search = new Search(graph);
  const blockedNodes = new Uint8Array(graph.nodeCount);
  const first = search.run(source, target, options.heuristic, blockedNodes, new Set());
  if (first === undefined) return [];
  const found: WeightedPath[] = [first];
  const candidates: WeightedPath[] = [];
  const seen = new Set([first.nodes.join(',')]);
  while (found.length < k) {
    const previous = found[found.length - 1] ?? first;
    for (let i = 0; i < previous.nodes.length - 1; i += 1) {
      const spur = previous.nodes[i] ?? 0;
      const blockedEdges = new Set<number>();
      for (const path of found) {
        if (samePrefix(path.nodes, previous.nodes, i + 1)) blockedEdges.add(path.edges[i] ?? -1);
      }
      for (let j = 0; j < i; j += 1) blockedNodes[previous.nodes[j] ?? 0] = 1;
      const tail = search.run(spur, target, options.heuristic, blockedNodes, blockedEdges);
      for (let j = 0; j < i; j += 1) blockedNodes[previous.nodes[j] ?? 0] = 0;
      if (tail === undefined) continue;
      const path = assemble(graph, source, [...previous.edges.slice(0, i), ...tail.edges]);
      const key = path.nodes.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(path);
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let c = 1; c < candidates.length; c += 1) {
      if (comparePaths(candidates[c] as WeightedPath, candidates[best] as WeightedPath) < 0)
        best = c;
    }
    found.push(candidates.splice(best, 1)[0] as WeightedPath);
  }
  return found;
}
