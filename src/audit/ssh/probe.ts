/**
 * The SSH probe: connects through the audit network, reads the server's identification and
 * KEXINIT, then completes a curve25519 key exchange (AES-GCM or AES-CTR + HMAC) to ask the
 * user-authentication service which methods a `none` request may continue with — exactly what
 * `ssh -v` shows before it tries a key. It never sends a credential. One deadline and one byte
 * budget cover the whole probe, so a hostile target costs at most one timeout.
 */
import type { AuditNet, Endpoint } from '../net/types.js';
import { parseBanner, printable } from './banner.js';
import type { SshAlgorithms, SshBanner, SshObservation } from './observation.js';
import { SshReader, SshWireError, SshWriter } from './wire/bytes.js';
import {
  MSG,
  clientKexInit,
  exchangeHash,
  negotiate,
  parseEcdhReply,
  parseHostKey,
  parseKexInit,
  sessionKeys,
  x25519Client,
  type KexInit,
} from './wire/kex.js';
import { SshStream, SshStreamEnd } from './wire/stream.js';
import { SshTransport } from './wire/transport.js';

export interface SshProbeOptions {
  /** Whole probe: connection, banner, exchange and authentication query. */
  readonly timeoutMs: number;
  /** Most bytes read from the server over the whole probe. */
  readonly maxBytes: number;
  /** User name of the `none` request (servers answer the same methods for any name). */
  readonly user?: string;
  readonly signal?: AbortSignal;
}

export const CLIENT_VERSION = 'SSH-2.0-Vigie_audit';
const MAX_PREAMBLE_LINES = 20;
const MAX_LINE = 1024;
const PSEUDO_KEX = /^(ext-info-[cs]|kex-strict-[cs]-v00@openssh\.com)$/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function algorithmsOf(init: KexInit): SshAlgorithms {
  return {
    kex: init.kex.filter((name) => !PSEUDO_KEX.test(name)),
    hostKeys: init.hostKeys,
    ciphers: { c2s: init.ciphersC2S, s2c: init.ciphersS2C },
    macs: { c2s: init.macsC2S, s2c: init.macsS2C },
    compression: { c2s: init.compressionC2S, s2c: init.compressionS2C },
    strictKex: init.kex.includes('kex-strict-s-v00@openssh.com'),
    extInfo: init.kex.includes('ext-info-s'),
  };
}

/** Messages a peer may send at any time and that carry nothing the probe needs. */
async function receiveMessage(transport: SshTransport): Promise<Buffer> {
  for (;;) {
    const payload = await transport.receive();
    const type = payload[0];
    if (type === MSG.ignore || type === MSG.debug || type === MSG.extInfo) continue;
    if (type === MSG.disconnect) {
      const r = new SshReader(payload.subarray(1));
      r.uint32();
      throw new SshWireError(`the server disconnected: ${printable(r.text(), 200)}`);
    }
    return payload;
  }
}

async function expect(transport: SshTransport, type: number, name: string): Promise<Buffer> {
  const payload = await receiveMessage(transport);
  if (payload[0] !== type) {
    throw new SshWireError(`expected ${name}, got message ${String(payload[0])}`);
  }
  return payload;
}

async function readBanner(
  stream: SshStream,
  preamble: string[],
): Promise<{ banner: SshBanner | null; line: string }> {
  for (let i = 0; i <= MAX_PREAMBLE_LINES; i += 1) {
    const line = await stream.line(MAX_LINE);
    if (line.startsWith('SSH-')) return { banner: parseBanner(line), line };
    preamble.push(printable(line, 200));
  }
  throw new SshWireError('no SSH identification line in the first lines');
}

