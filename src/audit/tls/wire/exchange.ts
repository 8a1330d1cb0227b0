/**
 * One probe connection: connect (through the scope-guarded AuditNet), run the STARTTLS preface,
 * send a ClientHello, read the server's first flight (bounded in bytes and time) and decode it.
 */
import type { AuditNet, Endpoint } from '../../net/types.js';
import { WireError } from './bytes.js';
import { flightComplete, HANDSHAKE, parseFlight } from './records.js';
import { parseCertificates, parseServerHello, parseServerKeyExchange } from './server-hello.js';
import type { KeyExchangeParams, ServerHello } from './server-hello.js';
import { starttlsPreface } from './starttls.js';
import type { StarttlsProtocol } from './starttls.js';
import { suiteByCode } from '../suites.js';

export type HelloOutcome =
  | {
      readonly kind: 'hello';
      readonly hello: ServerHello;
      readonly certificates: Uint8Array[] | null;
      readonly keyExchange: KeyExchangeParams | null;
    }
  | { readonly kind: 'alert'; readonly description: number }
  /** The connection could not be made or the STARTTLS preface failed. */
  | { readonly kind: 'unreachable'; readonly message: string }
  /** Connected, but no usable TLS answer (silence, close, garbage, malformed). */
  | { readonly kind: 'no-tls'; readonly message: string };

export interface ExchangeOptions {
  readonly timeoutMs: number;
  /** Cap on the bytes read for one flight (a certificate chain fits in far less). */
  readonly maxBytes?: number;
  readonly starttls?: StarttlsProtocol | null;
}

export const ALERT = {
  handshakeFailure: 40,
  protocolVersion: 70,
  inappropriateFallback: 86,
} as const;

function decode(bytes: Uint8Array, end: string): HelloOutcome {
  const flight = parseFlight(bytes);
  if (flight.notTls)
    return { kind: 'no-tls', message: `not TLS (first byte 0x${(bytes[0] ?? 0).toString(16)})` };
  const helloMessage = flight.messages.find((m) => m.type === HANDSHAKE.serverHello);
  if (helloMessage === undefined) {
    if (flight.alert !== null) return { kind: 'alert', description: flight.alert.description };
    return {
      kind: 'no-tls',
      message: bytes.length === 0 ? `no answer (${end})` : `incomplete answer (${end})`,
    };
  }
  try {
    const hello = parseServerHello(helloMessage.body);
    const certMessage = flight.messages.find((m) => m.type === HANDSHAKE.certificate);
    const skeMessage = flight.messages.find((m) => m.type === HANDSHAKE.serverKeyExchange);
    const kx = suiteByCode(hello.cipher)?.kx ?? 'NULL';
    return {
      kind: 'hello',
      hello,
      certificates:
        certMessage !== undefined && hello.version < 0x0304
          ? parseCertificates(certMessage.body)
          : null,
      keyExchange: skeMessage !== undefined ? parseServerKeyExchange(skeMessage.body, kx) : null,
    };
  } catch (error) {
    if (error instanceof WireError) return { kind: 'no-tls', message: error.message };
    throw error;
  }
}

/** Sends one ClientHello record and decodes the answer. Never throws for network trouble. */
export async function sendHello(
  net: AuditNet,
  endpoint: Endpoint,
  record: Uint8Array,
  options: ExchangeOptions,
): Promise<HelloOutcome> {
  const opened = await net.connect(endpoint, { timeoutMs: options.timeoutMs });
  if (!opened.ok) return { kind: 'unreachable', message: `${opened.failure}: ${opened.message}` };
  const conn = opened.conn;
  try {
    if (options.starttls != null) {
      try {
        await starttlsPreface(options.starttls, conn, options.timeoutMs);
      } catch (error) {
        return {
          kind: 'unreachable',
          message: error instanceof Error ? error.message : String(error),
        };
      }
    }
    await conn.write(record);
    const result = await conn.read({
      maxBytes: options.maxBytes ?? 65536,
      timeoutMs: options.timeoutMs,
      until: (bytes) => flightComplete(parseFlight(bytes)),
    });
    return decode(result.bytes, result.end);
  } catch (error) {
    return { kind: 'no-tls', message: error instanceof Error ? error.message : String(error) };
  } finally {
    conn.close();
  }
}
