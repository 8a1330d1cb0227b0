/**
 * The HTTP probe: what one web endpoint answers, observed through the audit's network port.
 * `GET /` (and its same-origin redirects, at most two), the plain-HTTP side's redirect to HTTPS,
 * then a bounded set of extra requests: a random path for the server's "not found" (so that a
 * server answering 200 to everything is no finding), the built-in admin/sensitive paths and
 * browsable directories of signatures.ts, and TRACE. When `/` gets no usable answer (silence,
 * endless headers, garbage) the probe stops there: a hostile target costs one timeout.
 */
import { randomBytes } from 'node:crypto';
import type { AuditNet, Conn, Endpoint } from '../net/types.js';
import { DEFAULT_HTTP_LIMITS, httpRequest, type HttpLimits } from './client.js';
import { header, headerValues, parseHsts, parseSetCookie } from './headers.js';
import type {
  HttpExchange,
  HttpObservation,
  HttpsRedirect,
  PathFinding,
  SetCookie,
} from './observation.js';
import { subjectOf } from './observation.js';

export { subjectOf } from './observation.js';
import {
  LISTING_CANDIDATES,
  PATH_SIGNATURES,
  defaultPage,
  directoryListing,
  type PathSignature,
} from './signatures.js';

export interface HttpTarget {
  readonly address: string;
  readonly port: number;
  readonly tls: boolean;
  /** Host header and SNI; the address when null. */
  readonly host: string | null;
}