/** Key exchange, then `ssh-userauth` and a `none` request: the methods the server offers. */
async function queryAuth(
  transport: SshTransport,
  seen: Mutable<SshObservation>,
  versions: { client: string; server: string },
  kexinits: { client: Buffer; server: Buffer },
  user: string,
): Promise<void> {
  const negotiated = negotiate(parseKexInit(kexinits.server));
  if (!negotiated.ok) {
    seen.authError = `no ${negotiated.missing} in common with the probe's client`;
    return;
  }
  const ecdh = x25519Client();
  await transport.send(ecdh.init);
  const reply = parseEcdhReply(await expect(transport, MSG.kexEcdhReply, 'KEX_ECDH_REPLY'));
  const key = parseHostKey(reply.hostKey);
  seen.hostKey = { type: key.type, bits: key.bits };
  const secret = ecdh.secret(reply.serverPublic);
  const hash = exchangeHash({
    clientVersion: versions.client,
    serverVersion: versions.server,
    clientKexInit: kexinits.client,
    serverKexInit: kexinits.server,
    hostKey: reply.hostKey,
    clientPublic: ecdh.publicKey,
    serverPublic: reply.serverPublic,
    secret,
  });
  const keys = sessionKeys(secret, hash, negotiated.value);
  const { kex, hostKey, cipherC2S, macC2S } = negotiated.value;
  seen.negotiated = { kex, hostKey, cipher: cipherC2S, mac: macC2S };
  await transport.send(Uint8Array.of(MSG.newkeys));
  transport.useKeys('send', keys.send);
  await expect(transport, MSG.newkeys, 'NEWKEYS');
  transport.useKeys('receive', keys.receive);
  await transport.send(new SshWriter().byte(MSG.serviceRequest).string('ssh-userauth').bytes());
  await expect(transport, MSG.serviceAccept, 'SERVICE_ACCEPT');
  const request = new SshWriter().byte(MSG.userauthRequest).string(user);
  await transport.send(request.string('ssh-connection').string('none').bytes());
  for (;;) {
    const answer = await receiveMessage(transport);
    const r = new SshReader(answer.subarray(1));
    if (answer[0] === MSG.userauthBanner) {
      seen.authBanner = printable(r.text().replace(/\s+/g, ' '), 500);
    } else if (answer[0] === MSG.userauthFailure) {
      seen.authMethods = r.nameList();
      return;
    } else if (answer[0] === MSG.userauthSuccess) {
      seen.authMethods = ['none'];
      return;
    } else throw new SshWireError(`unexpected message ${String(answer[0])} during authentication`);
  }
}

const describe = (error: unknown): string =>
  error instanceof SshStreamEnd || error instanceof SshWireError
    ? error.message
    : error instanceof Error
      ? `probe failed: ${error.message}`
      : 'probe failed';

/** Observes one SSH endpoint; never throws (failures are in `error` / `authError`). */
export async function probeSsh(
  net: AuditNet,
  endpoint: Endpoint,
  options: SshProbeOptions,
): Promise<SshObservation> {
  const started = net.now();
  const seen: Mutable<SshObservation> = {
    target: { address: endpoint.address, port: endpoint.port },
    reachable: false,
    error: null,
    banner: null,
    preamble: [],
    algorithms: null,
    hostKey: null,
    negotiated: null,
    authMethods: null,
    authError: null,
    authBanner: null,
    durationMs: 0,
  };
  const connected = await net.connect(endpoint, {
    timeoutMs: options.timeoutMs,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (!connected.ok) {
    seen.error = connected.message;
    seen.durationMs = net.now() - started;
    return seen;
  }
  seen.reachable = true;
  const conn = connected.conn;
  const onAbort = (): void => {
    conn.close();
  };
  options.signal?.addEventListener('abort', onAbort);
  const stream = new SshStream(conn, started + options.timeoutMs, options.maxBytes, () =>
    net.now(),
  );
  try {
    await conn.write(`${CLIENT_VERSION}\r\n`);
    const preamble: string[] = [];
    seen.preamble = preamble;
    const { banner, line } = await readBanner(stream, preamble);
    seen.banner = banner;
    if (banner === null) throw new SshWireError('malformed SSH identification line');
    if (banner.protocol !== '2.0' && banner.protocol !== '1.99') {
      throw new SshWireError(`SSH protocol ${banner.protocol} only: no SSH-2 key exchange`);
    }
    const transport = new SshTransport(stream);
    const clientInit = clientKexInit();
    await transport.send(clientInit);
    const serverInit = await expect(transport, MSG.kexinit, 'KEXINIT');
    seen.algorithms = algorithmsOf(parseKexInit(serverInit));
    await queryAuth(
      transport,
      seen,
      { client: CLIENT_VERSION, server: line },
      { client: clientInit, server: serverInit },
      options.user ?? 'vigie-audit',
    );
  } catch (error) {
    if (seen.algorithms === null) seen.error = describe(error);
    else seen.authError = describe(error);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    conn.close();
  }
  seen.durationMs = net.now() - started;
  return seen;
}
