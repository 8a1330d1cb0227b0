import type { ModelGraph } from '../../model/graph.js';
import { flowsFromInternet } from '../../model/predicates.js';

/** Reverse lookups the computed properties need, built once per graph. */
export interface GraphIndex {
  /** Endpoints (assets or zones) that a flow from the Internet is declared to. */
  readonly internetTargets: ReadonlySet<string>;
  /** Identities with an `admin` right on an entity, by entity id. */
  readonly administrators: ReadonlyMap<string, readonly string[]>;
  /** Processes that list a data set. */
  readonly processesOfData: ReadonlyMap<string, readonly string[]>;
  /** Flows that carry a data set. */
  readonly flowsOfData: ReadonlyMap<string, readonly string[]>;
  /** Zones and assets of a site (assets: by their effective site). */
  readonly zonesOfSite: ReadonlyMap<string, readonly string[]>;
  readonly assetsOfSite: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<ModelGraph, GraphIndex>();

function add(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function build(graph: ModelGraph): GraphIndex {
  const { model } = graph;
  const internetTargets = new Set<string>();
  for (const flow of flowsFromInternet(graph)) internetTargets.add(flow.to);
  const administrators = new Map<string, string[]>();
  for (const identity of model.identities) {
    for (const right of identity.rights ?? []) {
      if (right.level === 'admin') add(administrators, right.on, identity.id);
    }
  }
  const processesOfData = new Map<string, string[]>();
  for (const process of model.processes) {
    for (const data of process.data ?? []) add(processesOfData, data, process.id);
  }
  const flowsOfData = new Map<string, string[]>();
  for (const flow of model.flows)
    for (const data of flow.data ?? []) add(flowsOfData, data, flow.id);
  const zonesOfSite = new Map<string, string[]>();
  for (const zone of model.zones) {
    const site = graph.siteOfZone(zone.id);
    if (site !== undefined) add(zonesOfSite, site, zone.id);
  }
  const assetsOfSite = new Map<string, string[]>();
  for (const asset of model.assets) {
    const site = graph.siteOfAsset(asset.id);
    if (site !== undefined) add(assetsOfSite, site, asset.id);
  }
  return {
    internetTargets,
    administrators,
    processesOfData,
    flowsOfData,
    zonesOfSite,
    assetsOfSite,
  };
}

/** The index of a graph, built on first use (graphs are frozen, so it never goes stale). */
export function graphIndex(graph: ModelGraph): GraphIndex {
  let index = indexes.get(graph);
  if (index === undefined) {
    index = build(graph);
    indexes.set(graph, index);
  }
  return index;
}
