/**
 * The probes a campaign can run, as a small table: the port scan, service identification, one
 * entry per endpoint domain (TLS, SSH, HTTP) saying when it applies, how it probes and how its
 * checks judge, and the DNS/mail domain probe. `DEFAULT_MODULES` wires the engine's own probes;
 * a domain whose probe is not available is simply absent (the campaign then skips it, it never
 * pretends). Tests and the CLI's one-off checks use the same table.
 */
import { PROTOCOL_REGISTRY, protocolOfPort } from '../../domain/model/index.js';
import { DNS_CHECKS } from '../dns/checks/index.js';
import type { DnsMailObservation } from '../dns/observation.js';
import { probeDnsMail } from '../dns/probe.js';
import { runChecks } from '../findings.js';
import { HTTP_CHECKS } from '../http/checks/index.js';
import type { HttpObservation } from '../http/observation.js';
import { probeHttp } from '../http/probe.js';
import { scanPorts } from '../ports/index.js';
import { identifyService } from '../services/index.js';
import { SSH_MODULE } from '../ssh/module.js';
import { TLS_CHECKS } from '../tls/checks/index.js';
import type { TlsObservation } from '../tls/observation.js';
import { probeTls, STARTTLS_PROTOCOLS, type StarttlsProtocol } from '../tls/probe.js';
import type { AuditNet, Endpoint } from '../net/types.js';
import type { AuditFinding, ServiceIdentity } from '../types.js';

/** Limits every probe is given (the scope's, bounded). */
export interface ProbeLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly concurrency: number;
  readonly ratePerSecond: number;
}

/** One open port, as the endpoint probes see it. */
export interface PortContext {
  readonly address: string;
  /** The port reached. */
  readonly port: number;
  /** The port the model declares (scope map undone). */
  readonly declared: number;
  readonly hostnames: readonly string[];
  readonly service: ServiceIdentity | undefined;
  /** Every open port of the host, reached numbers (an HTTPS probe looks for the plain side). */
  readonly openPorts: readonly number[];
  /** Reached port of a declared one (scope map). */
  reachedOf(declared: number): number;
  /** The protocol the model declares on this port, if any. */
  readonly declaredProtocol?: string | undefined;
}

export type ScanFn = (
  net: AuditNet,
  targets: readonly { readonly address: string; readonly ports: readonly number[] }[],
  options: {
    readonly concurrency: number;
    readonly timeoutMs: number;
    readonly ratePerSecond?: number;
    readonly onProgress?: (done: number, total: number) => void;
    readonly signal?: AbortSignal;
  },
) => Promise<
  readonly {
    readonly address: string;
    readonly open: readonly number[];
    readonly tried: number;
    readonly reachable: boolean;
  }[]
>;

export type IdentifyFn = (
  net: AuditNet,
  endpoint: Endpoint,
  options: { readonly timeoutMs: number; readonly maxBytes: number; readonly hint?: string },
) => Promise<ServiceIdentity>;

export interface EndpointModule {
  readonly domain: 'tls' | 'ssh' | 'http';
  /** Whether this probe applies to the port, from what identification said (or the port). */
  applies(port: PortContext): boolean;
  probe(
    net: AuditNet,
    port: PortContext,
    limits: ProbeLimits,
    signal?: AbortSignal,
  ): Promise<unknown>;
  judge(
    observation: unknown,
    context: { readonly today: string; readonly port: PortContext },
  ): AuditFinding[];
}

export interface DnsModule {
  probe(
    net: AuditNet,
    target: {
      readonly domain: string;
      readonly resolver: Endpoint;
      readonly dkimSelectors: readonly string[];
    },
    limits: ProbeLimits,
  ): Promise<unknown>;
  judge(observation: unknown, context: { readonly today: string }): AuditFinding[];
}

export interface CampaignModules {
  readonly scan?: ScanFn;
  readonly identify?: IdentifyFn;
  readonly endpoints: readonly EndpointModule[];
  readonly dns?: DnsModule;
}

