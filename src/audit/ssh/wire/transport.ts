/**
 * The SSH binary packet protocol (RFC 4253 §6) for the audit client: plain packets until
 * NEWKEYS, then AES-CTR with HMAC-SHA1/SHA2 (encrypt-and-MAC or encrypt-then-MAC) or
 * AES-GCM (RFC 5647, OpenSSH's @openssh.com variant). Enough to reach the user-authentication
 * service and learn the methods a server offers; not a general SSH client.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
  type Cipher,
  type Decipher,
} from 'node:crypto';
import { SshWireError } from './bytes.js';
import type { SshStream } from './stream.js';

/** Ciphers the client can speak, best first (chacha20-poly1305 needs Poly1305, absent here). */
export const CLIENT_CIPHERS = [
  'aes256-gcm@openssh.com',
  'aes128-gcm@openssh.com',
  'aes256-ctr',
  'aes192-ctr',
  'aes128-ctr',
] as const;

export const CLIENT_MACS = [
  'hmac-sha2-256-etm@openssh.com',
  'hmac-sha2-512-etm@openssh.com',
  'hmac-sha1-etm@openssh.com',
  'hmac-sha2-256',
  'hmac-sha2-512',
  'hmac-sha1',
] as const;

const CIPHER_KEYS: Readonly<Record<string, { openssl: string; key: number; iv: number }>> = {
  'aes256-gcm@openssh.com': { openssl: 'aes-256-gcm', key: 32, iv: 12 },
  'aes128-gcm@openssh.com': { openssl: 'aes-128-gcm', key: 16, iv: 12 },
  'aes256-ctr': { openssl: 'aes-256-ctr', key: 32, iv: 16 },
  'aes192-ctr': { openssl: 'aes-192-ctr', key: 24, iv: 16 },
  'aes128-ctr': { openssl: 'aes-128-ctr', key: 16, iv: 16 },
};

const MAC_KEYS: Readonly<Record<string, { hash: string; key: number; etm: boolean }>> = {
  'hmac-sha2-256-etm@openssh.com': { hash: 'sha256', key: 32, etm: true },
  'hmac-sha2-512-etm@openssh.com': { hash: 'sha512', key: 64, etm: true },
  'hmac-sha1-etm@openssh.com': { hash: 'sha1', key: 20, etm: true },
  'hmac-sha2-256': { hash: 'sha256', key: 32, etm: false },
  'hmac-sha2-512': { hash: 'sha512', key: 64, etm: false },
  'hmac-sha1': { hash: 'sha1', key: 20, etm: false },
};

/** Key and IV lengths a negotiated cipher and MAC need (GCM ignores the MAC). */
export function keySizes(cipher: string, mac: string): { key: number; iv: number; mac: number } {
  const c = CIPHER_KEYS[cipher];
  if (c === undefined) throw new SshWireError(`unsupported cipher ${cipher}`);
  const isGcm = c.openssl.endsWith('gcm');
  return { key: c.key, iv: c.iv, mac: isGcm ? 0 : (MAC_KEYS[mac]?.key ?? 0) };
}

/** One direction's keys, as derived from the exchange. */
export interface DirectionKeys {
  readonly cipher: string;
  readonly mac: string;
  readonly iv: Buffer;
  readonly key: Buffer;
  readonly macKey: Buffer;
}

type CipherState =
  | { readonly kind: 'gcm'; readonly openssl: string; readonly key: Buffer; readonly iv: Buffer }
  | {
      readonly kind: 'ctr';
      readonly stream: Cipher | Decipher;
      readonly hash: string;
      readonly macKey: Buffer;
      readonly etm: boolean;
      readonly macLength: number;
    };

function cipherState(keys: DirectionKeys, encrypt: boolean): CipherState {
  const c = CIPHER_KEYS[keys.cipher];
  if (c === undefined) throw new SshWireError(`unsupported cipher ${keys.cipher}`);
  if (c.openssl.endsWith('gcm')) {
    return { kind: 'gcm', openssl: c.openssl, key: keys.key, iv: Buffer.from(keys.iv) };
  }
  const mac = MAC_KEYS[keys.mac];
  if (mac === undefined) throw new SshWireError(`unsupported MAC ${keys.mac}`);
  const stream = encrypt
    ? createCipheriv(c.openssl, keys.key, keys.iv)
    : createDecipheriv(c.openssl, keys.key, keys.iv);
  const macLength = createHmac(mac.hash, Buffer.alloc(0)).digest().length;
  return { kind: 'ctr', stream, hash: mac.hash, macKey: keys.macKey, etm: mac.etm, macLength };
}

/** GCM's invocation counter: the IV's last 8 bytes, incremented after each packet. */
function bumpIv(iv: Buffer): void {
  const counter = iv.readBigUInt64BE(4);
  iv.writeBigUInt64BE((counter + 1n) & 0xffffffffffffffffn, 4);
}

const seqBytes = (seq: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(seq >>> 0);
  return b;
};

/** Largest packet accepted (RFC 4253 §6.1 asks for 35,000; OpenSSH sends at most 256 KiB). */
const MAX_PACKET = 262_144;

