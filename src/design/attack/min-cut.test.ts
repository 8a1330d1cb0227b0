import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowNetwork, type CapacityEdge } from './min-cut.js';

/** True when `sink` can be reached from `source` without the removed edges. */
function connected(
  n: number,
  edges: readonly CapacityEdge[],
  removed: ReadonlySet<number>,
  source: number,
  sink: number,
): boolean {
  const seen = new Set([source]);
  const queue = [source];
  for (let v = queue.shift(); v !== undefined; v = queue.shift()) {
    if (v === sink) return true;
    edges.forEach((edge, e) => {
      if (edge.from === v && !removed.has(e) && edge.capacity > 0 && !seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    });
  }
  return false;
}

const networks = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: n - 1 }),
        to: fc.integer({ min: 0, max: n - 1 }),
        capacity: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: n * 4 },
    ),
  }),
);

describe('FlowNetwork', () => {
  it('finds a cut whose capacity is the maximum flow and that disconnects the sink', () => {
    fc.assert(
      fc.property(networks, ({ n, edges }) => {
        const network = new FlowNetwork(n, edges);
        const cut = network.minCut(0, n - 1);
        const capacity = cut.edges.reduce((sum, e) => sum + edges[e]!.capacity, 0);
        expect(capacity).toBe(cut.value);
        expect(connected(n, edges, new Set(cut.edges), 0, n - 1)).toBe(false);
        // removing any cheaper set is not enough: the value is at most any s–t cut, e.g. all edges out of s
        const out = edges.reduce(
          (sum, e) => sum + (e.from === 0 && e.to !== 0 ? e.capacity : 0),
          0,
        );
        expect(cut.value).toBeLessThanOrEqual(out);
      }),
      { numRuns: 300 },
    );
  });

  it('computes the textbook example (value 23) and can be run again after a capacity change', () => {
    const edges: CapacityEdge[] = [
      { from: 0, to: 1, capacity: 16 },
      { from: 0, to: 2, capacity: 13 },
      { from: 2, to: 1, capacity: 4 },
      { from: 1, to: 3, capacity: 12 },
      { from: 3, to: 2, capacity: 9 },
      { from: 2, to: 4, capacity: 14 },
      { from: 4, to: 3, capacity: 7 },
      { from: 3, to: 5, capacity: 20 },
      { from: 4, to: 5, capacity: 4 },
    ];
    const network = new FlowNetwork(6, edges);
    expect(network.minCut(0, 5).value).toBe(23);
    network.setCapacity(7, 0);
    expect(network.minCut(0, 5).value).toBe(4);
    network.setCapacity(7, 20);
    expect(network.minCut(0, 5).value).toBe(23);
  });

  it('keeps infinite edges out of the cut and reports an infinite flow when nothing can be cut', () => {
    const inf = Number.POSITIVE_INFINITY;
    const network = new FlowNetwork(3, [
      { from: 0, to: 1, capacity: inf },
      { from: 1, to: 2, capacity: 1 },
    ]);
    expect(network.minCut(0, 2)).toMatchObject({ value: 1, edges: [1] });
    const uncuttable = new FlowNetwork(2, [{ from: 0, to: 1, capacity: inf }]);
    expect(uncuttable.minCut(0, 1).value).toBe(inf);
  });
});