/** The protocol the port speaks: identified, else what the model's registry says of the port. */
export function protocolOf(port: PortContext): string | undefined {
  return port.service?.protocol ?? port.declaredProtocol ?? protocolOfPort(port.declared, 'tcp');
}

const NOT_TLS = new Set([
  'ssh',
  'sftp',
  'ipsec',
  'wireguard',
  'openvpn',
  'kerberos',
  'teamviewer',
  'anydesk',
]);

/** Whether a port speaks TLS itself (identified, or an always-TLS protocol's port). */
export function speaksTls(port: PortContext): boolean {
  if (port.service !== undefined) return port.service.tls;
  const protocol = protocolOf(port);
  if (protocol === undefined || !Object.hasOwn(PROTOCOL_REGISTRY, protocol)) return false;
  const info = PROTOCOL_REGISTRY[protocol as keyof typeof PROTOCOL_REGISTRY];
  // always encrypted, and by TLS: SSH and the tunnels are not
  return info.encryption === 'always' && !NOT_TLS.has(protocol);
}

const isHttp = (port: PortContext): boolean => {
  const protocol = protocolOf(port);
  return protocol === 'http' || protocol === 'https';
};

/** The plain-HTTP port of an HTTPS endpoint to check the redirect on: 80 (mapped) if open. */
function plainPortOf(port: PortContext): number | null {
  const plain = port.reachedOf(80);
  return port.openPorts.includes(plain) ? plain : null;
}

export const HTTP_MODULE: EndpointModule = {
  domain: 'http',
  applies: isHttp,
  probe: (net, port, limits, signal) =>
    probeHttp(
      net,
      {
        address: port.address,
        port: port.port,
        tls: speaksTls(port),
        host: port.hostnames[0] ?? null,
      },
      {
        timeoutMs: limits.timeoutMs,
        plainPort: speaksTls(port) ? plainPortOf(port) : null,
        ...(signal === undefined ? {} : { signal }),
      },
    ),
  judge: (observation) => runChecks(HTTP_CHECKS, observation as HttpObservation, undefined),
};

/** The STARTTLS dialect of a service that offered it (registry key → probe's name). */
export function starttlsOf(port: PortContext): StarttlsProtocol | undefined {
  if (port.service?.starttls !== true || port.service.tls) return undefined;
  const protocol = port.service.protocol === 'postgresql' ? 'postgres' : port.service.protocol;
  return (STARTTLS_PROTOCOLS as readonly string[]).includes(protocol)
    ? (protocol as StarttlsProtocol)
    : undefined;
}

export const TLS_MODULE: EndpointModule = {
  domain: 'tls',
  applies: (port) => speaksTls(port) || starttlsOf(port) !== undefined,
  probe: (net, port, limits) => {
    const starttls = starttlsOf(port);
    const servername = port.hostnames[0];
    return probeTls(
      net,
      {
        address: port.address,
        port: port.port,
        ...(servername === undefined ? {} : { servername }),
        ...(starttls === undefined ? {} : { starttls }),
      },
      { timeoutMs: limits.timeoutMs },
    );
  },
  judge: (observation, { today, port }) =>
    runChecks(TLS_CHECKS, observation as TlsObservation, {
      today,
      expectedHost: port.hostnames[0] ?? null,
    }),
};

export const DNS_MODULE: DnsModule = {
  probe: (net, target, limits) => probeDnsMail(net, target, { timeoutMs: limits.timeoutMs }),
  judge: (observation, { today }) =>
    runChecks(DNS_CHECKS, observation as DnsMailObservation, { today }),
};

export const DEFAULT_MODULES: CampaignModules = {
  scan: scanPorts,
  identify: identifyService,
  endpoints: [TLS_MODULE, SSH_MODULE, HTTP_MODULE],
  dns: DNS_MODULE,
};
