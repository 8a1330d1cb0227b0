/**
 * What the endpoint probes learnt about a port, folded back into the port's identity when
 * service identification said nothing: an HTTP answer gives the protocol (and TLS or not) and
 * the product and version of its `Server` header; an SSH banner its software and version. Drift
 * then compares the same facts whichever probe saw them.
 */
import type { HttpObservation } from '../http/observation.js';
import type { HostResult, ServiceIdentity } from '../types.js';

/** `squid/4.10`, `Apache/2.4.62 (Debian)`, `nginx/1.22.1` → product and version. */
export function productOfServerHeader(
  value: string,
): { product: string; version?: string } | undefined {
  const match = /^\s*([A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*)?)(?:\/v?(\d[\w.-]*))?/.exec(value);
  const [, product, version] = match ?? [];
  if (product === undefined) return undefined;
  return version === undefined ? { product } : { product, version };
}

function headerOf(observation: HttpObservation, name: string): string | undefined {
  const exchange = observation.root ?? observation.page;
  return exchange?.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

/** A minimal identity from an HTTP observation that got an answer. */
export function identityFromHttp(observation: HttpObservation): ServiceIdentity | undefined {
  if (observation.root?.status === null || observation.root === null) return undefined;
  const server = headerOf(observation, 'server');
  const named = server === undefined ? undefined : productOfServerHeader(server);
  return {
    protocol: observation.target.tls ? 'https' : 'http',
    tls: observation.target.tls,
    ...(named === undefined ? {} : named),
    ...(server === undefined ? {} : { banner: `Server: ${server}`.slice(0, 200) }),
  };
}

/** The part of an SSH observation read here (ssh/observation.ts). */
interface SshView {
  readonly target: { readonly address: string; readonly port: number };
  readonly banner: {
    readonly raw: string;
    readonly product: string | null;
    readonly version: string | null;
  } | null;
}

/** The identity an SSH banner gives (`SSH-2.0-OpenSSH_9.2p1 Debian-2` → OpenSSH 9.2p1). */
export function identityFromSsh(banner: NonNullable<SshView['banner']>): ServiceIdentity {
  return {
    protocol: 'ssh',
    tls: false,
    ...(banner.product === null ? {} : { product: banner.product }),
    ...(banner.version === null ? {} : { version: banner.version }),
    banner: banner.raw.slice(0, 200),
  };
}

const key = (address: string, port: number): string => `${address}|${port}`;

/** Fills the identity of ports identification left blank from the HTTP and SSH observations. */
export function enrichHosts(
  hosts: readonly HostResult[],
  http: readonly unknown[],
  ssh: readonly unknown[],
): HostResult[] {
  const learnt = new Map<string, ServiceIdentity>();
  for (const o of ssh as SshView[]) {
    const identity = o.banner === null ? undefined : identityFromSsh(o.banner);
    if (identity !== undefined) learnt.set(key(o.target.address, o.target.port), identity);
  }
  for (const o of http as HttpObservation[]) {
    const identity = identityFromHttp(o);
    if (identity !== undefined) learnt.set(key(o.target.address, o.target.port), identity);
  }
  return hosts.map((h) => ({
    ...h,
    open: h.open.map((o) => {
      const identity = o.service === undefined ? learnt.get(key(h.address, o.port)) : undefined;
      return identity === undefined ? o : { ...o, service: identity };
    }),
  }));
}
