/**
 * The TLS probe: what an endpoint accepts, found with ClientHellos built byte by byte (wire/), so
 * SSLv3, export or NULL suites can be seen whatever the local OpenSSL allows; the certificate
 * chain comes from one handshake through the platform's TLS stack (`net.connectTls`).
 */
import type { AuditNet, Endpoint, TlsConnectOptions } from '../net/types.js';
import { TLS_PROTOCOLS } from './observation.js';
import type {
  TlsCertificateObservation,
  TlsCipherList,
  TlsObservation,
  TlsProtocol,
} from './observation.js';
import { LEGACY_SUITES, NAMED_GROUPS, TLS13_SUITES, groupByCode, suiteByCode } from './suites.js';
import { DEFAULT_GROUPS, buildClientHello } from './wire/client-hello.js';
import type { ClientHelloSpec } from './wire/client-hello.js';
import {
  acceptedAt,
  enumerateEcdheCurves,
  enumerateSuites,
  enumerateTls13Groups,
  preferenceOrder,
} from './wire/enumerate.js';
import type { Hello, Pick as SuitePick } from './wire/enumerate.js';
import { ALERT, sendHello } from './wire/exchange.js';
import type { HelloOutcome } from './wire/exchange.js';
import { createLimiter } from './wire/pool.js';
import { starttlsPreface } from './wire/starttls.js';
import type { StarttlsProtocol } from './wire/starttls.js';

export type { StarttlsProtocol } from './wire/starttls.js';
export { STARTTLS_PROTOCOLS } from './wire/starttls.js';

export interface TlsProbeTarget {
  readonly address: string;
  readonly port: number;
  readonly servername?: string;
  readonly starttls?: StarttlsProtocol;
}

export interface TlsProbeOptions {
  /** Per connection: connect, preface and read each get at most this. */
  readonly timeoutMs: number;
  /** Connections in flight at once (default 16). */
  readonly concurrency?: number;
  /** PEM trust anchors for the certificate verdict; the system store when omitted. */
  readonly ca?: readonly string[];
  /**
   * Total time for the probe (default 15 × timeoutMs): a server that answers each hello just
   * before the timeout cannot hold it longer; the observation then says it is partial.
   */
  readonly budgetMs?: number;
}

interface ProtocolScan {
  readonly protocol: TlsProtocol;
  readonly accepted: boolean;
  readonly picks: SuitePick[];
  /** The pick order when one batch held every accepted suite, else null. */
  readonly pickOrder: number[] | null;
}

/**
 * Suites OpenSSL still builds come first, so that on a typical server every accepted suite falls
 * in the first batch and the elimination order already is the server's order.
 */
const LEGACY_CODES = [
  ...LEGACY_SUITES.filter((s) => s.openssl !== null),
  ...LEGACY_SUITES.filter((s) => s.openssl === null),
].map((s) => s.code);
const TLS13_CODES = TLS13_SUITES.map((s) => s.code);
const EC_CURVES = NAMED_GROUPS.filter((g) => g.kind === 'ecdhe').map((g) => g.code);
const ALL_GROUPS = NAMED_GROUPS.filter((g) => g.kind !== 'other').map((g) => g.code);

function emptyObservation(
  target: TlsProbeTarget,
  reachable: boolean,
  error: string,
  durationMs: number,
): TlsObservation {
  return {
    target: {
      address: target.address,
      port: target.port,
      servername: target.servername ?? null,
      starttls: target.starttls ?? null,
    },
    reachable,
    error,
    protocols: { ssl3: false, tls10: false, tls11: false, tls12: false, tls13: false },
    ciphers: [],
    groups: [],
    dhBits: null,
    secureRenegotiation: null,
    compression: null,
    fallbackScsv: null,
    resumption: { sessionId: null, tickets: null },
    certificate: null,
    durationMs,
  };
}

async function scanProtocol(
  hello: Hello,
  protocol: TlsProtocol,
  servername: string | null,
): Promise<ProtocolScan> {
  const codes = protocol === 'tls13' ? TLS13_CODES : LEGACY_CODES;
  const chain = await enumerateSuites(hello, protocol, codes, { servername });
  const nonEmpty = chain.batches.filter((b) => b.length > 0);
  return {
    protocol,
    accepted: chain.first.some((o) => acceptedAt(o, protocol)),
    picks: chain.picks,
    pickOrder: nonEmpty.length === 1 ? (nonEmpty[0] ?? []).map((p) => p.suite) : null,
  };
}

