/**
 * Enumeration by elimination, as sslyze and testssl.sh do: offer many suites (or groups), note
 * the one the server picks, offer the rest again, until the server refuses. k accepted values cost
 * k + 1 connections per batch; batches of one protocol run in parallel.
 */
import type { TlsProtocol } from '../observation.js';
import { buildClientHello, VERSION_CODES, x25519KeyShare } from './client-hello.js';
import type { ClientHelloSpec } from './client-hello.js';
import type { HelloOutcome } from './exchange.js';

/** Sends one ClientHello built from the spec (connection, preface, limiter already bound). */
export type Hello = (spec: ClientHelloSpec) => Promise<HelloOutcome>;

/** Suites per ClientHello: keeps hellos well under the sizes some servers choke on. */
export const MAX_SUITES_PER_HELLO = 160;

export interface Pick {
  readonly suite: number;
  readonly outcome: Extract<HelloOutcome, { kind: 'hello' }>;
}

export interface ChainResult {
  readonly picks: Pick[];
  /** The picks of each batch, in pick order (the server's order within a batch when it chooses). */
  readonly batches: Pick[][];
  /** Outcome of the first hello of each batch (protocol detection). */
  readonly first: HelloOutcome[];
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** True when the answer is a ServerHello (or HRR) at exactly the offered version. */
export function acceptedAt(
  outcome: HelloOutcome,
  version: TlsProtocol,
): outcome is Pick['outcome'] {
  return outcome.kind === 'hello' && outcome.hello.version === VERSION_CODES[version];
}

function specFor(
  version: TlsProtocol,
  suites: readonly number[],
  base: Partial<ClientHelloSpec>,
): ClientHelloSpec {
  return version === 'tls13'
    ? { keyShares: [x25519KeyShare()], ...base, version, suites }
    : { ...base, version, suites };
}

/** Removes accepted suites one by one from one batch. */
async function eliminate(
  hello: Hello,
  version: TlsProtocol,
  batch: readonly number[],
  base: Partial<ClientHelloSpec>,
): Promise<{ picks: Pick[]; first: HelloOutcome }> {
  const remaining = [...batch];
  const picks: Pick[] = [];
  let first: HelloOutcome | null = null;
  while (remaining.length > 0) {
    const outcome = await hello(specFor(version, remaining, base));
    first ??= outcome;
    if (!acceptedAt(outcome, version)) break;
    const at = remaining.indexOf(outcome.hello.cipher);
    if (at < 0) break; // a suite not offered: a broken server, stop rather than loop
    picks.push({ suite: outcome.hello.cipher, outcome });
    remaining.splice(at, 1);
  }
  return { picks, first: first ?? { kind: 'no-tls', message: 'nothing offered' } };
}

/** Every suite of `suites` the server accepts at `version`, batches in parallel. */
export async function enumerateSuites(
  hello: Hello,
  version: TlsProtocol,
  suites: readonly number[],
  base: Partial<ClientHelloSpec> = {},
): Promise<ChainResult> {
  const results = await Promise.all(
    chunk(suites, MAX_SUITES_PER_HELLO).map((batch) => eliminate(hello, version, batch, base)),
  );
  return {
    picks: results.flatMap((r) => r.picks),
    batches: results.map((r) => r.picks),
    first: results.map((r) => r.first),
  };
}

/**
 * The server's order among `accepted` (≥ 2): offer them forward and reversed (as testssl.sh
 * does); the same pick both ways means the server chooses, and elimination gives its order —
 * unless `pickOrder` already is it (every accepted suite came from one batch).
 */
export async function preferenceOrder(
  hello: Hello,
  version: TlsProtocol,
  accepted: readonly number[],
  base: Partial<ClientHelloSpec> = {},
  pickOrder: readonly number[] | null = null,
): Promise<{ serverOrder: boolean | null; order: number[] }> {
  if (accepted.length < 2) return { serverOrder: null, order: [...accepted] };
  const reversed = [...accepted].reverse();
  const [forward, backward] = await Promise.all([
    hello(specFor(version, accepted, base)),
    hello(specFor(version, reversed, base)),
  ]);
  if (!acceptedAt(forward, version) || !acceptedAt(backward, version)) {
    return { serverOrder: null, order: [...accepted] };
  }
  if (forward.hello.cipher !== backward.hello.cipher)
    return { serverOrder: false, order: [...accepted] };
  if (pickOrder?.length === accepted.length && pickOrder[0] === forward.hello.cipher) {
    return { serverOrder: true, order: [...pickOrder] };
  }
  const order = [forward.hello.cipher];
  const rest = accepted.filter((s) => s !== forward.hello.cipher);
  const tail = await eliminate(hello, version, rest, base);
  order.push(...tail.picks.map((p) => p.suite));
  for (const s of rest) if (!order.includes(s)) order.push(s);
  return { serverOrder: true, order };
}

/**
 * TLS 1.3 groups: supported_groups lists the remaining groups and key_share is empty, so a
 * server that accepts one answers with a HelloRetryRequest naming it.
 */
export async function enumerateTls13Groups(
  hello: Hello,
  groups: readonly number[],
  suites: readonly number[],
): Promise<number[]> {
  const remaining = [...groups];
  const found: number[] = [];
  while (remaining.length > 0) {
    const outcome = await hello({ version: 'tls13', suites, groups: remaining, keyShares: [] });
    if (!acceptedAt(outcome, 'tls13') || outcome.hello.keyShareGroup === null) break;
    const at = remaining.indexOf(outcome.hello.keyShareGroup);
    if (at < 0) break;
    found.push(outcome.hello.keyShareGroup);
    remaining.splice(at, 1);
  }
  return found;
}

/** TLS ≤ 1.2 ECDHE curves: offer ECDHE suites only and read the ServerKeyExchange's curve. */
export async function enumerateEcdheCurves(
  hello: Hello,
  version: TlsProtocol,
  ecdheSuites: readonly number[],
  curves: readonly number[],
  base: Partial<ClientHelloSpec> = {},
): Promise<number[]> {
  const remaining = [...curves];
  const found: number[] = [];
  while (remaining.length > 0 && ecdheSuites.length > 0) {
    const outcome = await hello({ ...base, version, suites: ecdheSuites, groups: remaining });
    if (!acceptedAt(outcome, version) || outcome.keyExchange?.kind !== 'ecdhe') break;
    const at = remaining.indexOf(outcome.keyExchange.group);
    if (at < 0) break;
    found.push(outcome.keyExchange.group);
    remaining.splice(at, 1);
  }
  return found;
}

/** Builds the record (kept here so tests can swap `Hello` for a fake server). */
export function recordOf(spec: ClientHelloSpec): Uint8Array {
  return buildClientHello(spec);
}
