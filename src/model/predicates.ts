/**
 * Model predicates that need the graph: where an endpoint sits (its zone, the zones around it),
 * what kind of place that is (OT, user side, outside the perimeter…), what an identity holds.
 * Defined once for every engine that reads the model (rules, CP1 evidence, attack paths, custom
 * rules, diagrams, documents, the platform). Predicates over one entity alone are in
 * src/domain/model/predicates.ts; the kind lists they read are in src/domain/model/vocabulary.ts.
 */
import {
  adminTargets,
  CLOUD_SERVICE_KINDS,
  EXTERNAL_ZONE_KINDS,
  FILTERING_KINDS,
  isPrivileged,
  nameOf,
  OT_ASSET_KINDS,
  USER_ZONE_KINDS,
  type Asset,
  type AssetKind,
  type DataSet,
  type Flow,
  type Identity,
  type Zone,
  type ZoneKind,
} from '../domain/model/index.js';
import type { ModelGraph } from './graph.js';

// Where an endpoint sits

/** The zone of an endpoint found from the model, before caching (see `zoneOf`). */
function findZone(graph: ModelGraph, id: string): Zone | undefined {
  const direct = graph.zone(id);
  if (direct !== undefined) return direct;
  for (const assetId of [id, ...graph.hostsOf(id)]) {
    const zone = graph.asset(assetId)?.zone;
    if (zone !== undefined) return graph.zone(zone);
  }
  return undefined;
}

/**
 * The zone chains already found, per graph (a graph and its model never change): rules ask for
 * the zones around the same endpoints tens of thousands of times on a large model.
 */
const CHAINS = new WeakMap<ModelGraph, Map<string, readonly string[]>>();

function chainOf(graph: ModelGraph, id: string): readonly string[] {
  let byId = CHAINS.get(graph);
  if (byId === undefined) {
    byId = new Map();
    CHAINS.set(graph, byId);
  }
  let chain = byId.get(id);
  if (chain === undefined) {
    const zone = findZone(graph, id);
    chain = zone === undefined ? [] : [zone.id, ...graph.zoneAncestors(zone.id)];
    byId.set(id, chain);
  }
  return chain;
}

/**
 * The zone of an endpoint (asset or zone): the zone itself, an asset's zone, else the zone of the
 * nearest host it runs on (a virtual machine without zone sits in its hypervisor's).
 */
export function zoneOf(graph: ModelGraph, id: string): Zone | undefined {
  const nearest = chainOf(graph, id)[0];
  return nearest === undefined ? undefined : graph.zone(nearest);
}

/** The zone of an endpoint (`zoneOf`) and every zone around it, nearest first. */
export function zoneChainOf(graph: ModelGraph, id: string): string[] {
  return [...chainOf(graph, id)];
}

/** The kind of the zone of an endpoint (asset or zone); `undefined` when unknown. */
export function zoneKindOf(graph: ModelGraph, id: string): ZoneKind | undefined {
  return zoneOf(graph, id)?.kind;
}

/** The nearest zone of one of these kinds around an endpoint, itself included. */
export function enclosingZone(
  graph: ModelGraph,
  id: string,
  kinds: readonly ZoneKind[],
): string | undefined {
  return chainOf(graph, id).find((zone) => {
    const kind = graph.zone(zone)?.kind;
    return kind !== undefined && kinds.includes(kind);
  });
}

/** True when the endpoint is, or sits in, a zone of one of these kinds (enclosing zones count). */
export function isInZoneKind(graph: ModelGraph, id: string, kinds: readonly ZoneKind[]): boolean {
  return enclosingZone(graph, id, kinds) !== undefined;
}

/**
 * The kind of the zone an endpoint sits in, skipping `other` container zones up to the nearest
 * meaningful kind; `undefined` when there is none.
 */
export function effectiveZoneKind(graph: ModelGraph, id: string): ZoneKind | undefined {
  for (const zoneId of chainOf(graph, id)) {
    const kind = graph.zone(zoneId)?.kind;
    if (kind !== undefined && kind !== 'other') return kind;
  }
  return undefined;
}

