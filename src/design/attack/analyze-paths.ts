import { compareIds } from '../../domain/compare.js';
import type { ModelGraph } from '../../model/graph.js';
import { analyseNeeds, type NeedsAnalysis } from '../needs.js';
import { buildAttackGraph, type AttackGraph, type AttackNode } from './attack-graph.js';
import { buildCutNetwork, minimumCut, pruneElements } from './choke-points.js';
import { describeSegment, elementOf, segmentsOf, type AttackStep } from './explain.js';
import { distancesTo, kShortestPaths, pathTo, type WeightedPath } from './k-shortest.js';
import { findThreatSources, type ThreatSource } from './sources.js';
import { rankChokePoints, type ChokePoint } from './rank-choke-points.js';
import { findTargets, type AttackTarget } from './targets.js';

export type { ChokePoint } from './rank-choke-points.js';

export interface AttackPathOptions {
  /** Propagated needs, when already computed. */
  readonly needs?: NeedsAnalysis;
  /** Most likely paths kept per target (default 3). */
  readonly k?: number;
  /** Keep only the most valuable targets. */
  readonly maxTargets?: number;
  /** Restrict to these target asset ids. */
  readonly targets?: readonly string[];
  /** Restrict to these source ids. */
  readonly sources?: readonly string[];
  /** ISO date, to tell unsupported software (none is without it). */
  readonly today?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** How an attacker gets from a source to a target, step by step. */
export interface AttackPath {
  readonly source: string;
  readonly target: string;
  /** 1 for the most likely path to this target. */
  readonly rank: number;
  /** Probability that every step succeeds: the product of their probabilities. */
  readonly score: number;
  readonly steps: readonly AttackStep[];
}

/** The minimum cut of one target. */
export interface TargetCut {
  readonly target: string;
  /** Choke point ids: cutting all of them disconnects every cuttable source from the target. */
  readonly elements: readonly string[];
  /** Sources that reach the target through nothing cuttable (the target itself must be hardened). */
  readonly uncuttableSources: readonly string[];
}

export interface AttackPathAnalysis {
  readonly sources: readonly ThreatSource[];
  readonly targets: readonly AttackTarget[];
  /** Sorted by score (most likely first), then target, source. */
  readonly paths: readonly AttackPath[];
  readonly cuts: readonly TargetCut[];
  /** One cut against every source but insiders, for the targets they all can be cut from. */
  readonly overallCut: {
    readonly elements: readonly string[];
    readonly targets: readonly string[];
  };
  /**
   * Cut elements that cut at least one path: those no cheaper element replaces first, then by
   * paths cut, cost class and targets protected.
   */
  readonly chokePoints: readonly ChokePoint[];
}

function selectTargets(
  all: readonly AttackTarget[],
  graph: AttackGraph,
  options: AttackPathOptions,
): AttackTarget[] {
  const wanted = options.targets === undefined ? undefined : new Set(options.targets);
  const kept = all.filter(
    (t) => (wanted === undefined || wanted.has(t.id)) && graph.indexOf.has(t.id),
  );
  return options.maxTargets === undefined ? kept : kept.slice(0, Math.max(0, options.maxTargets));
}

function attackerEdge(graph: AttackGraph, source: number): number {
  const { outStart, outEdges, to } = graph.digraph;
  for (let i = outStart[graph.attacker] ?? 0; i < (outStart[graph.attacker + 1] ?? 0); i += 1) {
    const edge = outEdges[i] ?? 0;
    if (to[edge] === source) return edge;
  }
  return -1;
}

/** What tells two paths apart: each step's places and means (kind, technique, via, route). */
function stepsKey(model: ModelGraph, graph: AttackGraph, path: WeightedPath): string {
  return segmentsOf(graph, path.nodes)
    .map((segment) => {
      const step = describeSegment(model, segment);
      return `${step.from}>${step.to}:${step.kind}:${step.technique.id}:${step.via}:${step.route ?? ''}`;
    })
    .join('|');
}

/** Paths to one target: the k most likely, then the best one of each source not yet among them. */
function pathsTo(model: ModelGraph, graph: AttackGraph, target: number, k: number): WeightedPath[] {
  const tree = distancesTo(graph.digraph, target);
  // Paths that differ only in hubs the steps do not tell apart (a group's right on the asset
  // and on its zone) read as duplicates: ask for more, keep the first k that differ in a step.
  const seen = new Set<string>();
  const top: WeightedPath[] = [];
  for (const path of kShortestPaths(graph.digraph, graph.attacker, target, k * 3, {
    heuristic: tree.dist,
  })) {
    const key = stepsKey(model, graph, path);
    if (seen.has(key)) continue;
    seen.add(key);
    top.push(path);
    if (top.length === k) break;
  }
  const covered = new Set(top.map((p) => p.nodes[1]));
  for (const source of graph.sources) {
    const node = graph.indexOf.get(source.id);
    if (node === undefined || covered.has(node)) continue;
    const best = pathTo(graph.digraph, tree, node);
    if (best === undefined) continue;
    const edge = attackerEdge(graph, node);
    top.push({
      nodes: [graph.attacker, ...best.nodes],
      edges: [edge, ...best.edges],
      cost: best.cost,
    });
  }
  return top;
}

/**
 * For each element id: the node standing for it (its own, else its first lane copy) and, for
 * elements with lane copies, all their nodes (the others are one node: their id).
 */
function indexElements(graph: AttackGraph): {
  node: (element: string) => AttackNode | undefined;
  nodes: Map<string, number[]>;
} {
  const nodes = new Map<string, number[]>();
  graph.nodes.forEach((n, v) => {
    if (n.element !== undefined) nodes.set(n.element, [...(nodes.get(n.element) ?? []), v]);
  });
  for (const [element, list] of nodes) {
    const own = graph.indexOf.get(element);
    if (own !== undefined) list.unshift(own);
  }
  const node = (element: string): AttackNode | undefined =>
    graph.nodes[graph.indexOf.get(element) ?? nodes.get(element)?.[0] ?? -1];
  return { node, nodes };
}

function toAttackPath(
  model: ModelGraph,
  graph: AttackGraph,
  path: WeightedPath,
  rank: number,
): AttackPath {
  const steps = segmentsOf(graph, path.nodes).map((segment) => describeSegment(model, segment));
  return {
    source: graph.nodes[path.nodes[1] ?? 0]?.id ?? '',
    target: graph.nodes[path.nodes[path.nodes.length - 1] ?? 0]?.id ?? '',
    rank,
    score: steps.reduce((p, s) => p * s.probability, 1),
    steps,
  };
}

function comparePathsOut(a: AttackPath, b: AttackPath): number {
  return (
    b.score - a.score ||
    compareIds(a.target, b.target) ||
    a.rank - b.rank ||
    compareIds(a.source, b.source)
  );
}

/**
 * Attack paths from the threat sources to the crown jewels of a model, and the choke points
 * that cut them. For each target: the `k` most likely paths (and the best path of each other
 * source that reaches it), its minimum cut; then one minimum cut for all targets, and the cut
 * elements ranked by the number of paths they cut. Deterministic; the result is plain JSON.
 */
export function analyseAttackPaths(
  model: ModelGraph,
  options: AttackPathOptions = {},
): AttackPathAnalysis {
  const needs = options.needs ?? analyseNeeds(model);
  const wanted = options.sources === undefined ? undefined : new Set(options.sources);
  const sources = findThreatSources(model).filter((s) => wanted === undefined || wanted.has(s.id));
  const graph = buildAttackGraph(
    model,
    sources,
    options.today === undefined ? {} : { today: options.today },
  );
  const targets = selectTargets(findTargets(model, needs), graph, options);
  const targetNodes = targets.map((t) => graph.indexOf.get(t.id) ?? -1);
  const network = buildCutNetwork(graph, targetNodes);
  const k = options.k ?? 3;
  const paths: AttackPath[] = [];
  const cuts: TargetCut[] = [];
  const idOf = (v: number): string => graph.nodes[v]?.id ?? '';
  const elements = indexElements(graph);
  // lane copies of one element are one choke point
  const elementsOf = (
    cut: { elements: readonly number[]; uncuttableSources: readonly number[] },
    at: readonly number[],
    blocked: readonly number[] = [],
  ): string[] => {
    const ids = new Set(
      cut.elements
        .map((v) => graph.nodes[v])
        .filter((n) => n !== undefined)
        .map(elementOf),
    );
    const blockedAll = [...cut.uncuttableSources, ...blocked];
    return pruneElements(graph, elements.nodes, [...ids].sort(compareIds), at, blockedAll);
  };
  targetNodes.forEach((target, i) => {
    pathsTo(model, graph, target, k).forEach((path, rank) =>
      paths.push(toAttackPath(model, graph, path, rank + 1)),
    );
    const cut = minimumCut(graph, network, [target]);
    cuts.push({
      target: idOf(target),
      elements: elementsOf(cut, [target]),
      uncuttableSources: cut.uncuttableSources.map(idOf).sort(compareIds),
    });
    options.onProgress?.(i + 1, targetNodes.length);
  });
  // insiders abusing their own rights cannot be cut: the overall cut is against the others,
  // for the targets none of them reaches through nothing cuttable
  const external = (v: number): boolean => graph.nodes[v]?.id.startsWith('insider:') !== true;
  const cuttable = targetNodes.filter((_, i) =>
    (cuts[i]?.uncuttableSources ?? []).every((s) => s.startsWith('insider:')),
  );
  const overall =
    cuttable.length === 0
      ? { elements: [], uncuttableSources: [] }
      : minimumCut(graph, network, cuttable, external);
  const insiders = graph.sources
    .map((source) => graph.indexOf.get(source.id) ?? -1)
    .filter((v) => v >= 0 && !external(v));
  const overallElements = elementsOf(overall, cuttable, insiders);
  paths.sort(comparePathsOut);
  return {
    sources,
    targets,
    paths,
    cuts,
    overallCut: { elements: overallElements, targets: cuttable.map(idOf).sort(compareIds) },
    chokePoints: rankChokePoints({
      model,
      nodeOf: elements.node,
      cuts,
      overall: new Set(overallElements),
      paths,
    }),
  };
}