export interface HttpProbeOptions {
  /** Per request (connection, headers and body). */
  readonly timeoutMs: number;
  readonly maxBodyBytes?: number;
  /** For an HTTPS target: the plain port whose redirect to HTTPS is checked (80, or mapped). */
  readonly plainPort?: number | null;
  /** Admin paths, directory listings, TRACE (default true). */
  readonly extraRequests?: boolean;
  /** Extra requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** All extra requests together stop after this (default 4 × timeoutMs). */
  readonly budgetMs?: number;
  readonly signal?: AbortSignal;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function hostHeader(target: HttpTarget, port: number, tls: boolean): string {
  const name =
    target.host ?? (target.address.includes(':') ? `[${target.address}]` : target.address);
  return port === (tls ? 443 : 80) ? name : `${name}:${port}`;
}

interface Session {
  readonly net: AuditNet;
  readonly target: HttpTarget;
  readonly limits: HttpLimits;
  readonly options: HttpProbeOptions;
  requests: number;
}

/** One request on its own connection (plain or TLS), closed afterwards. */
async function fetchOnce(
  session: Session,
  method: string,
  path: string,
  at: { port: number; tls: boolean; timeoutMs?: number },
  headers: readonly (readonly [string, string])[] = [],
): Promise<HttpExchange> {
  const { net, target } = session;
  session.requests += 1;
  const timeoutMs = at.timeoutMs ?? session.limits.timeoutMs;
  const started = net.now();
  const endpoint: Endpoint = { address: target.address, port: at.port };
  const signal = session.options.signal;
  const common = { timeoutMs, ...(signal !== undefined ? { signal } : {}) };
  const outcome = at.tls
    ? await net.connectTls(endpoint, {
        ...common,
        ...(target.host !== null ? { servername: target.host } : {}),
        alpn: ['http/1.1'],
      })
    : await net.connect(endpoint, common);
  const elapsed = net.now() - started;
  if (!outcome.ok) {
    return {
      method,
      path,
      status: null,
      reason: '',
      headers: [],
      bodySample: '',
      bodyLength: 0,
      truncated: false,
      error: `${outcome.failure}: ${outcome.message}`,
      durationMs: Math.round(elapsed),
    };
  }
  const conn: Conn = outcome.conn;
  try {
    const request = { method, path, host: hostHeader(target, at.port, at.tls), headers };
    const limits = { ...session.limits, timeoutMs };
    return await httpRequest(conn, request, limits, () => net.now(), started);
  } finally {
    conn.close();
  }
}

/** The path of a same-origin Location, or null (another origin, scheme or malformed). */
function sameOriginPath(
  location: string,
  target: HttpTarget,
  port: number,
  tls: boolean,
): string | null {
  if (location.startsWith('/') && !location.startsWith('//')) return location;
  try {
    const url = new URL(location);
    const scheme = tls ? 'https:' : 'http:';
    const urlPort = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    const names = [target.host, target.address, `[${target.address}]`].filter((n) => n !== null);
    if (url.protocol !== scheme || urlPort !== port || !names.includes(url.hostname)) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

function redirectOf(response: HttpExchange, port: number): HttpsRedirect {
  const location = header(response.headers, 'location');
  const isRedirect = response.status !== null && REDIRECTS.has(response.status);
  return {
    port,
    answered: response.status !== null,
    status: response.status,
    location,
    toHttps: isRedirect && location !== null && /^https:\/\//i.test(location.trim()),
  };
}

function cookiesOf(responses: readonly HttpExchange[]): SetCookie[] {
  const byName = new Map<string, SetCookie>();
  for (const response of responses)
    for (const line of headerValues(response.headers, 'set-cookie')) {
      const cookie = parseSetCookie(line);
      if (cookie.name !== '' && !byName.has(cookie.name)) byName.set(cookie.name, cookie);
    }
  return [...byName.values()];
}

/** Follows same-origin redirects of `/` (at most two): the page the headers are judged on. */
async function pageOf(session: Session, root: HttpExchange): Promise<HttpExchange[]> {
  const { target } = session;
  const chain = [root];
  for (let hop = 0; hop < 2; hop += 1) {
    const last = chain.at(-1) ?? root;
    if (last.status === null || !REDIRECTS.has(last.status)) return chain;
    const location = header(last.headers, 'location');
    const path =
      location === null ? null : sameOriginPath(location, target, target.port, target.tls);
    if (path === null) return chain;
    chain.push(await fetchOnce(session, 'GET', path, target));
  }
  return chain;
}

/** Runs tasks with at most `limit` in flight; results in input order. */
async function pool<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Probes one HTTP(S) endpoint. Never throws for what the target does. */
export async function probeHttp(
  net: AuditNet,
  target: HttpTarget,
  options: HttpProbeOptions,
): Promise<HttpObservation> {
  const started = net.now();
  const session: Session = {
    net,
    target,
    options,
    requests: 0,
    limits: {
      ...DEFAULT_HTTP_LIMITS,
      timeoutMs: options.timeoutMs,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_HTTP_LIMITS.maxBodyBytes,
    },
  };
  const base = { target, subject: subjectOf(target.address, target.port) };
  const root = await fetchOnce(session, 'GET', '/', target);
  const finish = (partial: Partial<HttpObservation>): HttpObservation => ({
    ...base,
    reachable:
      root.status !== null || !/^(refused|timeout|unreachable|out-of-scope)/.test(root.error ?? ''),
    error: null,
    root: root.status === null ? null : root,
    page: null,
    cookies: [],
    hsts: null,
    redirect: null,
    notFound: null,
    defaultPage: null,
    paths: [],
    trace: null,
    ...partial,
    requests: session.requests,
    durationMs: Math.round(net.now() - started),
  });
  if (root.status === null) return finish({ error: root.error });
  const chain = await pageOf(session, root);
  const last = chain.at(-1) ?? root;
  const page = last.status !== null && !REDIRECTS.has(last.status) ? last : null;
  const hstsLine = target.tls
    ? (chain
        .map((response) => header(response.headers, 'strict-transport-security'))
        .find((v) => v !== null) ?? null)
    : null;
  const redirect = target.tls
    ? options.plainPort === undefined || options.plainPort === null
      ? null
      : redirectOf(
          await fetchOnce(session, 'GET', '/', { port: options.plainPort, tls: false }),
          options.plainPort,
        )
    : redirectOf(root, target.port);
  const extras = options.extraRequests === false ? null : await extraRequests(session, page);
  return finish({
    page,
    cookies: cookiesOf(chain),
    hsts: hstsLine === null ? null : parseHsts(hstsLine),
    redirect,
    defaultPage: page === null ? null : defaultPage(page),
    ...(extras ?? {}),
  });
}

type Extras = Pick<HttpObservation, 'notFound' | 'paths' | 'trace' | 'error'>;

/** Where an extra request goes, with what is left of the extras' time budget. */
type At = () => { port: number; tls: boolean; timeoutMs: number };

/** One built-in path: its signature must match, and not on the "not found" answer too. */
async function probePath(
  session: Session,
  signature: PathSignature,
  notFound: HttpExchange,
  at: At,
): Promise<PathFinding> {
  const response = await fetchOnce(session, 'GET', signature.path, at());
  const evidence = response.status === null ? null : signature.match(response);
  // a soft 404 that happens to carry the signature answers the random path the same way
  const soft =
    evidence !== null && (signature.match(notFound) !== null || sameBody(response, notFound));
  return {
    path: signature.path,
    kind: signature.kind,
    label: signature.label,
    status: response.status,
    matched: evidence !== null && !soft,
    evidence: evidence ?? '',
  };
}

async function probeListing(session: Session, path: string, at: At): Promise<PathFinding> {
  const response = await fetchOnce(session, 'GET', path, at());
  const listing = directoryListing(response);
  return {
    path,
    kind: 'listing',
    label: listing === null ? 'Directory' : `${listing.server} directory listing`,
    status: response.status,
    matched: listing !== null,
    evidence: listing?.evidence ?? '',
  };
}

/** TRACE with a random marker header: enabled when the answer echoes it back. */
async function probeTrace(session: Session, at: At): Promise<HttpObservation['trace']> {
  const marker = randomBytes(8).toString('hex');
  const response = await fetchOnce(session, 'TRACE', '/', at(), [['X-Vigie-Trace', marker]]);
  if (response.status === null) return null;
  return {
    status: response.status,
    echoed: response.status === 200 && response.bodySample.includes(marker),
  };
}

async function extraRequests(session: Session, page: HttpExchange | null): Promise<Extras> {
  const { net, target, options } = session;
  const deadline = net.now() + (options.budgetMs ?? 4 * options.timeoutMs);
  const at: At = () => ({
    ...target,
    timeoutMs: Math.max(1, Math.min(session.limits.timeoutMs, deadline - net.now())),
  });
  const random = `/vigie-${randomBytes(8).toString('hex')}`;
  const notFound = await fetchOnce(session, 'GET', random, at());
  if (notFound.status === null) {
    const error = `not-found baseline: ${notFound.error ?? ''}`;
    return { notFound: null, paths: [], trace: null, error };
  }
  const paths: PathFinding[] = [];
  const rootListing = page === null ? null : directoryListing(page);
  if (rootListing !== null && page !== null) {
    const label = `${rootListing.server} directory listing`;
    const evidence = rootListing.evidence;
    paths.push({
      path: page.path,
      kind: 'listing',
      label,
      status: page.status,
      matched: true,
      evidence,
    });
  }
  const jobs: (() => Promise<PathFinding | null>)[] = [
    ...PATH_SIGNATURES.map((signature) => () => probePath(session, signature, notFound, at)),
    ...LISTING_CANDIDATES.map((path) => () => probeListing(session, path, at)),
  ];
  let trace: HttpObservation['trace'] = null;
  jobs.push(async () => {
    trace = await probeTrace(session, at);
    return null;
  });
  const results = await pool(jobs, options.concurrency ?? 4, (job) =>
    net.now() >= deadline || options.signal?.aborted === true ? Promise.resolve(null) : job(),
  );
  for (const result of results) if (result !== null) paths.push(result);
  return { notFound, paths, trace, error: null };
}

function sameBody(a: HttpExchange, b: HttpExchange): boolean {
  return a.status === b.status && a.bodyLength > 0 && a.bodySample === b.bodySample;
}
