/**
 * The server's handshake messages, decoded: ServerHello or HelloRetryRequest (RFC 8446 §4.1.3),
 * Certificate (TLS ≤ 1.2), ServerKeyExchange (DHE prime size, ECDHE curve).
 */
import { Reader } from './bytes.js';
import { EXT } from './client-hello.js';

/** SHA-256("HelloRetryRequest"): the random of an HRR. */
const HRR_RANDOM = Uint8Array.from(
  Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex'),
);

export interface ServerHello {
  /** The legacy version field. */
  readonly legacyVersion: number;
  /** The negotiated version: supported_versions when present, else the legacy field. */
  readonly version: number;
  readonly helloRetry: boolean;
  readonly sessionId: Uint8Array;
  readonly cipher: number;
  readonly compression: number;
  readonly extensions: ReadonlyMap<number, Uint8Array>;
  /** key_share's group (ServerHello) or selected_group (HRR); null when absent. */
  readonly keyShareGroup: number | null;
  readonly secureRenegotiation: boolean;
  readonly sessionTicket: boolean;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Throws WireError on a malformed message. */
export function parseServerHello(body: Uint8Array): ServerHello {
  const r = new Reader(body, 'ServerHello');
  const legacyVersion = r.u16();
  const random = r.take(32);
  const sessionId = r.vec(1);
  const cipher = r.u16();
  const compression = r.u8();
  const extensions = new Map<number, Uint8Array>();
  if (r.remaining >= 2) {
    const exts = new Reader(r.vec(2), 'ServerHello extensions');
    while (exts.remaining > 0) {
      const type = exts.u16();
      extensions.set(type, exts.vec(2));
    }
  }
  const versionExt = extensions.get(EXT.supportedVersions);
  const version =
    versionExt?.length === 2 ? new Reader(versionExt, 'supported_versions').u16() : legacyVersion;
  const keyShare = extensions.get(EXT.keyShare);
  return {
    legacyVersion,
    version,
    helloRetry: sameBytes(random, HRR_RANDOM),
    sessionId: Uint8Array.from(sessionId),
    cipher,
    compression,
    extensions,
    keyShareGroup:
      keyShare !== undefined && keyShare.length >= 2
        ? new Reader(keyShare, 'key_share').u16()
        : null,
    secureRenegotiation: extensions.has(EXT.renegotiationInfo),
    sessionTicket: extensions.has(EXT.sessionTicket),
  };
}

/** The DER certificates of a TLS ≤ 1.2 Certificate message, leaf first. */
export function parseCertificates(body: Uint8Array): Uint8Array[] {
  const list = new Reader(new Reader(body, 'Certificate').vec(3), 'certificate_list');
  const out: Uint8Array[] = [];
  while (list.remaining > 0) out.push(Uint8Array.from(list.vec(3)));
  return out;
}

export type KeyExchangeParams =
  | { readonly kind: 'dhe'; readonly bits: number }
  | { readonly kind: 'ecdhe'; readonly group: number };

/** Reads the DHE prime size or the ECDHE named curve from a ServerKeyExchange; null otherwise. */
export function parseServerKeyExchange(body: Uint8Array, kx: string): KeyExchangeParams | null {
  const r = new Reader(body, 'ServerKeyExchange');
  if (kx === 'DHE' || kx === 'DHE-PSK') {
    if (kx === 'DHE-PSK') r.vec(2); // psk_identity_hint comes first (RFC 4279 §3)
    const p = r.vec(2);
    let first = 0;
    while (first < p.length && p[first] === 0) first++;
    const top = p[first] ?? 0;
    const bits = (p.length - first) * 8 - (top === 0 ? 8 : Math.clz32(top) - 24);
    return { kind: 'dhe', bits };
  }
  if (kx === 'ECDHE' || kx === 'ECDHE-PSK') {
    if (kx === 'ECDHE-PSK') r.vec(2);
    const curveType = r.u8();
    return curveType === 3 ? { kind: 'ecdhe', group: r.u16() } : null;
  }
  return null;
}
