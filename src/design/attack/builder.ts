import type { ModelGraph } from '../../model/graph.js';
import { isInZoneKind } from '../../model/predicates.js';
import type { AttackEdge, AttackEdgeKind, AttackNode, AttackNodeKind } from './attack-graph.js';
import type { Exploitability, Factor } from './exploitability.js';
import type { ThreatSource } from './sources.js';
import type { TechniqueId } from './techniques.js';

/** -ln p, with 0 for certainty. */
export const weightOf = (p: number): number => (p >= 1 ? 0 : -Math.log(p));

/** Collects nodes and edges; between the same two nodes only the most likely edge is kept. */
export class Builder {
  readonly nodes: AttackNode[] = [];
  readonly edges: AttackEdge[] = [];
  readonly indexOf = new Map<string, number>();
  readonly #edgeKeys = new Map<number, number>();

  node(node: AttackNode): number {
    const existing = this.indexOf.get(node.id);
    if (existing !== undefined) return existing;
    this.nodes.push(node);
    this.indexOf.set(node.id, this.nodes.length - 1);
    return this.nodes.length - 1;
  }

  hub(kind: AttackNodeKind, key: string, entity: string, extra: Partial<AttackNode> = {}): number {
    return this.node({ id: `${kind}:${key}`, kind, entity, cost: 1, ...extra });
  }

  /**
   * A copy of a cuttable element for one lane of the graph (the credentials of one identity
   * held in one place): paths keep their lane through it, and it names the element it copies.
   */
  alias(
    element: string,
    lane: string,
    kind: AttackNodeKind,
    entity: string,
    extra: Partial<AttackNode> = {},
  ): number {
    return this.node({ id: `${element}~${lane}`, kind, entity, cost: 1, element, ...extra });
  }

  edge(
    from: number,
    to: number,
    kind: AttackEdgeKind,
    how: Exploitability | { probability: number; technique?: TechniqueId; factors?: Factor[] },
  ): void {
    if (from === to) return;
    const key = from * 2 ** 26 + to;
    const edge: AttackEdge = {
      from,
      to,
      kind,
      probability: how.probability,
      weight: weightOf(how.probability),
      technique: how.technique,
      factors: how.factors ?? [],
    };
    const existing = this.#edgeKeys.get(key);
    if (existing === undefined) {
      this.#edgeKeys.set(key, this.edges.length);
      this.edges.push(edge);
    } else if ((this.edges[existing]?.probability ?? 1) < edge.probability) {
      this.edges[existing] = edge;
    }
  }
}

/** Where a model endpoint (asset or zone) puts the attacker, with each node's prior. */
export class Endpoints {
  readonly #graph: ModelGraph;
  readonly #builder: Builder;
  readonly #zoneAssets = new Map<string, readonly number[]>();
  /** Sources standing in a zone or one of its sub-zones, by zone. */
  readonly #zoneSources = new Map<string, { node: number; prior: number }[]>();
  readonly #internet: { node: number; prior: number } | undefined;

  constructor(graph: ModelGraph, builder: Builder, sources: readonly ThreatSource[]) {
    this.#graph = graph;
    this.#builder = builder;
    let internet: { node: number; prior: number } | undefined;
    for (const source of sources) {
      const node = builder.indexOf.get(source.id);
      if (node === undefined) continue;
      if (source.kind === 'internet') internet = { node, prior: source.likelihood };
      for (const zone of source.zones) {
        for (const around of [zone, ...graph.zoneAncestors(zone)]) {
          const list = this.#zoneSources.get(around) ?? [];
          list.push({ node, prior: source.likelihood });
          this.#zoneSources.set(around, list);
        }
      }
    }
    this.#internet = internet;
  }

  /** Asset nodes an endpoint stands for (a zone: its assets and its sub-zones'). */
  destinations(id: string): readonly number[] {
    if (this.#graph.asset(id) !== undefined) return [this.#asset(id)];
    if (this.#graph.zone(id) === undefined) return [];
    let assets = this.#zoneAssets.get(id);
    if (assets === undefined) {
      assets = this.#graph.assetsOfZone(id).map((a) => this.#asset(a));
      this.#zoneAssets.set(id, assets);
    }
    return assets;
  }

  /** Nodes that can act from an endpoint: its assets, and sources standing there. */
  initiators(id: string): readonly { node: number; prior: number }[] {
    const result = this.destinations(id).map((node) => ({ node, prior: 1 }));
    if (this.#graph.zone(id) !== undefined) result.push(...(this.#zoneSources.get(id) ?? []));
    else if (this.#internet !== undefined && this.isInternet(id)) result.push(this.#internet);
    return result;
  }

  isInternet(id: string): boolean {
    return isInZoneKind(this.#graph, id, ['internet']);
  }

  #asset(id: string): number {
    return this.#builder.node({ id, kind: 'asset', entity: id, cost: undefined });
  }
}
