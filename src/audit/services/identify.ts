/**
 * identifyService: what a TCP port speaks, from its banner or a handshake. Greetings first (a
 * short wait), then client-first probes ordered by the hint and the port; TLS is recognised on any
 * port and what runs inside is identified over TLS. A hostile or silent port costs at most about
 * two timeouts: every read is bounded by `maxBytes` and by the time left of a 2 × timeout budget,
 * and at most MAX_ATTEMPTS connections are opened.
 */
import type { AuditNet, Conn, Endpoint } from '../net/types.js';
import type { ServiceIdentity } from '../types.js';
import { parseHttpResponse } from './http.js';
import { SERVICE_IDENTIFIERS } from './registry.js';
import {
  hasLine,
  identity,
  printableBanner,
  type IdentifyOptions,
  type ServiceIdentifier,
  type Session,
} from './session.js';
import { TLS_IDENTIFIER } from './tls.js';

export const MAX_ATTEMPTS = 4;

/** Protocols a TLS port speaks when nothing inside says more (port → protocol registry key). */
const TLS_PORTS: Readonly<Record<number, string>> = {
  443: 'https',
  8443: 'https',
  465: 'smtps',
  993: 'imaps',
  995: 'pop3',
  636: 'ldaps',
  990: 'ftps',
};

interface Budget {
  readonly deadline: number;
  attempts: number;
  heard: Uint8Array;
}

function makeSession(
  net: AuditNet,
  endpoint: Endpoint,
  options: IdentifyOptions,
  conn: Conn,
  tls: boolean,
  budget: Budget,
): Session {
  const left = (): number => Math.max(1, Math.min(options.timeoutMs, budget.deadline - net.now()));
  const session: Session = {
    net,
    endpoint,
    options,
    tls,
    conn,
    read: async (until, timeoutMs) => {
      const result = await session.conn.read({
        maxBytes: options.maxBytes,
        timeoutMs: Math.min(left(), timeoutMs ?? options.timeoutMs),
        ...(until === undefined ? {} : { until }),
      });
      if (budget.heard.length === 0 && result.bytes.length > 0) budget.heard = result.bytes;
      return result;
    },
    ask: async (data, until) => {
      await session.conn.write(data).catch(() => undefined);
      return session.read(until);
    },
    reconnect: async () => {
      session.conn.close();
      if (budget.attempts >= MAX_ATTEMPTS || budget.deadline - net.now() <= 0) return false;
      budget.attempts += 1;
      const opened = tls
        ? await net.connectTls(endpoint, { timeoutMs: left() })
        : await net.connect(endpoint, { timeoutMs: left() });
      if (!opened.ok) return false;
      session.conn = opened.conn;
      return true;
    },
  };
  return session;
}

/** Hinted protocol first, then identifiers expecting this port, then the default order. */
function ordered(
  list: readonly ServiceIdentifier[],
  port: number,
  hint: string | undefined,
): ServiceIdentifier[] {
  const rank = (i: ServiceIdentifier): number =>
    hint !== undefined && (i.id === hint || i.protocols.includes(hint))
      ? 0
      : i.ports.includes(port)
        ? 1
        : 2;
  return [...list].sort((a, b) => rank(a) - rank(b));
}

const greetingDone = (b: Uint8Array): boolean =>
  hasLine(b) ||
  (b.length >= 4 && b.length >= 4 + ((b[0] ?? 0) | ((b[1] ?? 0) << 8) | ((b[2] ?? 0) << 16)));

async function identifyOn(
  session: Session,
  budget: Budget,
  bannerWaitMs: number,
): Promise<ServiceIdentity | null> {
  const list = ordered(SERVICE_IDENTIFIERS, session.endpoint.port, session.options.hint);
  const banner = await session.read(greetingDone, bannerWaitMs);
  if (banner.bytes.length > 0) {
    for (const identifier of list) {
      const found = await identifier.greeting?.(banner.bytes, session);
      if (found) return found;
    }
    return null;
  }
  let fresh = banner.end === 'timeout';
  for (const identifier of list.filter((i) => i.probe !== undefined)) {
    if (session.tls && identifier === TLS_IDENTIFIER) continue;
    if (!fresh && !(await session.reconnect())) return null;
    fresh = false;
    const found = await identifier.probe?.(session);
    if (found) return found;
    if (budget.deadline - session.net.now() <= 0) return null;
  }
  return null;
}

function bannerWait(options: IdentifyOptions, port: number, tls: boolean): number {
  const serverFirst = SERVICE_IDENTIFIERS.some(
    (i) =>
      i.greeting !== undefined &&
      (i.id === options.hint ||
        i.protocols.includes(options.hint ?? '') ||
        (!tls && i.ports.includes(port))),
  );
  return serverFirst
    ? options.timeoutMs
    : Math.min(options.timeoutMs, Math.max(150, Math.round(options.timeoutMs / 4)));
}

function unknown(budget: Budget, tls: boolean, details?: Record<string, string>): ServiceIdentity {
  return identity({
    protocol: 'unknown',
    tls,
    banner: budget.heard.length > 0 ? printableBanner(budget.heard) : undefined,
    details,
  });
}

async function insideTls(
  net: AuditNet,
  endpoint: Endpoint,
  options: IdentifyOptions,
): Promise<ServiceIdentity> {
  const budget: Budget = {
    deadline: net.now() + 2 * options.timeoutMs,
    attempts: 1,
    heard: new Uint8Array(),
  };
  const opened = await net.connectTls(endpoint, { timeoutMs: options.timeoutMs });
  if (!opened.ok) return unknown(budget, true, { tlsError: opened.message.slice(0, 200) });
  const details: Record<string, string> = {};
  if (opened.session.protocol !== null) details['tlsVersion'] = opened.session.protocol;
  if (opened.session.cipher !== null) details['cipher'] = opened.session.cipher;
  const session = makeSession(net, endpoint, options, opened.conn, true, budget);
  try {
    const found = await identifyOn(session, budget, bannerWait(options, endpoint.port, true));
    if (found === null || found.protocol === 'unknown') {
      const guess = TLS_PORTS[endpoint.port];
      return guess === undefined
        ? unknown(budget, true, details)
        : identity({ ...unknown(budget, true, details), protocol: guess });
    }
    return { ...found, tls: true, details: { ...found.details, ...details } };
  } finally {
    session.conn.close();
  }
}

export async function identifyService(
  net: AuditNet,
  endpoint: Endpoint,
  options: IdentifyOptions,
): Promise<ServiceIdentity> {
  const budget: Budget = {
    deadline: net.now() + 2 * options.timeoutMs,
    attempts: 1,
    heard: new Uint8Array(),
  };
  const opened = await net.connect(endpoint, { timeoutMs: options.timeoutMs });
  if (!opened.ok)
    return identity({ protocol: 'unknown', tls: false, details: { error: opened.failure } });
  const session = makeSession(net, endpoint, options, opened.conn, false, budget);
  let found: ServiceIdentity | null;
  try {
    found = await identifyOn(session, budget, bannerWait(options, endpoint.port, false));
  } finally {
    session.conn.close();
  }
  const tlsPort = found !== null && (found.tls || found.details?.['tlsPort'] === 'yes');
  if (tlsPort) return insideTls(net, endpoint, options);
  return found ?? unknown(budget, false);
}

export { parseHttpResponse };
