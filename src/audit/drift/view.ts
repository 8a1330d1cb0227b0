/**
 * What drift checks read: the model graph, the hosts the campaign scanned with the model assets
 * they stand for, and the TLS observations — indexed once (view.ts) so that each check stays a
 * short pure function. Ports are compared on the model's side: a scope `map` (declared port →
 * port actually reached, for lab mappings) is undone before comparing, and every finding's
 * subject is the endpoint as reached (`address:port`), the key other probes use too.
 */
import { protocolInfo, type Asset, type Flow, type Service } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import type { HostResult, ServiceIdentity } from '../types.js';

/** The part of a TLS observation (tls/observation.ts) drift reads. */
export interface DriftTlsView {
  readonly target: { readonly address: string; readonly port: number };
  readonly reachable: boolean;
  /** Why the probe saw no (or partial) TLS: `not TLS (first byte 0x48)`. */
  readonly error?: string | null;
  readonly protocols: {
    readonly ssl3: boolean;
    readonly tls10: boolean;
    readonly tls11: boolean;
    readonly tls12: boolean;
    readonly tls13: boolean;
  };
}

/** A scanned host, with the scope's port mapping and the ports actually tried. */
export interface DriftHost extends HostResult {
  /** Declared port → port reached (scope `map`); identity when absent. */
  readonly portMap?: Readonly<Record<number, number>>;
  /** Ports tried on this address (reached numbers); every declared TCP port when absent. */
  readonly scanned?: readonly number[];
}

export interface DriftInput {
  readonly graph: ModelGraph | null;
  readonly hosts: readonly DriftHost[];
  readonly tls: readonly DriftTlsView[];
  /** Kept for checks that read them (product banners already come through `hosts`). */
  readonly ssh?: readonly unknown[];
  readonly http?: readonly unknown[];
  /** Model zone the scan ran from. */
  readonly vantage: string | null;
  readonly today: string;
}

/** One open port of a host, seen on the model's side. */
export interface OpenPort {
  /** The port the model speaks of (the scope map undone). */
  readonly declared: number;
  readonly reached: number;
  readonly service: ServiceIdentity | undefined;
}

export interface HostView {
  readonly host: DriftHost;
  /** The model assets the address stands for (unknown ids dropped). */
  readonly assets: readonly Asset[];
  readonly open: readonly OpenPort[];
  /** The port reached for a declared port. */
  reachedOf(declared: number): number;
  /** Whether the declared port was tried. */
  isTried(declared: number): boolean;
}

export interface DriftView {
  readonly graph: ModelGraph | null;
  readonly hosts: readonly HostView[];
  /** TLS observations by `address:port` (reached). */
  readonly tls: ReadonlyMap<string, DriftTlsView>;
  readonly vantage: string | null;
  readonly today: string;
}

export const endpointKey = (address: string, port: number): string =>
  address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;

function hostView(host: DriftHost, graph: ModelGraph | null): HostView {
  const map = host.portMap ?? {};
  const declaredOf = new Map<number, number>();
  for (const [declared, reached] of Object.entries(map)) declaredOf.set(reached, Number(declared));
  const assets = graph === null ? [] : host.entities.flatMap((id) => graph.asset(id) ?? []);
  const scanned = host.scanned === undefined ? undefined : new Set(host.scanned);
  const reachedOf = (declared: number): number => map[declared] ?? declared;
  return {
    host,
    assets,
    open: host.open.map((o) => ({
      declared: declaredOf.get(o.port) ?? o.port,
      reached: o.port,
      service: o.service,
    })),
    reachedOf,
    isTried: (declared) => scanned === undefined || scanned.has(reachedOf(declared)),
  };
}

export function buildDriftView(input: DriftInput): DriftView {
  return {
    graph: input.graph,
    hosts: input.hosts.map((host) => hostView(host, input.graph)),
    tls: new Map(input.tls.map((o) => [endpointKey(o.target.address, o.target.port), o])),
    vantage: input.vantage,
    today: input.today,
  };
}

/** The TCP services an asset declares (UDP ones cannot be checked by a connect scan). */
export function tcpServices(asset: Asset): readonly Service[] {
  return (asset.services ?? []).filter((s) => (s.transport ?? 'tcp') === 'tcp');
}

/** The ports an asset declares something on: its services and its administration interfaces. */
export function declaredPorts(asset: Asset): ReadonlySet<number> {
  const ports = new Set(tcpServices(asset).map((s) => s.port));
  for (const admin of asset.adminInterfaces ?? [])
    if (admin.port !== undefined) ports.add(admin.port);
  return ports;
}

/** Flows whose destination is the asset and whose port (or protocol default) is `port`. */
export function flowsToPort(graph: ModelGraph, asset: Asset, port: number): readonly Flow[] {
  return graph
    .flowsTo(asset.id)
    .filter((flow) => (flow.transport ?? 'tcp') === 'tcp')
    .filter((flow) =>
      flow.port === undefined
        ? protocolInfo(flow.protocol).ports.some((p) => p.port === port && p.transport === 'tcp')
        : flow.port === port,
    );
}

/** `rp-siege` or `rp-siege (Reverse proxy)`: how details name an asset. */
export function assetLabel(asset: Asset): string {
  return asset.name === undefined ? asset.id : `${asset.name} (${asset.id})`;
}

/** ` (declared port 443)` when the scope maps the port, else nothing. */
export function mappedNote(port: OpenPort | { declared: number; reached: number }): {
  en: string;
  fr: string;
} {
  return port.declared === port.reached
    ? { en: '', fr: '' }
    : { en: ` (declared port ${port.declared})`, fr: ` (port déclaré ${port.declared})` };
}
