import type { AttackGraph } from './attack-graph.js';
import { FlowNetwork, type CapacityEdge } from './min-cut.js';

/**
 * The attack graph as a flow network for minimum cuts: every cuttable node `v` is split into
 * `v` (in) and `n + v` (out) joined by an edge of its cost (or, with one edge in and one out,
 * contracted into one edge of its cost); every other edge has infinite capacity. A super sink `2n` is linked from every target, for
 * the overall cut.
 */
export interface CutNetwork {
  readonly network: FlowNetwork;
  readonly sink: number;
  /** Network edge of attacker → source, by source node. */
  readonly sourceEdges: ReadonlyMap<number, number>;
  /** Network edge of target → super sink, by target node (capacity 0 until enabled). */
  readonly sinkEdges: ReadonlyMap<number, number>;
  /** Cuttable node of each split or contracted edge. */
  readonly splitNodes: ReadonlyMap<number, number>;
}

/** Result of one minimum cut in the attack graph. */
export interface AttackCut {
  /** Node indices of the cut elements (sorted). */
  readonly elements: readonly number[];
  /** Sources that reach the targets through nothing cuttable (left out of the cut). */
  readonly uncuttableSources: readonly number[];
}

export function buildCutNetwork(graph: AttackGraph, targets: readonly number[]): CutNetwork {
  const n = graph.nodes.length;
  const { outStart, inStart, outEdges, inEdges } = graph.digraph;
  const degree = (start: Int32Array, v: number): number => (start[v + 1] ?? 0) - (start[v] ?? 0);
  // a cuttable hub with one way in and one way out, between two uncuttable nodes, is
  // contracted into one edge of its cost (most flows between two assets)
  const isCuttable = (v: number): boolean => graph.nodes[v]?.cost !== undefined;
  const contracted = (v: number): boolean => {
    if (!isCuttable(v) || degree(inStart, v) !== 1 || degree(outStart, v) !== 1) return false;
    const before = graph.digraph.from[inEdges[inStart[v] ?? 0] ?? 0] ?? 0;
    const after = graph.digraph.to[outEdges[outStart[v] ?? 0] ?? 0] ?? 0;
    return !isCuttable(before) && !isCuttable(after);
  };
  const edges: CapacityEdge[] = [];
  const splitNodes = new Map<number, number>();
  const out = (v: number): number => (graph.nodes[v]?.cost === undefined ? v : n + v);
  graph.nodes.forEach((node, v) => {
    if (node.cost === undefined || contracted(v)) return;
    splitNodes.set(edges.length, v);
    edges.push({ from: v, to: n + v, capacity: node.cost });
  });
  const sourceEdges = new Map<number, number>();
  for (const edge of graph.edges) {
    if (contracted(edge.to)) {
      const next = graph.edges[outEdges[outStart[edge.to] ?? 0] ?? 0];
      if (next === undefined) continue;
      splitNodes.set(edges.length, edge.to);
      edges.push({ from: out(edge.from), to: next.to, capacity: graph.nodes[edge.to]?.cost ?? 1 });
      continue;
    }
    if (contracted(edge.from) && inEdges[inStart[edge.from] ?? 0] !== undefined) continue;
    if (edge.from === graph.attacker) sourceEdges.set(edge.to, edges.length);
    edges.push({ from: out(edge.from), to: edge.to, capacity: Number.POSITIVE_INFINITY });
  }
  const sink = 2 * n;
  const sinkEdges = new Map<number, number>();
  for (const target of targets) {
    sinkEdges.set(target, edges.length);
    edges.push({ from: out(target), to: sink, capacity: 0 });
  }
  return { network: new FlowNetwork(2 * n + 1, edges), sink, sourceEdges, sinkEdges, splitNodes };
}

