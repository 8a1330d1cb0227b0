/**
 * What the TLS wire probe (probe.ts) saw on one endpoint: plain JSON, judged by the pure checks of
 * checks/ and the profiles of profiles/. Cipher suites and groups are IANA codes and names
 * (suites.ts), never OpenSSL spellings, so a verdict does not depend on the local OpenSSL.
 */

/** Protocol keys, oldest first. */
export const TLS_PROTOCOLS = ['ssl3', 'tls10', 'tls11', 'tls12', 'tls13'] as const;
export type TlsProtocol = (typeof TLS_PROTOCOLS)[number];

export interface TlsTarget {
  readonly address: string;
  readonly port: number;
  readonly servername: string | null;
  /** `smtp`, `imap`, `pop3`, `ftp`, `ldap`, `postgres`, or null for TLS from the first byte. */
  readonly starttls: string | null;
}

/** The suites one protocol version accepted. */
export interface TlsCipherList {
  readonly protocol: TlsProtocol;
  /** IANA codes; in the server's preference order when `serverOrder` is true. */
  readonly suites: number[];
  /** True: the server picks by its own order; false: the client's; null: not testable (≤ 1 suite). */
  readonly serverOrder: boolean | null;
}

export interface TlsCertificateObservation {
  /** Base64 DER, leaf first, as the server sent it. */
  readonly chain: string[];
  readonly ocspStapled: boolean;
  /** Whether the chain verified against the trust store used (given CAs or the system's). */
  readonly authorized: boolean;
  readonly authorizationError: string | null;
}

export interface TlsObservation {
  readonly target: TlsTarget;
  /** A TCP connection was made (and the STARTTLS preface, if any, went through). */
  readonly reachable: boolean;
  /** Why nothing (or less than everything) could be observed; null when all went well. */
  readonly error: string | null;
  readonly protocols: Record<TlsProtocol, boolean>;
  /** One entry per accepted protocol, oldest first. */
  readonly ciphers: TlsCipherList[];
  /** IANA group names accepted (x25519, secp256r1, ffdhe2048…), server preference order. */
  readonly groups: string[];
  /** The smallest finite-field DHE prime the server used, in bits; null when no DHE suite. */
  readonly dhBits: number | null;
  /** RFC 5746; null = not testable (no TLS ≤ 1.2 accepted). */
  readonly secureRenegotiation: boolean | null;
  /** TLS compression (CRIME) accepted; null = not testable. */
  readonly compression: boolean | null;
  /** RFC 7507 inappropriate_fallback; null = not testable (only one protocol accepted). */
  readonly fallbackScsv: boolean | null;
  readonly resumption: { readonly sessionId: boolean | null; readonly tickets: boolean | null };
  readonly certificate: TlsCertificateObservation | null;
  readonly durationMs: number;
}