export class SshTransport {
  private sendSeq = 0;
  private receiveSeq = 0;
  private sendState: CipherState | null = null;
  private receiveState: CipherState | null = null;

  constructor(private readonly stream: SshStream) {}

  /** Switches one direction to the derived keys (after NEWKEYS sent or received). */
  useKeys(direction: 'send' | 'receive', keys: DirectionKeys): void {
    if (direction === 'send') this.sendState = cipherState(keys, true);
    else this.receiveState = cipherState(keys, false);
  }

  async send(payload: Uint8Array): Promise<void> {
    const state = this.sendState;
    const block = state === null ? 8 : 16;
    const lengthOutside = state !== null && (state.kind === 'gcm' || state.etm);
    const covered = 1 + payload.length + (lengthOutside ? 0 : 4);
    let padding = block - (covered % block);
    if (padding < 4) padding += block;
    const body = Buffer.concat([Uint8Array.of(padding), payload, randomBytes(padding)]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const seq = seqBytes(this.sendSeq);
    this.sendSeq = (this.sendSeq + 1) >>> 0;
    await this.stream.conn.write(encryptPacket(state, length, body, seq));
  }

  /** The next packet's payload. */
  async receive(): Promise<Buffer> {
    const state = this.receiveState;
    const seq = seqBytes(this.receiveSeq);
    this.receiveSeq = (this.receiveSeq + 1) >>> 0;
    if (state === null) {
      const length = (await this.stream.take(4)).readUInt32BE(0);
      checkLength(length);
      return unpad(await this.stream.take(length));
    }
    if (state.kind === 'gcm') {
      const lengthBytes = await this.stream.take(4);
      const length = lengthBytes.readUInt32BE(0);
      checkLength(length);
      const sealed = await this.stream.take(length + 16);
      const decipher = createDecipheriv(state.openssl, state.key, state.iv) as Decipher & {
        setAuthTag(tag: Uint8Array): void;
        setAAD(aad: Uint8Array): void;
      };
      decipher.setAAD(lengthBytes);
      decipher.setAuthTag(sealed.subarray(length));
      bumpIv(state.iv);
      try {
        return unpad(
          Buffer.concat([decipher.update(sealed.subarray(0, length)), decipher.final()]),
        );
      } catch {
        throw new SshWireError('packet authentication failed (GCM tag)');
      }
    }
    return this.receiveCtr(state, seq);
  }

  private async receiveCtr(
    state: Extract<CipherState, { kind: 'ctr' }>,
    seq: Buffer,
  ): Promise<Buffer> {
    if (state.etm) {
      const lengthBytes = await this.stream.take(4);
      const length = lengthBytes.readUInt32BE(0);
      checkLength(length);
      const rest = await this.stream.take(length + state.macLength);
      const cipherText = rest.subarray(0, length);
      const expected = createHmac(state.hash, state.macKey)
        .update(seq)
        .update(lengthBytes)
        .update(cipherText)
        .digest();
      if (!timingSafeEqual(expected, rest.subarray(length))) throw new SshWireError('bad MAC');
      return unpad(state.stream.update(cipherText));
    }
    const first = state.stream.update(await this.stream.take(16));
    const length = first.readUInt32BE(0);
    checkLength(length);
    const rest = await this.stream.take(length + 4 - 16 + state.macLength);
    const plain = Buffer.concat([first, state.stream.update(rest.subarray(0, length + 4 - 16))]);
    const expected = createHmac(state.hash, state.macKey).update(seq).update(plain).digest();
    if (!timingSafeEqual(expected, rest.subarray(length + 4 - 16))) {
      throw new SshWireError('bad MAC');
    }
    return unpad(plain.subarray(4));
  }
}

function checkLength(length: number): void {
  if (length < 5 || length > MAX_PACKET) {
    throw new SshWireError(`implausible packet length ${String(length)}`);
  }
}

/** The payload of a packet body (padding-length byte, payload, padding). */
function unpad(body: Buffer): Buffer {
  const padding = body[0] ?? 0;
  if (padding + 1 > body.length) throw new SshWireError('padding longer than the packet');
  return body.subarray(1, body.length - padding);
}

function encryptPacket(state: CipherState | null, length: Buffer, body: Buffer, seq: Buffer) {
  if (state === null) return Buffer.concat([length, body]);
  if (state.kind === 'gcm') {
    const cipher = createCipheriv(state.openssl, state.key, state.iv) as Cipher & {
      setAAD(aad: Uint8Array): void;
      getAuthTag(): Buffer;
    };
    cipher.setAAD(length);
    const sealed = Buffer.concat([cipher.update(body), cipher.final()]);
    bumpIv(state.iv);
    return Buffer.concat([length, sealed, cipher.getAuthTag()]);
  }
  if (state.etm) {
    const encrypted = state.stream.update(body);
    const mac = createHmac(state.hash, state.macKey)
      .update(seq)
      .update(length)
      .update(encrypted)
      .digest();
    return Buffer.concat([length, encrypted, mac]);
  }
  const plain = Buffer.concat([length, body]);
  const mac = createHmac(state.hash, state.macKey).update(seq).update(plain).digest();
  return Buffer.concat([state.stream.update(plain), mac]);
}