/** Sources that reach one of the targets through uncuttable nodes only. */
export function uncuttableSources(graph: AttackGraph, targets: readonly number[]): number[] {
  const { inStart, inEdges, from } = graph.digraph;
  const seen = new Uint8Array(graph.nodes.length);
  const queue = [...targets];
  for (const target of targets) seen[target] = 1;
  const result: number[] = [];
  for (let head = 0; head < queue.length; head += 1) {
    const v = queue[head] ?? 0;
    if (graph.nodes[v]?.kind === 'source') {
      result.push(v);
      continue;
    }
    for (let i = inStart[v] ?? 0; i < (inStart[v + 1] ?? 0); i += 1) {
      const u = from[inEdges[i] ?? 0] ?? 0;
      const node = graph.nodes[u];
      if (seen[u] === 1 || node === undefined || node.cost !== undefined || u === graph.attacker)
        continue;
      seen[u] = 1;
      queue.push(u);
    }
  }
  return result.sort((a, b) => a - b);
}

/**
 * The smallest set of cuttable elements that disconnects every source (but those that reach a
 * target through nothing cuttable) from the targets: a minimum cut found by maximum flow.
 */
export function minimumCut(
  graph: AttackGraph,
  cut: CutNetwork,
  targets: readonly number[],
  isAllowed: (source: number) => boolean = () => true,
): AttackCut {
  const { network } = cut;
  const excluded = uncuttableSources(graph, targets).filter(isAllowed);
  const disabled = [...excluded, ...[...cut.sourceEdges.keys()].filter((s) => !isAllowed(s))];
  const touched: number[] = [];
  for (const source of disabled) {
    const edge = cut.sourceEdges.get(source);
    if (edge !== undefined) {
      network.setCapacity(edge, 0);
      touched.push(edge);
    }
  }
  for (const target of targets) {
    const edge = cut.sinkEdges.get(target);
    if (edge !== undefined) network.setCapacity(edge, Number.POSITIVE_INFINITY);
  }
  const result = network.minCut(graph.attacker, cut.sink);
  for (const edge of touched) network.setCapacity(edge, Number.POSITIVE_INFINITY);
  for (const target of targets) {
    const edge = cut.sinkEdges.get(target);
    if (edge !== undefined) network.setCapacity(edge, 0);
  }
  const elements = result.edges
    .map((edge) => cut.splitNodes.get(edge))
    .filter((node) => node !== undefined)
    .sort((a, b) => a - b);
  return { elements, uncuttableSources: excluded };
}

/**
 * Drops the elements of a cut that the others make useless. Cutting an element cuts all its
 * lane copies (`elementNodes`, for elements that have copies; the others are their own id), which a minimum cut of nodes counts one by one: the cut it
 * finds may hold an element whose paths another element of the cut already stops. Elements
 * with fewer copies are tried first; `blocked` are sources left out of the cut.
 */
export function pruneElements(
  graph: AttackGraph,
  elementNodes: ReadonlyMap<string, readonly number[]>,
  elements: readonly string[],
  targets: readonly number[],
  blocked: readonly number[],
): string[] {
  const nodesOf = (e: string): readonly number[] => {
    const own = graph.indexOf.get(e);
    return elementNodes.get(e) ?? (own === undefined ? [] : [own]);
  };
  if (elements.every((e) => nodesOf(e).length <= 1)) return [...elements];
  const kept = new Set(elements);
  const order = [...elements].sort(
    (a, b) => nodesOf(a).length - nodesOf(b).length || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const element of order) {
    kept.delete(element);
    const removed = new Uint8Array(graph.nodes.length);
    for (const e of kept) for (const v of nodesOf(e)) removed[v] = 1;
    for (const v of blocked) removed[v] = 1;
    if (reachesAny(graph, removed, targets)) kept.add(element);
  }
  return elements.filter((e) => kept.has(e));
}

function reachesAny(graph: AttackGraph, removed: Uint8Array, targets: readonly number[]): boolean {
  const { outStart, outEdges, to } = graph.digraph;
  const wanted = new Set(targets);
  const seen = new Uint8Array(graph.nodes.length);
  const queue = [graph.attacker];
  seen[graph.attacker] = 1;
  for (let head = 0; head < queue.length; head += 1) {
    const v = queue[head] ?? 0;
    if (wanted.has(v)) return true;
    for (let i = outStart[v] ?? 0; i < (outStart[v + 1] ?? 0); i += 1) {
      const u = to[outEdges[i] ?? 0] ?? 0;
      if (seen[u] === 1 || removed[u] === 1) continue;
      seen[u] = 1;
      queue.push(u);
    }
  }
  return false;
}
