/**
 * Key exchange for the audit client: KEXINIT (RFC 4253 §7.1) written and parsed, algorithm
 * negotiation, curve25519-sha256 (RFC 8731) with node:crypto's X25519, and the session keys
 * (RFC 4253 §7.2). The host key's signature is not verified: the probe only lists what the
 * server offers and says; it sends no secret.
 */
import {
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  randomBytes,
} from 'node:crypto';
import { SshReader, SshWriter, SshWireError } from './bytes.js';
import { CLIENT_CIPHERS, CLIENT_MACS, keySizes, type DirectionKeys } from './transport.js';

export const MSG = {
  disconnect: 1,
  ignore: 2,
  unimplemented: 3,
  debug: 4,
  serviceRequest: 5,
  serviceAccept: 6,
  extInfo: 7,
  kexinit: 20,
  newkeys: 21,
  kexEcdhInit: 30,
  kexEcdhReply: 31,
  userauthRequest: 50,
  userauthFailure: 51,
  userauthSuccess: 52,
  userauthBanner: 53,
} as const;

/** The ten name-lists of a KEXINIT, in wire order. */
export interface KexInit {
  readonly kex: readonly string[];
  readonly hostKeys: readonly string[];
  readonly ciphersC2S: readonly string[];
  readonly ciphersS2C: readonly string[];
  readonly macsC2S: readonly string[];
  readonly macsS2C: readonly string[];
  readonly compressionC2S: readonly string[];
  readonly compressionS2C: readonly string[];
  readonly firstKexFollows: boolean;
}

export function parseKexInit(payload: Uint8Array): KexInit {
  const r = new SshReader(payload);
  if (r.byte() !== MSG.kexinit) throw new SshWireError('expected KEXINIT');
  r.take(16);
  const lists = Array.from({ length: 10 }, () => r.nameList());
  const at = (i: number): string[] => lists[i] ?? [];
  return {
    kex: at(0),
    hostKeys: at(1),
    ciphersC2S: at(2),
    ciphersS2C: at(3),
    macsC2S: at(4),
    macsS2C: at(5),
    compressionC2S: at(6),
    compressionS2C: at(7),
    firstKexFollows: r.boolean(),
  };
}

export const CLIENT_KEX = ['curve25519-sha256', 'curve25519-sha256@libssh.org'] as const;
/** RSA first so that its modulus size is seen when the server has an RSA key. */
export const CLIENT_HOST_KEYS = [
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-dss',
] as const;

export function clientKexInit(): Buffer {
  const w = new SshWriter().byte(MSG.kexinit).raw(randomBytes(16));
  w.nameList(CLIENT_KEX).nameList(CLIENT_HOST_KEYS);
  w.nameList(CLIENT_CIPHERS).nameList(CLIENT_CIPHERS);
  w.nameList(CLIENT_MACS).nameList(CLIENT_MACS);
  w.nameList(['none']).nameList(['none']).nameList([]).nameList([]);
  return w.boolean(false).uint32(0).bytes();
}

export interface Negotiated {
  readonly kex: string;
  readonly hostKey: string;
  readonly cipherC2S: string;
  readonly cipherS2C: string;
  readonly macC2S: string;
  readonly macS2C: string;
}

const pick = (client: readonly string[], server: readonly string[]): string | null =>
  client.find((name) => server.includes(name)) ?? null;

/** The algorithms both sides share, or the first category with nothing in common. */
export function negotiate(
  server: KexInit,
): { ok: true; value: Negotiated } | { ok: false; missing: string } {
  const kex = pick(CLIENT_KEX, server.kex);
  if (kex === null) return { ok: false, missing: 'key exchange' };
  const hostKey = pick(CLIENT_HOST_KEYS, server.hostKeys);
  if (hostKey === null) return { ok: false, missing: 'host key algorithm' };
  const cipherC2S = pick(CLIENT_CIPHERS, server.ciphersC2S);
  const cipherS2C = pick(CLIENT_CIPHERS, server.ciphersS2C);
  if (cipherC2S === null || cipherS2C === null) return { ok: false, missing: 'cipher' };
  const needsMac = (cipher: string) => !cipher.includes('gcm');
  const macC2S = needsMac(cipherC2S) ? pick(CLIENT_MACS, server.macsC2S) : '';
  const macS2C = needsMac(cipherS2C) ? pick(CLIENT_MACS, server.macsS2C) : '';
  if (macC2S === null || macS2C === null) return { ok: false, missing: 'MAC' };
  if (!server.compressionC2S.includes('none') || !server.compressionS2C.includes('none')) {
    return { ok: false, missing: 'compression "none"' };
  }
  return { ok: true, value: { kex, hostKey, cipherC2S, cipherS2C, macC2S, macS2C } };
}

