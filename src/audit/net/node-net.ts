/**
 * The Node implementation of the audit's network port (node:net, node:tls, node:dgram). The one
 * engine file allowed Node's network modules (eslint.config.js); probes get it only wrapped by
 * the scope guard (scoped.ts). Reads are bounded in size and time: a hostile peer (endless
 * banner, slow-loris, silence) costs at most one timeout and `maxBytes`.
 */
import { createSocket } from 'node:dgram';
import { isIP, Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type {
  AuditNet,
  ConnectFailure,
  ConnectOptions,
  ConnectOutcome,
  Conn,
  DatagramOutcome,
  Endpoint,
  ReadOptions,
  ReadResult,
  TlsConnectOptions,
  TlsConnectOutcome,
  TcpProbeOptions,
  TcpProbeState,
  TlsSession,
} from './types.js';
import { probeTcpInWorkers } from './node-net-batch.js';

function failureOf(error: unknown): ConnectFailure {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 'unreachable';
    default:
      return 'error';
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/** A socket with an internal buffer, read in bounded slices. */
class SocketConn implements Conn {
  private chunks: Buffer[] = [];
  private size = 0;
  private ended = false;
  private failed = false;
  private wake: (() => void) | undefined;
  private readonly onData = (chunk: Buffer) => {
    this.chunks.push(chunk);
    this.size += chunk.length;
    // never hold more than a generous multiple of what any read asks for
    if (this.size > MAX_BUFFERED) this.socket.pause();
    this.wake?.();
  };
  private readonly onEnd = () => {
    this.ended = true;
    this.wake?.();
  };
  private readonly onError = () => {
    this.failed = true;
    this.ended = true;
    this.wake?.();
  };

  constructor(
    readonly socket: Socket,
    readonly remote: Endpoint,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  write(data: Uint8Array | string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.destroyed) {
        reject(new Error('connection closed'));
        return;
      }
      this.socket.write(data, (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }

  private take(max: number): Buffer {
    const all = Buffer.concat(this.chunks, this.size);
    const out = all.subarray(0, max);
    const rest = all.subarray(max);
    this.chunks = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.size = rest.length;
    if (this.size <= MAX_BUFFERED && this.socket.isPaused()) this.socket.resume();
    return out;
  }

  async read(options: ReadOptions): Promise<ReadResult> {
    const deadline = Date.now() + Math.max(0, options.timeoutMs);
    let collected = Buffer.alloc(0);
    for (;;) {
      if (this.size > 0) {
        collected = Buffer.concat([collected, this.take(options.maxBytes - collected.length)]);
        if (options.until?.(collected) === true) return { bytes: collected, end: 'until' };
        if (collected.length >= options.maxBytes) return { bytes: collected, end: 'max-bytes' };
      }
      if (this.ended) return { bytes: collected, end: this.failed ? 'error' : 'closed' };
      const left = deadline - Date.now();
      if (left <= 0) return { bytes: collected, end: 'timeout' };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Hands the socket over (STARTTLS): stops listening, returns what was buffered. */
  detach(): Buffer {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    const rest = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    return rest;
  }

  close(): void {
    this.socket.destroy();
  }
}

const MAX_BUFFERED = 1024 * 1024;

function openSocket(endpoint: Endpoint, options: ConnectOptions): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    if (isIP(endpoint.address) === 0) {
      resolve({ ok: false, failure: 'error', message: `not an IP address: ${endpoint.address}` });
      return;
    }
    const socket = new Socket();
    let settled = false;
    const settle = (outcome: ConnectOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (!outcome.ok) socket.destroy();
      resolve(outcome);
    };
    const onAbort = () => {
      settle({ ok: false, failure: 'timeout', message: 'aborted' });
    };
    const timer = setTimeout(() => {
      settle({ ok: false, failure: 'timeout', message: `no answer in ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (error) => {
      settle({ ok: false, failure: failureOf(error), message: messageOf(error) });
    });
    socket.connect({ host: endpoint.address, port: endpoint.port }, () => {
      socket.setNoDelay(true);
      settle({ ok: true, conn: new SocketConn(socket, endpoint) });
    });
  });
}

function chainOf(socket: TLSSocket): Uint8Array[] {
  const chain: Uint8Array[] = [];
  const seen = new Set<string>();
  let cert = socket.getPeerCertificate(true) as
    | (ReturnType<TLSSocket['getPeerCertificate']> & { issuerCertificate?: unknown; raw?: Buffer })
    | undefined;
  while (cert?.raw !== undefined && chain.length < 10) {
    const fingerprint = cert.fingerprint256;
    if (seen.has(fingerprint)) break;
    seen.add(fingerprint);
    chain.push(new Uint8Array(cert.raw));
    cert = cert.issuerCertificate as typeof cert;
  }
  return chain;
}

function sessionOf(socket: TLSSocket, ocsp: Buffer | null): TlsSession {
  const error: unknown = socket.authorizationError;
  return {
    chain: chainOf(socket),
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher().name,
    authorized: socket.authorized,
    authorizationError:
      error instanceof Error ? error.message : typeof error === 'string' ? error : null,
    ocspResponse: ocsp === null ? null : new Uint8Array(ocsp),
    alpn: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null,
  };
}

async function openTls(endpoint: Endpoint, options: TlsConnectOptions): Promise<TlsConnectOutcome> {
  const started = Date.now();
  const plain = await openSocket(endpoint, options);
  if (!plain.ok) return plain;
  const raw = plain.conn;
  if (!(raw instanceof SocketConn))
    return { ok: false, failure: 'error', message: 'unexpected connection' };
  if (options.preface !== undefined) {
    try {
      await options.preface(raw);
    } catch (error) {
      raw.close();
      return { ok: false, failure: 'tls-failed', message: messageOf(error) };
    }
  }
  raw.detach();
  const left = Math.max(1, options.timeoutMs - (Date.now() - started));
  return new Promise((resolve) => {
    let ocsp: Buffer | null = null;
    let settled = false;
    // `requestOCSP` is passed on to the TLSSocket by tls.connect, though @types/node omits it
    const tlsOptions: ConnectionOptions & { requestOCSP: boolean } = {
      socket: raw.socket,
      ...(options.servername !== undefined && isIP(options.servername) === 0
        ? { servername: options.servername }
        : {}),
      ...(options.ca !== undefined ? { ca: [...options.ca] } : {}),
      ...(options.alpn !== undefined ? { ALPNProtocols: [...options.alpn] } : {}),
      rejectUnauthorized: false,
      requestOCSP: true,
      // the audit must see old servers: the verdict is the checks' job, not the handshake's
      minVersion: 'TLSv1',
      ciphers: 'ALL:@SECLEVEL=0',
      checkServerIdentity: () => undefined,
    };
    const socket = tlsConnect(tlsOptions);
    const settle = (outcome: TlsConnectOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!outcome.ok) socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      settle({
        ok: false,
        failure: 'timeout',
        message: `no TLS handshake in ${options.timeoutMs} ms`,
      });
    }, left);
    socket.on('OCSPResponse', (response: Buffer) => {
      ocsp = response;
    });
    socket.once('error', (error) => {
      settle({ ok: false, failure: 'tls-failed', message: messageOf(error) });
    });
    socket.once('secureConnect', () => {
      settle({
        ok: true,
        conn: new SocketConn(socket, endpoint),
        session: sessionOf(socket, ocsp),
      });
    });
  });
}

function exchange(
  endpoint: Endpoint,
  payload: Uint8Array,
  options: { readonly timeoutMs: number; readonly maxBytes: number },
): Promise<DatagramOutcome> {
  return new Promise((resolve) => {
    const family = isIP(endpoint.address);
    if (family === 0) {
      resolve({ ok: false, failure: 'error', message: `not an IP address: ${endpoint.address}` });
      return;
    }
    const socket = createSocket(family === 6 ? 'udp6' : 'udp4');
    let settled = false;
    const settle = (outcome: DatagramOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      settle({ ok: false, failure: 'timeout', message: `no answer in ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    socket.on('error', (error) => {
      settle({ ok: false, failure: failureOf(error), message: messageOf(error) });
    });
    socket.on('message', (message, info) => {
      // only the answer of the server asked counts (not a spoofed datagram from elsewhere)
      if (info.address !== endpoint.address || info.port !== endpoint.port) return;
      settle({ ok: true, bytes: new Uint8Array(message.subarray(0, options.maxBytes)) });
    });
    socket.send(payload, endpoint.port, endpoint.address, (error) => {
      if (error) settle({ ok: false, failure: failureOf(error), message: messageOf(error) });
    });
  });
}

/**
 * Port-scan attempts in worker threads (node-net-batch.ts). Only IP literals and ports 1–65535
 * reach the workers (a name would be resolved by node:net): anything else is `filtered` at once.
 */
async function probeTcp(
  endpoints: readonly Endpoint[],
  options: TcpProbeOptions,
  workers?: number,
): Promise<TcpProbeState[]> {
  const valid: number[] = [];
  const invalid: number[] = [];
  endpoints.forEach((e, i) => {
    const ok = isIP(e.address) !== 0 && Number.isInteger(e.port) && e.port > 0 && e.port < 65536;
    (ok ? valid : invalid).push(i);
  });
  const states = new Array<TcpProbeState>(endpoints.length).fill('filtered');
  const inner = await probeTcpInWorkers(
    valid.map((i) => endpoints[i] as Endpoint),
    { ...options, onResult: (k, state) => options.onResult?.(valid[k] ?? 0, state) },
    workers,
  );
  inner.forEach((state, k) => (states[valid[k] ?? 0] = state));
  for (const i of invalid) options.onResult?.(i, 'filtered');
  return states;
}

export interface NodeNetOptions {
  /** Worker threads for `probeTcp` (default: one per core, at most 4, fewer for small scans). */
  readonly probeWorkers?: number;
}

/** The real network. Wrap it with `scopedNet` before handing it to a probe. */
export function nodeNet(options: NodeNetOptions = {}): AuditNet {
  return {
    connect: openSocket,
    probeTcp: (endpoints, probeOptions) => probeTcp(endpoints, probeOptions, options.probeWorkers),
    connectTls: openTls,
    exchangeUdp: exchange,
    now: () => performance.now(),
  };
}
