/**
 * The audit's one I/O port. Probes receive an `AuditNet` and never open a socket themselves, so
 * that (1) every connection goes through the scope guard — a target out of scope is refused
 * before a packet leaves — and (2) tests can hand in a loopback-only network. The Node
 * implementation is node-net.ts (the only file of the engine allowed Node's network modules).
 */

/** How a connection attempt ended when it did not give a connection. */
export type ConnectFailure =
  'out-of-scope' | 'refused' | 'timeout' | 'reset' | 'unreachable' | 'tls-failed' | 'error';

export interface Endpoint {
  /** An IP literal (v4 or v6): probes resolve names first, and the scope judges addresses. */
  readonly address: string;
  readonly port: number;
}

/** Why a read returned. */
export type ReadEnd = 'until' | 'max-bytes' | 'timeout' | 'closed' | 'error';

export interface ReadResult {
  readonly bytes: Uint8Array;
  readonly end: ReadEnd;
}

export interface ReadOptions {
  /** Never buffer more than this (a hostile endless banner costs at most this). */
  readonly maxBytes: number;
  /** Total time allowed for this read, from the call (a slow-loris costs at most this). */
  readonly timeoutMs: number;
  /** Stops as soon as the bytes read so far (in this call) satisfy it. */
  readonly until?: (bytes: Uint8Array) => boolean;
}

/** An open TCP (or TLS) connection, with bounded reads only. */
export interface Conn {
  readonly remote: Endpoint;
  write(data: Uint8Array | string): Promise<void>;
  /** Reads what arrives (bytes already buffered first) until `until`, the cap, time or close. */
  read(options: ReadOptions): Promise<ReadResult>;
  /** Closes at once (destroy); idempotent. */
  close(): void;
}

export type ConnectOutcome =
  | { readonly ok: true; readonly conn: Conn }
  | { readonly ok: false; readonly failure: ConnectFailure; readonly message: string };

export interface ConnectOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** What a TLS handshake done by the platform's TLS stack saw (certificates come from here). */
export interface TlsSession {
  /** The peer's chain as sent, leaf first, DER. */
  readonly chain: readonly Uint8Array[];
  readonly protocol: string | null;
  readonly cipher: string | null;
  /** Whether the chain verified against the trust store used (given CAs or the system's). */
  readonly authorized: boolean;
  /** OpenSSL's reason when not authorized (`CERT_HAS_EXPIRED`, `SELF_SIGNED_CERT_IN_CHAIN`…). */
  readonly authorizationError: string | null;
  /** DER OCSP response stapled by the server, if any. */
  readonly ocspResponse: Uint8Array | null;
  readonly alpn: string | null;
}

export interface TlsConnectOptions extends ConnectOptions {
  /** SNI and the name the certificate is checked against (omitted for an IP literal). */
  readonly servername?: string;
  /** PEM trust anchors; the system store when omitted. */
  readonly ca?: readonly string[];
  readonly alpn?: readonly string[];
  /**
   * Runs on the plain connection before the handshake (STARTTLS: read the greeting, send
   * `STARTTLS`, read the go-ahead); a rejection aborts with failure `tls-failed`.
   */
  readonly preface?: (conn: Conn) => Promise<void>;
}

export type TlsConnectOutcome =
  | { readonly ok: true; readonly conn: Conn; readonly session: TlsSession }
  | {
      readonly ok: false;
      readonly failure: ConnectFailure;
      readonly message: string;
      /** Set when the handshake failed after the TCP connection (protocol refused, alert). */
      readonly session?: TlsSession;
    };

/** One UDP request/response exchange (DNS). */
export type DatagramOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly failure: ConnectFailure; readonly message: string };

/**
 * What a bare TCP connection attempt told about one endpoint (a port scan's verdict): `open`
 * connected, `closed` refused or reset, `filtered` no answer in time, `unreachable` the network
 * said so, `not-tried` no attempt left (aborted, or its host given up as unreachable),
 * `out-of-scope` refused by the scope guard before any packet.
 */
export type TcpProbeState =
  'open' | 'closed' | 'filtered' | 'unreachable' | 'not-tried' | 'out-of-scope';

export interface TcpProbeOptions {
  /** Per-attempt timeout. */
  readonly timeoutMs: number;
  /** Most attempts in flight, all workers together. */
  readonly concurrency: number;
  /** Most attempts per second, all workers together; unlimited when absent or 0. */
  readonly ratePerSecond?: number;
  /** Stops new attempts and drops those in flight (their endpoints end `not-tried`). */
  readonly signal?: AbortSignal;
  /** Called as verdicts arrive (in batches), with the endpoint's index in the input. */
  readonly onResult?: (index: number, state: TcpProbeState) => void;
}

export interface AuditNet {
  connect(endpoint: Endpoint, options: ConnectOptions): Promise<ConnectOutcome>;
  /**
   * Optional batch form of `connect` for port scans: only says whether each endpoint accepts a
   * connection (closed at once), far cheaper per endpoint than `connect`. The verdicts come in
   * the input's order. Networks without it are scanned one `connect` at a time.
   */
  probeTcp?(endpoints: readonly Endpoint[], options: TcpProbeOptions): Promise<TcpProbeState[]>;
  /** A TLS connection through the platform's TLS stack (certificate chain, HTTPS client). */
  connectTls(endpoint: Endpoint, options: TlsConnectOptions): Promise<TlsConnectOutcome>;
  /** Sends one datagram and waits for the first answer (bounded size and time). */
  exchangeUdp(
    endpoint: Endpoint,
    payload: Uint8Array,
    options: { readonly timeoutMs: number; readonly maxBytes: number },
  ): Promise<DatagramOutcome>;
  /** Milliseconds, monotonic enough for timing (injected: tests may drive it). */
  now(): number;
}

/** Judges an endpoint before any packet: the scope (scope/guard.ts) implements it. */
export interface ScopeGuard {
  check(
    endpoint: Endpoint,
    transport: 'tcp' | 'udp',
  ): { readonly allowed: true } | { readonly allowed: false; readonly reason: string };
}
