/**
 * The server's first flight, read from raw bytes: TLS records (RFC 5246 §6.2) reassembled into
 * handshake messages (which may span records, or share one), and alerts. Tolerates fragmentation,
 * stops at anything that is not TLS, and never reads past what arrived.
 */
import { Reader, WireError } from './bytes.js';

export const CONTENT = {
  changeCipherSpec: 20,
  alert: 21,
  handshake: 22,
  applicationData: 23,
} as const;
export const HANDSHAKE = {
  serverHello: 2,
  newSessionTicket: 4,
  certificate: 11,
  serverKeyExchange: 12,
  certificateRequest: 13,
  serverHelloDone: 14,
  certificateStatus: 22,
} as const;

export interface HandshakeMessage {
  readonly type: number;
  readonly body: Uint8Array;
}

export interface Flight {
  /** Complete handshake messages, in order. */
  readonly messages: HandshakeMessage[];
  readonly alert: { readonly level: number; readonly description: number } | null;
  /** Record layer version of the first record (0x0300…0x0303), or null when none yet. */
  readonly recordVersion: number | null;
  /** Bytes that cannot be TLS (wrong content type or version): the service speaks something else. */
  readonly notTls: boolean;
  /** A record of another type (CCS, encrypted data) followed the handshake messages. */
  readonly sawOtherRecord: boolean;
}

const MAX_RECORD = 16384 + 2048;

/** Reads what can be read from `bytes`; a partial trailing record is simply left. */
export function parseFlight(bytes: Uint8Array): Flight {
  const messages: HandshakeMessage[] = [];
  let alert: Flight['alert'] = null;
  let recordVersion: number | null = null;
  let sawOtherRecord = false;
  let pending: Uint8Array = new Uint8Array(0);
  let at = 0;
  while (at + 5 <= bytes.length) {
    const type = bytes[at] ?? 0;
    const version = ((bytes[at + 1] ?? 0) << 8) | (bytes[at + 2] ?? 0);
    const length = ((bytes[at + 3] ?? 0) << 8) | (bytes[at + 4] ?? 0);
    if (type < 20 || type > 23 || version >> 8 !== 3 || length > MAX_RECORD) {
      return {
        messages,
        alert,
        recordVersion,
        notTls: messages.length === 0 && alert === null,
        sawOtherRecord,
      };
    }
    if (at + 5 + length > bytes.length) break;
    recordVersion ??= version;
    const fragment = bytes.subarray(at + 5, at + 5 + length);
    at += 5 + length;
    if (type === CONTENT.alert && fragment.length >= 2) {
      alert ??= { level: fragment[0] ?? 0, description: fragment[1] ?? 0 };
    } else if (type === CONTENT.handshake) {
      const joined = new Uint8Array(pending.length + fragment.length);
      joined.set(pending);
      joined.set(fragment, pending.length);
      pending = takeMessages(joined, messages);
    } else {
      sawOtherRecord = true;
    }
  }
  return { messages, alert, recordVersion, notTls: false, sawOtherRecord };
}

/** Moves complete handshake messages out of `buffer`; returns the incomplete rest. */
function takeMessages(buffer: Uint8Array, out: HandshakeMessage[]): Uint8Array {
  let at = 0;
  while (at + 4 <= buffer.length) {
    const length =
      ((buffer[at + 1] ?? 0) << 16) | ((buffer[at + 2] ?? 0) << 8) | (buffer[at + 3] ?? 0);
    if (at + 4 + length > buffer.length) break;
    out.push({ type: buffer[at] ?? 0, body: buffer.slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return buffer.slice(at);
}

/** True when the flight says all the probe needs: an alert, or the server's hello flight ended. */
export function flightComplete(flight: Flight): boolean {
  if (flight.notTls || flight.alert !== null || flight.sawOtherRecord) return true;
  return flight.messages.some((m) => m.type === HANDSHAKE.serverHelloDone) || isTls13Hello(flight);
}

/** A TLS 1.3 ServerHello or HRR: what follows is encrypted, so nothing more to read. */
function isTls13Hello(flight: Flight): boolean {
  const hello = flight.messages.find((m) => m.type === HANDSHAKE.serverHello);
  if (hello === undefined) return false;
  try {
    const r = new Reader(hello.body, 'ServerHello');
    r.u16();
    r.take(32);
    r.vec(1);
    r.u16();
    r.u8();
    if (r.remaining < 2) return false;
    const exts = new Reader(r.vec(2), 'ServerHello extensions');
    while (exts.remaining >= 4) {
      const type = exts.u16();
      const body = exts.vec(2);
      if (type === 43) return body.length === 2;
    }
  } catch (error) {
    if (error instanceof WireError) return true; // malformed: reading more will not help
    throw error;
  }
  return false;
}
