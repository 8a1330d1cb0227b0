/**
 * A weighted directed graph in compressed sparse row form, both ways: what the path and cut
 * algorithms walk. Node and edge indices are dense integers.
 */
export interface Digraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Edge `e` goes from `from[e]` to `to[e]` with `weight[e]` (≥ 0). */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
  /** Outgoing edges of `v`: `outEdges[outStart[v] … outStart[v + 1] - 1]`, by insertion order. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
}

function index(nodeCount: number, keys: Int32Array): { start: Int32Array; edges: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  for (const key of keys) start[key + 1] = (start[key + 1] ?? 0) + 1;
  for (let v = 0; v < nodeCount; v += 1) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
  const fill = start.slice(0, nodeCount);
  const edges = new Int32Array(keys.length);
  for (let e = 0; e < keys.length; e += 1) {
    const key = keys[e] ?? 0;
    edges[fill[key] ?? 0] = e;
    fill[key] = (fill[key] ?? 0) + 1;
  }
  return { start, edges };
}

/** Builds the two-way index of a list of edges. */
export function buildDigraph(
  nodeCount: number,
  edges: readonly { readonly from: number; readonly to: number; readonly weight: number }[],
): Digraph {
  const from = Int32Array.from(edges, (e) => e.from);
  const to = Int32Array.from(edges, (e) => e.to);
  const weight = Float64Array.from(edges, (e) => e.weight);
  const out = index(nodeCount, from);
  const inward = index(nodeCount, to);
  return {
    nodeCount,
    edgeCount: edges.length,
    from,
    to,
    weight,
    outStart: out.start,
    outEdges: out.edges,
    inStart: inward.start,
    inEdges: inward.edges,
  };
}
