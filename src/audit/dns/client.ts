/**
 * A DNS stub client over the audit network: one question to the configured resolver over UDP,
 * again over TCP when the answer is truncated. The answer must carry the query's id and
 * question; anything else (spoofed, malformed, silent) is an error value, bounded in time.
 */
import { randomInt } from 'node:crypto';
import type { AuditNet, Endpoint } from '../net/types.js';
import { buildQuery, parseMessage, RR_TYPES, type DnsMessage, type RrType } from './wire.js';

export type DnsOutcome =
  | { readonly ok: true; readonly message: DnsMessage }
  | { readonly ok: false; readonly error: string };

export interface DnsClient {
  query(name: string, type: RrType, options?: { readonly dnssec?: boolean }): Promise<DnsOutcome>;
  /** Questions asked so far (each UDP or TCP exchange counts one). */
  readonly asked: () => number;
}

const MAX_ANSWER = 65535;

function check(bytes: Uint8Array, id: number, name: string, type: RrType): DnsOutcome {
  const parsed = parseMessage(bytes);
  if (!parsed.ok) return { ok: false, error: `malformed answer: ${parsed.error}` };
  const { message } = parsed;
  if (message.id !== id) return { ok: false, error: 'answer with another id' };
  const question = message.question;
  if (question?.name !== name.replace(/\.$/, '').toLowerCase() || question.type !== RR_TYPES[type])
    return { ok: false, error: 'answer to another question' };
  return { ok: true, message };
}

async function overTcp(
  net: AuditNet,
  resolver: Endpoint,
  query: Uint8Array,
  timeoutMs: number,
): Promise<Uint8Array | string> {
  const opened = await net.connect(resolver, { timeoutMs });
  if (!opened.ok) return `TCP: ${opened.message}`;
  const { conn } = opened;
  try {
    const framed = new Uint8Array(query.length + 2);
    framed.set([query.length >> 8, query.length & 0xff]);
    framed.set(query, 2);
    await conn.write(framed);
    const read = await conn.read({
      maxBytes: MAX_ANSWER + 2,
      timeoutMs,
      until: (b) => b.length >= 2 && b.length >= (((b[0] ?? 0) << 8) | (b[1] ?? 0)) + 2,
    });
    if (read.end !== 'until') return `TCP: no complete answer (${read.end})`;
    return read.bytes.subarray(2, (((read.bytes[0] ?? 0) << 8) | (read.bytes[1] ?? 0)) + 2);
  } finally {
    conn.close();
  }
}

export function dnsClient(net: AuditNet, resolver: Endpoint, timeoutMs = 2000): DnsClient {
  let asked = 0;
  return {
    asked: () => asked,
    async query(name, type, options = {}) {
      const id = randomInt(0, 65536);
      let query: Uint8Array;
      try {
        query = buildQuery(id, name, type, options.dnssec ?? false);
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : 'bad name' };
      }
      asked += 1;
      const udp = await net.exchangeUdp(resolver, query, { timeoutMs, maxBytes: MAX_ANSWER });
      let outcome: DnsOutcome = udp.ok
        ? check(udp.bytes, id, name, type)
        : { ok: false, error: udp.message };
      if (outcome.ok && outcome.message.truncated) {
        asked += 1;
        const tcp = await overTcp(net, resolver, query, timeoutMs);
        outcome = typeof tcp === 'string' ? { ok: false, error: tcp } : check(tcp, id, name, type);
      }
      return outcome;
    },
  };
}

/** The records of one type in an answer, for the queried name or its CNAME targets. */
export function recordsOf<T extends DnsMessage['answers'][number]['data']['type']>(
  outcome: DnsOutcome,
  type: T,
): Extract<DnsMessage['answers'][number]['data'], { type: T }>[] {
  if (!outcome.ok) return [];
  return outcome.message.answers
    .map((answer) => answer.data)
    .filter((data): data is Extract<typeof data, { type: T }> => data.type === type);
}