async function cipherList(
  hello: Hello,
  scan: ProtocolScan,
  servername: string | null,
): Promise<TlsCipherList> {
  const accepted = scan.picks.map((p) => p.suite);
  const ranked = await preferenceOrder(
    hello,
    scan.protocol,
    accepted,
    { servername },
    scan.pickOrder,
  );
  const order = ranked.serverOrder === true ? ranked.order : [...accepted].sort((a, b) => a - b);
  return { protocol: scan.protocol, suites: order, serverOrder: ranked.serverOrder };
}

async function groupsOf(
  hello: Hello,
  scans: readonly ProtocolScan[],
  servername: string | null,
): Promise<string[]> {
  const tls13 = scans.find((s) => s.protocol === 'tls13' && s.accepted);
  const legacy = [...scans].reverse().find((s) => s.protocol !== 'tls13' && s.accepted);
  const ecdhe = (legacy?.picks ?? [])
    .map((p) => p.suite)
    .filter((c) => suiteByCode(c)?.kx === 'ECDHE');
  const [g13, g12] = await Promise.all([
    tls13 !== undefined
      ? enumerateTls13Groups(hello, ALL_GROUPS, TLS13_CODES)
      : Promise.resolve([]),
    legacy !== undefined && ecdhe.length > 0
      ? enumerateEcdheCurves(hello, legacy.protocol, ecdhe, EC_CURVES, { servername })
      : Promise.resolve([]),
  ]);
  const names: string[] = [];
  for (const code of [...g13, ...g12]) {
    const name = groupByCode(code)?.name ?? `0x${code.toString(16)}`;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Session-id resumption: without a ticket extension, a server that caches sessions names the
 * session in its ServerHello; one that does not sends an empty id (RFC 5246 §7.4.1.3).
 */
async function sessionIdCaching(
  hello: Hello,
  scans: readonly ProtocolScan[],
  servername: string | null,
): Promise<boolean | null> {
  const legacy = [...scans].reverse().find((s) => s.protocol !== 'tls13' && s.picks.length > 0);
  if (legacy === undefined) return null;
  const suites = legacy.picks.map((p) => p.suite);
  const outcome = await hello({
    version: legacy.protocol,
    suites,
    servername,
    sessionTicket: false,
  });
  return acceptedAt(outcome, legacy.protocol) ? outcome.hello.sessionId.length > 0 : null;
}

async function fallbackScsv(
  hello: Hello,
  scans: readonly ProtocolScan[],
  servername: string | null,
): Promise<boolean | null> {
  const accepted = scans.filter((s) => s.accepted);
  const lower = accepted[accepted.length - 2];
  if (lower === undefined || lower.protocol === 'tls13') return null;
  const suites =
    lower.picks.length > 0 ? lower.picks.map((p) => p.suite) : LEGACY_CODES.slice(0, 128);
  const outcome = await hello({ version: lower.protocol, suites, servername, fallbackScsv: true });
  if (outcome.kind === 'alert') return outcome.description === ALERT.inappropriateFallback;
  return outcome.kind === 'hello' ? false : null;
}

function legacyFacts(
  scans: readonly ProtocolScan[],
): Pick<TlsObservation, 'dhBits' | 'secureRenegotiation' | 'compression' | 'resumption'> {
  const picks = scans.filter((s) => s.protocol !== 'tls13').flatMap((s) => s.picks);
  const any = picks.length > 0;
  const dh = picks.flatMap((p) =>
    p.outcome.keyExchange?.kind === 'dhe' ? [p.outcome.keyExchange.bits] : [],
  );
  const yes = (test: (p: SuitePick) => boolean): boolean | null => (any ? picks.some(test) : null);
  return {
    dhBits: dh.length > 0 ? Math.min(...dh) : null,
    secureRenegotiation: yes((p) => p.outcome.hello.secureRenegotiation),
    compression: yes((p) => p.outcome.hello.compression !== 0),
    resumption: {
      sessionId: null,
      tickets: yes((p) => p.outcome.hello.sessionTicket),
    },
  };
}

const toBase64 = (der: Uint8Array): string => Buffer.from(der).toString('base64');

async function certificateOf(
  net: AuditNet,
  endpoint: Endpoint,
  target: TlsProbeTarget,
  options: TlsProbeOptions,
  scans: readonly ProtocolScan[],
): Promise<TlsCertificateObservation | null> {
  const starttls = target.starttls;
  const tlsOptions: TlsConnectOptions = {
    timeoutMs: options.timeoutMs,
    ...(target.servername !== undefined ? { servername: target.servername } : {}),
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
    ...(starttls !== undefined
      ? { preface: (conn) => starttlsPreface(starttls, conn, options.timeoutMs) }
      : {}),
  };
  const outcome = await net.connectTls(endpoint, tlsOptions);
  const session = outcome.ok ? outcome.session : outcome.session;
  if (outcome.ok) outcome.conn.close();
  if (session !== undefined && session.chain.length > 0) {
    return {
      chain: session.chain.map(toBase64),
      ocspStapled: session.ocspResponse !== null,
      authorized: session.authorized,
      authorizationError: session.authorizationError,
    };
  }
  // The platform's TLS refused the server (SSLv3 only, export suites…): the raw hello's chain.
  const raw = scans.flatMap((s) => s.picks).find((p) => (p.outcome.certificates ?? []).length > 0);
  if (raw === undefined) return null;
  return {
    chain: (raw.outcome.certificates ?? []).map(toBase64),
    ocspStapled: false,
    authorized: false,
    authorizationError: outcome.ok ? null : `not verified: ${outcome.message}`,
  };
}

/** First contact: one TLS 1.2 hello tells whether TLS is spoken at all (one timeout at worst). */
function gateError(outcome: HelloOutcome): { reachable: boolean; error: string } | null {
  if (outcome.kind === 'hello' || outcome.kind === 'alert') return null;
  return outcome.kind === 'unreachable'
    ? { reachable: false, error: outcome.message }
    : { reachable: true, error: `no TLS answer: ${outcome.message}` };
}

/** Probes one endpoint; never throws for anything the target does. */
export async function probeTls(
  net: AuditNet,
  target: TlsProbeTarget,
  options: TlsProbeOptions,
): Promise<TlsObservation> {
  const started = net.now();
  const endpoint: Endpoint = { address: target.address, port: target.port };
  const limit = createLimiter(options.concurrency ?? 16);
  const servername = target.servername ?? null;
  const budgetMs = options.budgetMs ?? 15 * options.timeoutMs;
  const budget = { spent: false };
  const hello: Hello = (spec: ClientHelloSpec) =>
    limit(async () => {
      const left = budgetMs - (net.now() - started);
      if (left <= 0) {
        budget.spent = true;
        return { kind: 'no-tls', message: 'time budget spent' } as const;
      }
      return sendHello(net, endpoint, buildClientHello(spec), {
        timeoutMs: Math.min(options.timeoutMs, left),
        starttls: target.starttls ?? null,
      });
    });
  const gate = gateError(
    await hello({
      version: 'tls12',
      suites: LEGACY_CODES.slice(0, 128),
      servername,
      groups: DEFAULT_GROUPS,
    }),
  );
  if (gate !== null)
    return emptyObservation(target, gate.reachable, gate.error, net.now() - started);

  const scans = await Promise.all(TLS_PROTOCOLS.map((p) => scanProtocol(hello, p, servername)));
  const accepted = scans.filter((s) => s.accepted);
  const [ciphers, groups, fallback, sessionId, certificate] = await Promise.all([
    Promise.all(accepted.map((s) => cipherList(hello, s, servername))),
    groupsOf(hello, scans, servername),
    fallbackScsv(hello, scans, servername),
    sessionIdCaching(hello, scans, servername),
    accepted.length > 0
      ? certificateOf(net, endpoint, target, options, scans)
      : Promise.resolve(null),
  ]);
  const base = emptyObservation(target, true, '', 0);
  const facts = legacyFacts(scans);
  return {
    ...base,
    error:
      accepted.length === 0
        ? 'TLS answered but no protocol version was accepted'
        : budget.spent
          ? `partial: the time budget (${String(budgetMs)} ms) ran out`
          : null,
    protocols: {
      ssl3: scans[0]?.accepted ?? false,
      tls10: scans[1]?.accepted ?? false,
      tls11: scans[2]?.accepted ?? false,
      tls12: scans[3]?.accepted ?? false,
      tls13: scans[4]?.accepted ?? false,
    },
    ciphers,
    groups,
    ...facts,
    resumption: { sessionId, tickets: facts.resumption.tickets },
    fallbackScsv: fallback,
    certificate,
    durationMs: net.now() - started,
  };
}
