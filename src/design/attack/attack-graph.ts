import type { Asset, Flow } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { Builder, Endpoints } from './builder.js';
import { Credentials } from './credentials.js';
import { buildDigraph, type Digraph } from './digraph.js';
import {
  adminInterfaceExploitability,
  flowExploitability,
  remoteSupportSession,
  type Factor,
} from './exploitability.js';
import type { ThreatSource } from './sources.js';
import type { TechniqueId } from './techniques.js';

export { weightOf } from './builder.js';

/**
 * Node kinds. Sources and assets are where an attacker stands; the others are hubs that stand
 * for one element of the model an edge goes through (a flow, an administration interface, an
 * identity, one of its login locations or rights, a remote access): cutting the element cuts
 * every edge through the hub, so hubs are what a choke point can be. A `session` (credentials
 * of an identity that reached an asset) cannot be cut.
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
  'remote-support',
  'session',
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
  /** Id of the element a lane copy stands for (cutting it cuts every copy); none: `id`. */
  readonly element?: string;
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
/** A threat source getting one of the few addresses a flow accepts (partner, spoofing). */
const SOURCE_RESTRICTED = 0.1;
const HOSTING = 0.9;

function addFlow(
  graph: ModelGraph,
  builder: Builder,
  endpoints: Endpoints,
  flow: Flow,
  today: string | undefined,
): void {
  const directions: [string, string, string][] = [[flow.from, flow.to, flow.id]];
  const allowed: Factor | undefined =
    flow.allowedSources === undefined
      ? undefined
      : { code: 'source-restricted', detail: flow.allowedSources.join(', ') };
  if (flow.bidirectional === true) directions.push([flow.to, flow.from, `${flow.id}:reverse`]);
  for (const [from, to, key] of directions) {
    const initiators = endpoints.initiators(from);
    const destinations = endpoints.destinations(to);
    if (initiators.length === 0 || destinations.length === 0) continue;
    const hub = builder.hub('flow', key, flow.id);
    for (const { node, prior } of initiators) {
      // a threat source must first hold one of the addresses the flow is restricted to
      const isSource = builder.nodes[node]?.kind === 'source';
      builder.edge(
        node,
        hub,
        prior < 1 || isSource ? 'source' : 'link',
        isSource && allowed !== undefined
          ? { probability: prior * SOURCE_RESTRICTED, factors: [allowed] }
          : { probability: prior },
      );
    }
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

/**
 * Remote-support tools an asset connects out to (TeamViewer, vendor cloud): whoever holds the
 * vendor's account gets a session on it — the vendor when compromised, whoever controls the
 * broker, or anyone on the Internet who takes the account over.
 */
function addRemoteSupport(
  graph: ModelGraph,
  builder: Builder,
  endpoints: Endpoints,
  asset: Asset,
  sources: readonly ThreatSource[],
): void {
  const target = endpoints.destinations(asset.id)[0];
  const internetSource = sources.find((s) => s.kind === 'internet');
  const internet =
    internetSource === undefined ? undefined : builder.indexOf.get(internetSource.id);
  if (target === undefined) return;
  (asset.remoteSupport ?? []).forEach((support, index) => {
    const hub = builder.hub('remote-support', `${asset.id}:${index}`, asset.id, { index });
    const vendor = sources.find((s) => s.kind === 'third-party' && s.identity === support.by);
    const vendorNode = vendor === undefined ? undefined : builder.indexOf.get(vendor.id);
    if (vendor !== undefined && vendorNode !== undefined)
      builder.edge(vendorNode, hub, 'remote-access', {
        probability: vendor.likelihood,
        technique: 'T1199',
      });
    const broker =
      support.broker === undefined || graph.asset(support.broker) === undefined
        ? undefined
        : endpoints.destinations(support.broker)[0];
    if (broker !== undefined)
      builder.edge(broker, hub, 'remote-access', { probability: 0.9, technique: 'T1199' });
    if (internet !== undefined) {
      const mfa = support.mfa === true;
      builder.edge(internet, hub, 'remote-access', {
        probability: mfa ? 0.05 : 0.3,
        technique: 'T1078',
        factors: [{ code: mfa ? 'mfa' : 'no-mfa' }],
      });
    }
    builder.edge(hub, target, 'remote-access', remoteSupportSession(support));
  });
}

function addSource(
  graph: ModelGraph,
  builder: Builder,
  endpoints: Endpoints,
  credentials: Credentials,
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
  // the insider's own rights are its job: they cannot be cut, the routes to them can
  if (source.kind === 'insider') credentials.addInsider(source, node);
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
 * Spreads the cost of each element over its nodes (itself and its lane copies): cutting all of
 * them costs what cutting the element does, so a minimum cut does not count an account once
 * per place it logs in from.
 */
function shareCosts(nodes: readonly AttackNode[]): readonly AttackNode[] {
  const copies = new Map<string, number>();
  for (const node of nodes) {
    if (node.element !== undefined) copies.set(node.element, (copies.get(node.element) ?? 0) + 1);
  }
  if (copies.size === 0) return nodes;
  // the element's own node, when there is one, is a copy too
  for (const node of nodes) {
    const n = node.element === undefined ? copies.get(node.id) : undefined;
    if (n !== undefined && node.cost !== undefined) copies.set(node.id, n + 1);
  }
  return nodes.map((node) => {
    const n = node.cost === undefined ? undefined : copies.get(node.element ?? node.id);
    return n === undefined || n === 1 || node.cost === undefined
      ? node
      : { ...node, cost: node.cost / n };
  });
}

/**
 * Builds the attack graph of a model: from each threat source, through allowed flows (a flow
 * from a zone leaves from each of its assets, one to a zone reaches each of them), reachable
 * administration interfaces, credentials stolen where identities log in and used from there on
 * what they authenticate to (when a route leads there), remote accesses of third parties, and hosts that control their guests. Every
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
  const credentials = new Credentials(graph, builder, endpoints);
  for (const source of sources) addSource(graph, builder, endpoints, credentials, source, attacker);
  for (const flow of graph.model.flows) addFlow(graph, builder, endpoints, flow, options.today);
  for (const asset of graph.model.assets) {
    addAdminInterfaces(builder, endpoints, asset, options.today);
    addRemoteSupport(graph, builder, endpoints, asset, sources);
    const host = asset.hostedOn === undefined ? undefined : builder.indexOf.get(asset.hostedOn);
    const guest = builder.indexOf.get(asset.id);
    if (
      host !== undefined &&
      guest !== undefined &&
      graph.asset(asset.hostedOn ?? '') !== undefined
    )
      builder.edge(host, guest, 'hosting', { probability: HOSTING, technique: 'T1059.012' });
  }
  for (const identity of graph.model.identities) credentials.addIdentity(identity);
  return {
    nodes: shareCosts(builder.nodes),
    edges: builder.edges,
    digraph: buildDigraph(builder.nodes.length, builder.edges),
    indexOf: builder.indexOf,
    attacker,
    sources,
  };
}
