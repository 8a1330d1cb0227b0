/**
 * Where an endpoint stands for the exposure rules that look at who reaches what: user-facing or
 * untrusted networks on one side, the data tier on the other.
 */
import {
  DATABASE_PROTOCOLS,
  DEVICE_ZONE_KINDS,
  protocolsOfFamily,
  REMOTE_ADMIN_PROTOCOLS,
  SERVER_KINDS,
  USER_ZONE_KINDS,
  type AssetKind,
  type Flow,
  type Protocol,
  type Zone,
  type ZoneKind,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import {
  dataStoredOn,
  effectiveZoneKind,
  isInZoneKind,
  isOutside,
  isWithinZone,
  zoneChainOf,
} from '../../model/predicates.js';

/** Zone kinds people (staff, visitors) connect from. */
const PEOPLE_ZONE_KINDS: readonly ZoneKind[] = [...USER_ZONE_KINDS, 'remote-access'];

/**
 * Zone kinds whose declared trust does not make them user-facing: they have rules of their own
 * (Internet, cloud, DMZ, OT) or hold the servers and administration.
 */
const TRUST_EXEMPT_ZONE_KINDS: readonly ZoneKind[] = [
  'internet',
  'cloud',
  'dmz',
  'server',
  'admin',
  'ot',
];

/** The nearest zone around an endpoint declared untrusted or low trust, if any. */
export function lowTrustZone(graph: ModelGraph, id: string): Zone | undefined {
  for (const zoneId of zoneChainOf(graph, id)) {
    const zone = graph.zone(zoneId);
    if (zone === undefined || TRUST_EXEMPT_ZONE_KINDS.includes(zone.kind)) continue;
    if (zone.trust === 'untrusted' || zone.trust === 'low') return zone;
  }
  return undefined;
}

/** How exposed a user-facing endpoint is: visitors or untrusted networks, or staff. */
export type UserSide = 'untrusted' | 'staff';

/**
 * Whether an endpoint is a user-facing source: a user, Wi-Fi, guest or remote-access zone, a zone
 * declared untrusted or low trust, or a device of people in one. Servers and administration
 * workstations sitting there are not users (servers-in-user-zone reports the servers).
 */
export function userSideOf(graph: ModelGraph, id: string): UserSide | undefined {
  const asset = graph.asset(id);
  if (
    asset !== undefined &&
    (SERVER_KINDS.includes(asset.kind) || asset.kind === 'admin-workstation')
  )
    return undefined;
  const kind = effectiveZoneKind(graph, id);
  const lowTrust = lowTrustZone(graph, id);
  if (kind === 'guest-wifi' || lowTrust?.trust === 'untrusted') return 'untrusted';
  if ((kind !== undefined && PEOPLE_ZONE_KINDS.includes(kind)) || lowTrust !== undefined)
    return 'staff';
  return undefined;
}

/** Asset kinds that keep the data an application serves. */
const DATA_STORE_KINDS: readonly AssetKind[] = ['database', 'storage', 'file-server'];

/**
 * Kinds of the application tier, which front the data stores (a data store an application
 * reaches is fronted); backup, log and mail servers reaching a store do not make it one.
 */
const FRONT_KINDS: readonly AssetKind[] = [
  'application',
  'web-application',
  'service',
  'server',
  'virtual-machine',
];

/**
 * Kinds that are not data stores even when they keep sensitive data: the application tier
 * (generic servers and virtual machines aside) and infrastructure servers users are meant to
 * reach (directory, mail, log collection, backup).
 */
const NOT_STORE_KINDS: readonly AssetKind[] = SERVER_KINDS.filter(
  (kind) => !DATA_STORE_KINDS.includes(kind) && kind !== 'server' && kind !== 'virtual-machine',
);

/** True when an application-tier asset other than `except` has a flow to the asset. */
function isFronted(graph: ModelGraph, assetId: string, except: string): boolean {
  return graph.flowsTo(assetId).some((flow) => {
    const kind = graph.asset(flow.from)?.kind;
    return flow.from !== except && kind !== undefined && FRONT_KINDS.includes(kind);
  });
}

/** Protocols that read or write stored data directly: database clients, file and block access. */
const DATA_ACCESS_PROTOCOLS: readonly Protocol[] = protocolsOfFamily('database', 'file');

/**
 * Whether a flow reaching `assetId` reaches the data tier directly: a database, over any protocol
 * but remote administration (the administration rules' business); any asset over a database
 * protocol or iSCSI; a storage, file server or server keeping data with a confidentiality or
 * integrity need of 3 or more, over a file or database protocol, when an application fronts it
 * (users reaching a plain file share is what a file server is for). A flow to a whole zone
 * reaches its data tier only over a database protocol or iSCSI.
 */
export function reachesDataTier(graph: ModelGraph, flow: Flow, assetId: string): boolean {
  const asset = graph.asset(assetId);
  if (asset === undefined || REMOTE_ADMIN_PROTOCOLS.includes(flow.protocol)) return false;
  if (DATABASE_PROTOCOLS.includes(flow.protocol) || flow.protocol === 'iscsi') return true;
  if (flow.to !== assetId) return false;
  if (asset.kind === 'database') return true;
  if (NOT_STORE_KINDS.includes(asset.kind) || !DATA_ACCESS_PROTOCOLS.includes(flow.protocol))
    return false;
  const store =
    DATA_STORE_KINDS.includes(asset.kind) ||
    dataStoredOn(graph, assetId).some(
      (data) => (data.needs?.confidentiality ?? 0) >= 3 || (data.needs?.integrity ?? 0) >= 3,
    );
  return store && isFronted(graph, assetId, flow.from);
}

/** Zone kinds with rules of their own, left out of the untrusted-network rule. */
const OWN_RULE_ZONE_KINDS: readonly ZoneKind[] = [
  ...TRUST_EXEMPT_ZONE_KINDS,
  'guest-wifi',
  'remote-access',
  // reaching in is what a partner interconnection is for; unfiltered-zone-crossing watches it
  'partner',
];

/**
 * True for a network that must not reach the internal one: an IoT zone, or a zone declared
 * untrusted that no other rule covers (guest Wi-Fi, DMZ, Internet, cloud, remote access and
 * partner interconnections have theirs). A zone inside such a network is part of it.
 */
export function isUntrustedNetwork(zone: Zone): boolean {
  return (
    zone.kind === 'iot' || (zone.trust === 'untrusted' && !OWN_RULE_ZONE_KINDS.includes(zone.kind))
  );
}

/** The outermost untrusted network (`isUntrustedNetwork`) around an endpoint, if any. */
export function untrustedNetworkOf(graph: ModelGraph, id: string): Zone | undefined {
  return zoneChainOf(graph, id)
    .map((zoneId) => graph.zone(zoneId))
    .filter((zone): zone is Zone => zone !== undefined && isUntrustedNetwork(zone))
    .at(-1);
}

/** True for an IoT zone not declared untrusted: its flows to other device zones are its own business. */
export function isDeviceNetwork(zone: Zone): boolean {
  return zone.kind === 'iot' && zone.trust !== 'untrusted';
}

/**
 * True when a flow from the untrusted network `zone` to `to` reaches the internal network: `to`
 * is outside the zone, not on the Internet or in a cloud, and, for a device network, not in
 * another device zone.
 */
export function isInwardReach(graph: ModelGraph, zone: Zone, to: string): boolean {
  return (
    !isWithinZone(graph, to, zone.id) &&
    !isOutside(graph, to) &&
    !(isDeviceNetwork(zone) && isInZoneKind(graph, to, DEVICE_ZONE_KINDS))
  );
}