const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');

export interface EcdhClient {
  readonly init: Buffer;
  readonly publicKey: Buffer;
  secret(serverPublic: Uint8Array): Buffer;
}

export function x25519Client(): EcdhClient {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(X25519_SPKI.length);
  return {
    init: new SshWriter().byte(MSG.kexEcdhInit).string(raw).bytes(),
    publicKey: raw,
    secret(serverPublic) {
      if (serverPublic.length !== 32) throw new SshWireError('bad X25519 public key length');
      const key = createPublicKey({
        key: Buffer.concat([X25519_SPKI, serverPublic]),
        format: 'der',
        type: 'spki',
      });
      return diffieHellman({ privateKey, publicKey: key });
    },
  };
}

/** The server's host key as sent in its ECDH reply: its type and size. */
export interface HostKeyInfo {
  readonly type: string;
  readonly bits: number | null;
  readonly blob: Buffer;
}

function unsignedBits(mpint: Uint8Array): number {
  let i = 0;
  while (i < mpint.length && mpint[i] === 0) i += 1;
  if (i === mpint.length) return 0;
  return (mpint.length - i - 1) * 8 + (32 - Math.clz32(mpint[i] ?? 0));
}

export function parseHostKey(blob: Uint8Array): HostKeyInfo {
  const r = new SshReader(blob);
  const type = r.text();
  let bits: number | null = null;
  if (type === 'ssh-rsa') {
    r.string();
    bits = unsignedBits(r.string());
  } else if (type === 'ssh-dss') bits = unsignedBits(r.string());
  else if (type === 'ssh-ed25519') bits = 256;
  else if (type.startsWith('ecdsa-sha2-nistp')) bits = Number(type.slice(16)) || null;
  return { type, bits, blob: Buffer.from(blob) };
}

export interface EcdhReply {
  readonly hostKey: Uint8Array;
  readonly serverPublic: Uint8Array;
}

export function parseEcdhReply(payload: Uint8Array): EcdhReply {
  const r = new SshReader(payload);
  if (r.byte() !== MSG.kexEcdhReply) throw new SshWireError('expected KEX_ECDH_REPLY');
  const hostKey = r.string();
  const serverPublic = r.string();
  r.string();
  return { hostKey, serverPublic };
}

export interface ExchangeInput {
  readonly clientVersion: string;
  readonly serverVersion: string;
  readonly clientKexInit: Uint8Array;
  readonly serverKexInit: Uint8Array;
  readonly hostKey: Uint8Array;
  readonly clientPublic: Uint8Array;
  readonly serverPublic: Uint8Array;
  readonly secret: Uint8Array;
}

/** The exchange hash H (also the session id of a first exchange). */
export function exchangeHash(input: ExchangeInput): Buffer {
  const w = new SshWriter()
    .string(input.clientVersion)
    .string(input.serverVersion)
    .string(input.clientKexInit)
    .string(input.serverKexInit)
    .string(input.hostKey)
    .string(input.clientPublic)
    .string(input.serverPublic)
    .mpint(input.secret);
  return createHash('sha256').update(w.bytes()).digest();
}

function derive(secret: Uint8Array, hash: Buffer, letter: string, length: number): Buffer {
  const k = new SshWriter().mpint(secret).bytes();
  let out = createHash('sha256').update(k).update(hash).update(letter).update(hash).digest();
  while (out.length < length) {
    out = Buffer.concat([out, createHash('sha256').update(k).update(hash).update(out).digest()]);
  }
  return out.subarray(0, length);
}

/** Both directions' keys (RFC 4253 §7.2: letters A–F). */
export function sessionKeys(
  secret: Uint8Array,
  hash: Buffer,
  negotiated: Negotiated,
): { send: DirectionKeys; receive: DirectionKeys } {
  const side = (cipher: string, mac: string, iv: string, key: string, integrity: string) => {
    const sizes = keySizes(cipher, mac);
    return {
      cipher,
      mac,
      iv: derive(secret, hash, iv, sizes.iv),
      key: derive(secret, hash, key, sizes.key),
      macKey: derive(secret, hash, integrity, sizes.mac),
    };
  };
  return {
    send: side(negotiated.cipherC2S, negotiated.macC2S, 'A', 'C', 'E'),
    receive: side(negotiated.cipherS2C, negotiated.macS2C, 'B', 'D', 'F'),
  };
}