/** True when `id` is the zone `zoneId`, an asset in it, or something in one of its sub-zones. */
export function isWithinZone(graph: ModelGraph, id: string, zoneId: string): boolean {
  return chainOf(graph, id).includes(zoneId);
}

/** Assets behind an endpoint: the asset itself, or the assets of a zone (sub-zones included). */
export function assetsAt(graph: ModelGraph, id: string): readonly string[] {
  if (graph.asset(id) !== undefined) return [id];
  return graph.zone(id) === undefined ? [] : graph.assetsOfZone(id);
}

// What kind of place or asset it is

/** True when the endpoint is an asset of one of these kinds. */
export function isAssetKind(graph: ModelGraph, id: string, kinds: readonly AssetKind[]): boolean {
  const kind = graph.asset(id)?.kind;
  return kind !== undefined && kinds.includes(kind);
}

/** Assets of OT kinds, or in an OT zone. */
export function isOtAsset(graph: ModelGraph, asset: Asset): boolean {
  const otKinds: readonly string[] = OT_ASSET_KINDS;
  return otKinds.includes(asset.kind) || isInZoneKind(graph, asset.id, ['ot']);
}

/** True for an OT endpoint: an OT asset, or an OT zone (or one inside an OT zone). */
export function isOtEndpoint(graph: ModelGraph, id: string): boolean {
  const asset = graph.asset(id);
  if (asset !== undefined) return isOtAsset(graph, asset);
  return graph.zone(id) !== undefined && isInZoneKind(graph, id, ['ot']);
}

/** True when the endpoint (asset or zone) sits in a user, Wi-Fi or guest zone. */
export function isUserSide(graph: ModelGraph, id: string): boolean {
  return isInZoneKind(graph, id, USER_ZONE_KINDS);
}

/** True when the endpoint is, or sits in, a zone outside the organisation's network. */
export function isExternal(graph: ModelGraph, id: string): boolean {
  return isInZoneKind(graph, id, EXTERNAL_ZONE_KINDS);
}

/** True for the Internet and for cloud services (SaaS, cloud zones): outside the perimeter. */
export function isOutside(graph: ModelGraph, id: string): boolean {
  return (
    isInZoneKind(graph, id, ['internet', 'cloud']) || isAssetKind(graph, id, CLOUD_SERVICE_KINDS)
  );
}

/** SaaS and cloud services: their kind says so, or they sit in a cloud zone. */
export function isCloudAsset(graph: ModelGraph, asset: Asset): boolean {
  return CLOUD_SERVICE_KINDS.includes(asset.kind) || isInZoneKind(graph, asset.id, ['cloud']);
}

// Flows and data

/** Flows that come from the Internet (an internet zone, or an asset in one). */
export function flowsFromInternet(graph: ModelGraph): Flow[] {
  return graph.model.flows.filter((flow) => isInZoneKind(graph, flow.from, ['internet']));
}

/** The devices of a flow's `via` that filter traffic. */
export function filteringDevices(graph: ModelGraph, flow: Flow): string[] {
  return (flow.via ?? []).filter((id) => isAssetKind(graph, id, FILTERING_KINDS));
}

/** Data sets stored on an asset. */
export function dataStoredOn(graph: ModelGraph, assetId: string): DataSet[] {
  return graph
    .dataOn(assetId)
    .map((id) => graph.data(id))
    .filter((data): data is DataSet => data !== undefined);
}

// Identities

/** Privileged groups the identity is a direct member of. */
export function privilegedGroups(graph: ModelGraph, identity: Identity): string[] {
  return (identity.memberOf ?? []).filter((group) => graph.identity(group)?.privileged === true);
}

/** True for a privileged identity, a member of a privileged group or a holder of admin rights. */
export function hasPrivileges(graph: ModelGraph, identity: Identity): boolean {
  return isPrivileged(graph, identity) || adminTargets(identity).length > 0;
}

// Messages

/** An entity's display name by id (`nameOf`), else the id itself (unknown ids included). */
export function label(graph: ModelGraph, id: string): string {
  const entity = graph.get(id)?.entity;
  return entity === undefined ? id : nameOf(entity);
}
