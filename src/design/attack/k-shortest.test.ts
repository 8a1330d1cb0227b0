import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDigraph, type Digraph } from './digraph.js';
import { distancesTo, kShortestPaths, pathTo, type WeightedPath } from './k-shortest.js';

type Edge = { from: number; to: number; weight: number };

/** Every simple path from `source` to `target`, by depth-first search. */
function allSimplePaths(graph: Digraph, source: number, target: number): WeightedPath[] {
  const result: WeightedPath[] = [];
  const nodes = [source];
  const edges: number[] = [];
  const visit = (v: number, cost: number): void => {
    if (v === target) {
      result.push({ nodes: [...nodes], edges: [...edges], cost });
      return;
    }
    for (let i = graph.outStart[v]!; i < graph.outStart[v + 1]!; i += 1) {
      const e = graph.outEdges[i]!;
      const u = graph.to[e]!;
      if (nodes.includes(u)) continue;
      nodes.push(u);
      edges.push(e);
      visit(u, cost + graph.weight[e]!);
      nodes.pop();
      edges.pop();
    }
  };
  if (source !== target) visit(source, 0);
  return result.sort((a, b) => a.cost - b.cost);
}

/** Random graphs without parallel edges: distinct weights make the ranking unique. */
const graphs = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(
        fc.record({
          from: fc.integer({ min: 0, max: n - 1 }),
          to: fc.integer({ min: 0, max: n - 1 }),
          weight: fc.double({ min: 0.01, max: 5, noNaN: true }),
        }),
        { maxLength: n * 4, selector: (e) => `${e.from}-${e.to}` },
      ),
      k: fc.integer({ min: 1, max: 6 }),
    }),
  )
  .map(({ n, edges, k }) => ({ n, k, edges: edges.filter((e) => e.from !== e.to) }));

describe('kShortestPaths', () => {
  it('finds the k cheapest simple paths, like a brute force enumeration (with cycles)', () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, k }) => {
        const graph = buildDigraph(n, edges);
        const expected = allSimplePaths(graph, 0, n - 1).slice(0, k);
        const found = kShortestPaths(graph, 0, n - 1, k);
        expect(found.map((p) => p.cost)).toEqual(
          expected.map((p) => expect.closeTo(p.cost, 9) as number),
        );
        const withHeuristic = kShortestPaths(graph, 0, n - 1, k, {
          heuristic: distancesTo(graph, n - 1).dist,
        });
        expect(withHeuristic.map((p) => p.cost)).toEqual(
          expected.map((p) => expect.closeTo(p.cost, 9) as number),
        );
        for (const path of found) expect(new Set(path.nodes).size).toBe(path.nodes.length);
      }),
      { numRuns: 300 },
    );
  });

  it('returns the same paths as brute force when costs are distinct', () => {
    const edges: Edge[] = [
      { from: 0, to: 1, weight: 1 },
      { from: 1, to: 3, weight: 1.5 },
      { from: 0, to: 2, weight: 2 },
      { from: 2, to: 3, weight: 1.25 },
      { from: 1, to: 2, weight: 0.1 },
      { from: 2, to: 1, weight: 0.2 },
      { from: 3, to: 0, weight: 0.3 },
    ];
    const graph = buildDigraph(4, edges);
    expect(kShortestPaths(graph, 0, 3, 10).map((p) => p.nodes)).toEqual([
      [0, 1, 2, 3],
      [0, 1, 3],
      [0, 2, 3],
      [0, 2, 1, 3],
    ]);
  });

  it('breaks ties by node sequence', () => {
    const graph = buildDigraph(4, [
      { from: 0, to: 2, weight: 1 },
      { from: 0, to: 1, weight: 1 },
      { from: 2, to: 3, weight: 1 },
      { from: 1, to: 3, weight: 1 },
    ]);
    expect(kShortestPaths(graph, 0, 3, 2).map((p) => p.nodes)).toEqual([
      [0, 1, 3],
      [0, 2, 3],
    ]);
  });

  it('returns nothing for an unreachable target, k = 0 or source = target', () => {
    const graph = buildDigraph(3, [{ from: 0, to: 1, weight: 1 }]);
    expect(kShortestPaths(graph, 0, 2, 3)).toEqual([]);
    expect(kShortestPaths(graph, 0, 1, 0)).toEqual([]);
    expect(kShortestPaths(graph, 1, 1, 3)).toEqual([]);
    expect(pathTo(graph, distancesTo(graph, 2), 0)).toBeUndefined();
  });

  it('follows the reverse shortest-path tree from any node', () => {
    const graph = buildDigraph(3, [
      { from: 0, to: 1, weight: 1 },
      { from: 1, to: 2, weight: 1 },
      { from: 0, to: 2, weight: 3 },
    ]);
    const tree = distancesTo(graph, 2);
    expect([...tree.dist]).toEqual([2, 1, 0]);
    expect(pathTo(graph, tree, 0)).toEqual({ nodes: [0, 1, 2], edges: [0, 1], cost: 2 });
  });
});
