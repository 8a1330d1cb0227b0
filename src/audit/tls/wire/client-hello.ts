/**
 * ClientHello messages built byte by byte (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2), as testssl.sh and
 * sslyze do, so any version and any suite can be offered whatever the local OpenSSL allows. The
 * probe never completes a handshake: the server's first flight tells what it accepts.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TlsProtocol } from '../observation.js';
import { NAMED_GROUPS, SIGNATURE_SCHEMES } from '../suites.js';
import { concat, u16, u8, vec } from './bytes.js';

export const VERSION_CODES: Record<TlsProtocol, number> = {
  ssl3: 0x0300,
  tls10: 0x0301,
  tls11: 0x0302,
  tls12: 0x0303,
  tls13: 0x0304,
};

export const EXT = {
  serverName: 0,
  statusRequest: 5,
  supportedGroups: 10,
  ecPointFormats: 11,
  signatureAlgorithms: 13,
  padding: 21,
  sessionTicket: 35,
  supportedVersions: 43,
  pskKeyExchangeModes: 45,
  keyShare: 51,
  renegotiationInfo: 0xff01,
} as const;

export const SCSV = { renegotiation: 0x00ff, fallback: 0x5600 } as const;

export interface ClientHelloSpec {
  readonly version: TlsProtocol;
  readonly suites: readonly number[];
  /** SNI host name (never an IP literal: RFC 6066 §3). */
  readonly servername?: string | null;
  /** Group codes for supported_groups; defaults to every EC/FF group of the registry. */
  readonly groups?: readonly number[];
  /** TLS 1.3 key shares `[group, public key]`; an empty list makes the server answer with an HRR. */
  readonly keyShares?: readonly (readonly [number, Uint8Array])[];
  /** Offer DEFLATE before null compression (CRIME test); default true below TLS 1.3. */
  readonly offerCompression?: boolean;
  /** Add TLS_FALLBACK_SCSV (RFC 7507). */
  readonly fallbackScsv?: boolean;
  /** Legacy session id to send (32 random bytes for TLS 1.3 middlebox compatibility by default). */
  readonly sessionId?: Uint8Array;
  /** Offer the session_ticket extension (default true); without it a caching server names the session. */
  readonly sessionTicket?: boolean;
  /** Fixed client random (tests); random otherwise. */
  readonly random?: Uint8Array;
}

/** Every EC and FFDHE group of the registry except the post-quantum ones (those need key shares). */
export const DEFAULT_GROUPS: readonly number[] = NAMED_GROUPS.filter(
  (g) => g.kind === 'ecdhe' || g.kind === 'ffdhe',
).map((g) => g.code);

const SIG_SCHEMES = SIGNATURE_SCHEMES.map((s) => s.code);

function extension(type: number, body: Uint8Array): Uint8Array {
  return concat([u16(type), vec(2, [body])]);
}

function isIpLiteral(name: string): boolean {
  return /^[\d.]+$/.test(name) || name.includes(':');
}

function extensions(spec: ClientHelloSpec): Uint8Array[] {
  const exts: Uint8Array[] = [];
  const name = spec.servername ?? null;
  if (name !== null && name !== '' && !isIpLiteral(name)) {
    const host = new TextEncoder().encode(name);
    exts.push(extension(EXT.serverName, vec(2, [u8(0), vec(2, [host])])));
  }
  if (spec.version === 'ssl3') return exts;
  const groups = spec.groups ?? DEFAULT_GROUPS;
  exts.push(extension(EXT.supportedGroups, vec(2, groups.map(u16))));
  exts.push(extension(EXT.ecPointFormats, vec(1, [u8(0), u8(1), u8(2)])));
  if (spec.sessionTicket !== false) exts.push(extension(EXT.sessionTicket, new Uint8Array(0)));
  exts.push(extension(EXT.statusRequest, Uint8Array.of(1, 0, 0, 0, 0)));
  if (spec.version === 'tls12' || spec.version === 'tls13') {
    exts.push(extension(EXT.signatureAlgorithms, vec(2, SIG_SCHEMES.map(u16))));
  }
  if (spec.version === 'tls13') {
    exts.push(extension(EXT.supportedVersions, vec(1, [u16(VERSION_CODES.tls13)])));
    exts.push(extension(EXT.pskKeyExchangeModes, vec(1, [u8(1)])));
    const shares = (spec.keyShares ?? []).map(([group, key]) =>
      concat([u16(group), vec(2, [key])]),
    );
    exts.push(extension(EXT.keyShare, vec(2, shares)));
  }
  return exts;
}

/** One handshake record holding the ClientHello. */
export function buildClientHello(spec: ClientHelloSpec): Uint8Array {
  const tls13 = spec.version === 'tls13';
  const legacyVersion = tls13 ? VERSION_CODES.tls12 : VERSION_CODES[spec.version];
  const suites = [...spec.suites];
  if (!tls13) suites.push(SCSV.renegotiation);
  if (spec.fallbackScsv === true) suites.push(SCSV.fallback);
  const compression = !tls13 && spec.offerCompression !== false ? [1, 0] : [0];
  const sessionId = spec.sessionId ?? (tls13 ? new Uint8Array(randomBytes(32)) : new Uint8Array(0));
  const exts = extensions(spec);
  const head = [
    u16(legacyVersion),
    spec.random ?? new Uint8Array(randomBytes(32)),
    vec(1, [sessionId]),
    vec(2, suites.map(u16)),
    vec(1, compression.map(u8)),
  ];
  // RFC 7685 padding: some servers hang on hellos of 256–511 bytes (the F5 bug OpenSSL avoids too).
  const unpadded = concat([...head, vec(2, exts)]).length + 4;
  if (spec.version !== 'ssl3' && unpadded >= 256 && unpadded < 512) {
    exts.push(extension(EXT.padding, new Uint8Array(Math.max(1, 512 - unpadded - 4))));
  }
  const body = concat([
    ...head,
    ...(spec.version === 'ssl3' && exts.length === 0 ? [] : [vec(2, exts)]),
  ]);
  const handshake = concat([u8(1), vec(3, [body])]);
  const recordVersion = spec.version === 'ssl3' ? VERSION_CODES.ssl3 : VERSION_CODES.tls10;
  return concat([u8(22), u16(recordVersion), vec(2, [handshake])]);
}

/** A fresh X25519 public key for a TLS 1.3 key share (the private half is never needed). */
export function x25519KeyShare(): readonly [number, Uint8Array] {
  const { publicKey } = generateKeyPairSync('x25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return [29, new Uint8Array(der.subarray(der.length - 32))];
}
