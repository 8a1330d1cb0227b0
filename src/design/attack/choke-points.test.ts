import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../../test/support/model.js';
import { analyseNeeds } from '../needs.js';
import { buildAttackGraph, type AttackGraph } from './attack-graph.js';
import { buildCutNetwork, minimumCut } from './choke-points.js';
import { findThreatSources } from './sources.js';
import { findTargets } from './targets.js';

/** True when the attacker still reaches `target` without the removed nodes. */
function reaches(graph: AttackGraph, removed: ReadonlySet<number>, target: number): boolean {
  const { outStart, outEdges, to } = graph.digraph;
  const seen = new Set([graph.attacker]);
  const queue = [graph.attacker];
  for (let v = queue.shift(); v !== undefined; v = queue.shift()) {
    if (v === target) return true;
    for (let i = outStart[v]!; i < outStart[v + 1]!; i += 1) {
      const u = to[outEdges[i]!]!;
      if (seen.has(u) || removed.has(u)) continue;
      seen.add(u);
      queue.push(u);
    }
  }
  return false;
}

describe('minimumCut on the demo attack graph', () => {
  const { graph: model } = exampleModel('forges-de-l-est');
  const graph = buildAttackGraph(model, findThreatSources(model), { today: '2026-11-28' });
  const targets = findTargets(model, analyseNeeds(model)).map((t) => graph.indexOf.get(t.id)!);
  const network = buildCutNetwork(graph, targets);

  it('disconnects every target from every cuttable source, with cuttable elements only', () => {
    for (const target of targets) {
      const cut = minimumCut(graph, network, [target]);
      for (const node of cut.elements) {
        expect(graph.nodes[node]?.cost).toBeGreaterThan(0);
        expect(graph.nodes[node]?.cost).toBeLessThanOrEqual(1);
      }
      const removed = new Set([...cut.elements, ...cut.uncuttableSources]);
      expect(reaches(graph, removed, target)).toBe(false);
      // the cut is minimal: putting back any one element reopens a path
      for (const node of cut.elements) {
        const without = new Set(removed);
        without.delete(node);
        expect(reaches(graph, without, target)).toBe(true);
      }
    }
  });

  it('cuts all targets at once with one overall cut', () => {
    const cuttable = targets.filter(
      (t) => minimumCut(graph, network, [t]).uncuttableSources.length === 0,
    );
    const cut = minimumCut(graph, network, cuttable);
    const removed = new Set(cut.elements);
    for (const target of cuttable) expect(reaches(graph, removed, target)).toBe(false);
  });
});
