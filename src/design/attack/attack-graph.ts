import { type Asset, type Flow, hasMfa, type Identity } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { isInZoneKind } from '../../model/predicates.js';
import { buildDigraph, type Digraph } from './digraph.js';
import {
  adminInterfaceExploitability,
  credentialTheft,
  flowExploitability,
  RIGHT_PROBABILITY,
  type Exploitability,
  type Factor,
} from './exploitability.js';
import { groupsOf, loginLocations, type ThreatSource } from './sources.js';
import type { TechniqueId } from './techniques.js';

/**
 * Node kinds. Sources and assets are where an attacker stands; the others are hubs that stand
 * for one element of the model an edge goes through (a flow, an administration interface, an
 * identity, one of its login locations or rights, a remote access): cutting the element cuts
 * every edge through the hub, so hubs are what a choke point can be.
 */
export const NODE_KINDS = [
  'attacker',
  'source',
  'asset',
  'flow',
  'admin-interface',
  'login',
  'identity',
  'right',
  'remote-access',
] as const;
export type AttackNodeKind = (typeof NODE_KINDS)[number];

export interface AttackNode {
  /** `attacker`, a source id, an asset id, or `<kind>:<element>` for hubs. */
  readonly id: string;
  readonly kind: AttackNodeKind;
  /** The model entity: asset, flow, identity (login, right, remote access), source id. */
  readonly entity: string;
  /** Cost of cutting the element (undefined: it cannot be cut). */
  readonly cost: number | undefined;
  /** Login location, or what a right is on. */
  readonly on?: string;
  readonly level?: 'admin' | 'user' | 'read';
  /** Index of an administration interface in its asset. */
  readonly index?: number;
}

export const EDGE_KINDS = [
  'link',
  'source',
  'entry',
  'flow',
  'admin-interface',
  'credential',
  'valid-account',
  'insider',
  'remote-access',
  'hosting',
] as const;
export type AttackEdgeKind = (typeof EDGE_KINDS)[number];

export interface AttackEdge {
  readonly from: number;
  readonly to: number;
  readonly kind: AttackEdgeKind;
  readonly probability: number;
  /** -ln(probability): the shortest path is the most likely one. */
  readonly weight: number;
  readonly technique: TechniqueId | undefined;
  readonly factors: readonly Factor[];
}

/** The attack graph of a model, with its algorithm-ready index. */
export interface AttackGraph {
  readonly nodes: readonly AttackNode[];
  readonly edges: readonly AttackEdge[];
  readonly digraph: Digraph;
  readonly indexOf: ReadonlyMap<string, number>;
  /** Node linked to every source at no cost: paths start there. */
  readonly attacker: number;
  readonly sources: readonly ThreatSource[];
}

export interface AttackGraphOptions {
  /** ISO date: software past its support end counts as unsupported (nothing does without it). */
  readonly today?: string;
}

const PHISHING_EDR = 0.35;
/** Asset kinds nobody opens an interactive session on. */
const NO_LOGIN: readonly Asset['kind'][] = [
  'printer',
  'switch',
  'router',
  'firewall',
  'wifi-ap',
  'camera',
  'iot',
  'storage',
  'plc',
  'rtu',
  'safety-system',
];
const HOSTING = 0.9;

/** -ln p, with 0 for certainty. */
export const weightOf = (p: number): number => (p >= 1 ? 0 : -Math.log(p));

class Builder {
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

