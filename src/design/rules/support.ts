import {
  nameOf,
  OT_ASSET_KINDS,
  type Asset,
  type Flow,
  type Zone,
  type ZoneKind,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';

/** The kind of the zone of an endpoint (asset or zone); `undefined` when unknown. */
export function zoneKindOf(graph: ModelGraph, id: string): ZoneKind | undefined {
  const zone = zoneOf(graph, id);
  return zone?.kind;
}

/** The zone of an endpoint: the zone itself, an asset's zone, or its host's zone. */
export function zoneOf(graph: ModelGraph, id: string): Zone | undefined {
  const direct = graph.zone(id);
  if (direct !== undefined) return direct;
  for (const assetId of [id, ...graph.hostsOf(id)]) {
    const zone = graph.asset(assetId)?.zone;
    if (zone !== undefined) return graph.zone(zone);
  }
  return undefined;
}

/** True when the endpoint is, or sits in, a zone of one of these kinds (enclosing zones count). */
export function isInZoneKind(graph: ModelGraph, id: string, kinds: readonly ZoneKind[]): boolean {
  const zone = zoneOf(graph, id);
  if (zone === undefined) return false;
  return [zone.id, ...graph.zoneAncestors(zone.id)].some((z) => {
    const kind = graph.zone(z)?.kind;
    return kind !== undefined && kinds.includes(kind);
  });
}

/** Flows that come from the Internet (an internet zone, or an asset in one). */
export function flowsFromInternet(graph: ModelGraph): Flow[] {
  return graph.model.flows.filter((flow) => isInZoneKind(graph, flow.from, ['internet']));
}

/** Assets of OT kinds, or in an OT zone. */
export function isOtAsset(graph: ModelGraph, asset: Asset): boolean {
  const otKinds: readonly string[] = OT_ASSET_KINDS;
  return otKinds.includes(asset.kind) || isInZoneKind(graph, asset.id, ['ot']);
}

/** Label for messages: the entity's name, else its id. */
export function label(graph: ModelGraph, id: string): string {
  const entity = graph.get(id)?.entity;
  return entity === undefined ? id : nameOf(entity);
}