  /** Adds an edge; between the same two nodes only the most likely one is kept. */
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
class Endpoints {
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

function addFlow(
  graph: ModelGraph,
  builder: Builder,
  endpoints: Endpoints,
  flow: Flow,
  today: string | undefined,
): void {
  const directions: [string, string, string][] = [[flow.from, flow.to, flow.id]];
  if (flow.bidirectional === true) directions.push([flow.to, flow.from, `${flow.id}:reverse`]);
  for (const [from, to, key] of directions) {
    const initiators = endpoints.initiators(from);
    const destinations = endpoints.destinations(to);
    if (initiators.length === 0 || destinations.length === 0) continue;
    const hub = builder.hub('flow', key, flow.id);
    for (const { node, prior } of initiators)
      builder.edge(node, hub, prior < 1 ? 'source' : 'link', { probability: prior });
    const fromInternet = endpoints.isInternet(from);
    for (const destination of destinations) {
      const asset = graph.asset(builder.nodes[destination]?.entity ?? '');
      if (asset === undefined) continue;
      builder.edge(hub, destination, 'flow', flowExploitability(flow, asset, fromInternet, today));
    }
  }
}

function addAdminInterfaces(
  builder: Builder,
  endpoints: Endpoints,
  asset: Asset,
  today: string | undefined,
): void {
  (asset.adminInterfaces ?? []).forEach((adminInterface, index) => {
    const from = adminInterface.from ?? [];
    if (from.length === 0) return;
    const hub = builder.hub('admin-interface', `${asset.id}:${index}`, asset.id, { index });
    for (const location of from) {
      for (const { node, prior } of endpoints.initiators(location))
        builder.edge(node, hub, prior < 1 ? 'source' : 'link', { probability: prior });
    }
    const target = endpoints.destinations(asset.id)[0];
    if (target !== undefined)
      builder.edge(
        hub,
        target,
        'admin-interface',
        adminInterfaceExploitability(asset, adminInterface, today),
      );
  });
}

type Right = NonNullable<Identity['rights']>[number];

/** Right hubs: what holding a right on an asset, zone or data set gives (its assets). */
function rightHub(
  graph: ModelGraph,
  builder: Builder,
  endpoints: Endpoints,
  holder: string,
  right: Right,
  insider?: string,
): number {
  const key = `${holder}@${right.on}`;
  const extra = { on: right.on, level: right.level };
  const hub =
    insider === undefined
      ? builder.hub('right', key, holder, extra)
      : builder.node({
          id: `right:${key}#${insider}`,
          kind: 'right',
          entity: holder,
          cost: undefined,
          ...extra,
        });
  const data = graph.data(right.on);
  const places = data === undefined ? [right.on] : (data.storedOn ?? []);
  const how = { probability: RIGHT_PROBABILITY[right.level], technique: 'T1078' as const };
  for (const place of places) {
    for (const asset of endpoints.destinations(place))
      builder.edge(hub, asset, 'valid-account', how);
  }
  return hub;
}

/** Rights an identity holds, its own and its groups', as [holder, right]. */
function effectiveRights(graph: ModelGraph, identity: Identity): [string, Right][] {
  const result: [string, Right][] = (identity.rights ?? []).map((r) => [identity.id, r]);
  for (const group of groupsOf(graph, identity)) {
    for (const right of graph.identity(group)?.rights ?? []) result.push([group, right]);
  }
  return result;
}

function addIdentity(
  graph: ModelGraph,
  builder: Builder,
  endpoints: Endpoints,
  identity: Identity,
): void {
  const rights = effectiveRights(graph, identity);
  const ownLogins = identity.loginFrom ?? [];
  const via = identity.kind === 'third-party' ? identity.remoteAccess?.via : undefined;
  // a member with nothing of its own is its group: the group's node already stands for it
  if (rights.length === 0) return;
  if ((identity.rights ?? []).length === 0 && ownLogins.length === 0 && via === undefined) return;
  const node = builder.hub('identity', identity.id, identity.id);
  for (const [holder, right] of rights)
    builder.edge(node, rightHub(graph, builder, endpoints, holder, right), 'link', {
      probability: 1,
    });
  const locations = new Set(loginLocations(graph, identity));
  if (via !== undefined) locations.add(via);
  const mfa = hasMfa(graph, identity);
  for (const location of [...locations].sort()) {
    // in a zone, people log in on computers, not on printers, switches or controllers
    const initiators = endpoints
      .initiators(location)
      .filter(
        ({ node }) =>
          !NO_LOGIN.includes(graph.asset(builder.nodes[node]?.entity ?? '')?.kind ?? 'other') ||
          location === builder.nodes[node]?.entity,
      );
    if (initiators.length === 0) continue;
    const login = builder.hub('login', `${identity.id}@${location}`, identity.id, { on: location });
    for (const { node: from, prior } of initiators)
      builder.edge(from, login, prior < 1 ? 'source' : 'link', { probability: prior });
    builder.edge(
      login,
      node,
      'credential',
      credentialTheft(identity, mfa, endpoints.isInternet(location)),
    );
  }
}

function addSource(
  graph: ModelGraph,
  builder: Builder,
  endpoints: Endpoints,
  source: ThreatSource,
  attacker: number,
): void {
  const node = builder.indexOf.get(source.id);
  if (node === undefined) return;
  builder.edge(attacker, node, 'link', { probability: 1 });
  for (const foothold of source.footholds) {
    const asset = graph.asset(foothold);
    const target = endpoints.destinations(foothold)[0];
    if (asset === undefined || target === undefined) continue;
    const edr = asset.edr === true;
    builder.edge(node, target, 'entry', {
      probability: edr ? PHISHING_EDR : source.likelihood,
      technique: 'T1566',
      factors: edr ? [{ code: 'edr' }] : [],
    });
  }
  const identity = source.identity === undefined ? undefined : graph.identity(source.identity);
  if (identity === undefined) return;
  if (source.kind === 'insider') {
    // the insider's own rights are its job: they cannot be cut, what lies beyond them can
    for (const [holder, right] of effectiveRights(graph, identity)) {
      const hub = rightHub(graph, builder, endpoints, holder, right, source.id);
      builder.edge(node, hub, 'insider', { probability: source.likelihood, technique: 'T1078' });
    }
  }
  if (source.kind === 'third-party' && source.via !== undefined) {
    const target = endpoints.destinations(source.via)[0];
    if (target === undefined) return;
    const hub = builder.hub('remote-access', identity.id, identity.id, { on: source.via });
    builder.edge(node, hub, 'remote-access', {
      probability: source.likelihood,
      technique: 'T1199',
    });
    builder.edge(hub, target, 'remote-access', { probability: 1, technique: 'T1133' });
  }
}

/**
 * Builds the attack graph of a model: from each threat source, through allowed flows (a flow
 * from a zone leaves from each of its assets, one to a zone reaches each of them), reachable
 * administration interfaces, credentials stolen where identities log in and reused where they
 * have rights, remote accesses of third parties, and hosts that control their guests. Every
 * edge has a probability of success and a weight of -ln p.
 */
export function buildAttackGraph(
  graph: ModelGraph,
  sources: readonly ThreatSource[],
  options: AttackGraphOptions = {},
): AttackGraph {
  const builder = new Builder();
  const attacker = builder.node({
    id: 'attacker',
    kind: 'attacker',
    entity: 'attacker',
    cost: undefined,
  });
  for (const source of sources)
    builder.node({
      id: source.id,
      kind: 'source',
      entity: source.entity ?? source.id,
      cost: undefined,
    });
  for (const asset of graph.model.assets)
    builder.node({ id: asset.id, kind: 'asset', entity: asset.id, cost: undefined });
  const endpoints = new Endpoints(graph, builder, sources);
  for (const source of sources) addSource(graph, builder, endpoints, source, attacker);
  for (const flow of graph.model.flows) addFlow(graph, builder, endpoints, flow, options.today);
  for (const asset of graph.model.assets) {
    addAdminInterfaces(builder, endpoints, asset, options.today);
    const host = asset.hostedOn === undefined ? undefined : builder.indexOf.get(asset.hostedOn);
    const guest = builder.indexOf.get(asset.id);
    if (
      host !== undefined &&
      guest !== undefined &&
      graph.asset(asset.hostedOn ?? '') !== undefined
    )
      builder.edge(host, guest, 'hosting', { probability: HOSTING, technique: 'T1059.012' });
  }
  for (const identity of graph.model.identities) addIdentity(graph, builder, endpoints, identity);
  return {
    nodes: builder.nodes,
    edges: builder.edges,
    digraph: buildDigraph(builder.nodes.length, builder.edges),
    indexOf: builder.indexOf,
    attacker,
    sources,
  };
}
