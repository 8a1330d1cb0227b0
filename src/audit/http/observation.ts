/**
 * What the HTTP probe (probe.ts) saw on one web endpoint: plain JSON, judged by the pure checks
 * of checks/. Header names keep the server's spelling and order; lookups are case-insensitive
 * (headers.ts). Bodies are never kept whole: a bounded sample for evidence and signatures.
 */

/** One request and what came back (or why nothing usable did). */
export interface HttpExchange {
  readonly method: string;
  readonly path: string;
  /** Null when no complete status line and headers arrived (see `error`). */
  readonly status: number | null;
  readonly reason: string;
  /** `[name, value]` in the order received. */
  readonly headers: readonly (readonly [string, string])[];
  /** The first bytes of the body, decoded as UTF-8 (latin-1 bytes may show as U+FFFD). */
  readonly bodySample: string;
  /** Body bytes read (decoded from chunked), at most the probe's cap. */
  readonly bodyLength: number;
  /** The body was longer than the cap, or ended early (timeout, close). */
  readonly truncated: boolean;
  readonly error: string | null;
  readonly durationMs: number;
}

/** A `Set-Cookie` header, parsed (RFC 6265 §5.2: attribute names case-insensitive). */
export interface SetCookie {
  readonly name: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** `Strict`, `Lax`, `None` as written, or null when absent. */
  readonly sameSite: string | null;
  readonly path: string | null;
  readonly domain: string | null;
  /** The header line as received, value masked (a session id is a secret). */
  readonly raw: string;
}

/** `Strict-Transport-Security` (RFC 6797 §6.1), parsed. */
export interface HstsPolicy {
  /** Null when `max-age` is missing or not a number (the header is then invalid). */
  readonly maxAge: number | null;
  readonly includeSubDomains: boolean;
  readonly preload: boolean;
  readonly raw: string;
}

/** Whether the plain-HTTP side sends browsers to HTTPS. */
export interface HttpsRedirect {
  /** The plain port asked (the target itself when plain). */
  readonly port: number;
  /** False when nothing answered in plain HTTP on that port (then there is nothing to redirect). */
  readonly answered: boolean;
  readonly status: number | null;
  readonly location: string | null;
  /** The answer is a 301/302/303/307/308 to an `https:` URL. */
  readonly toHttps: boolean;
}

/** What an extra path probe is looking for. */
export type PathKind = 'admin' | 'sensitive' | 'listing';

/** One extra path requested, and whether its signature matched (soft-404 filtered). */
export interface PathFinding {
  readonly path: string;
  readonly kind: PathKind;
  /** What the path is (`Apache mod_status`, `Git repository metadata`). */
  readonly label: string;
  readonly status: number | null;
  /** The response carries the path's signature and differs from the not-found baseline. */
  readonly matched: boolean;
  /** The line or header that matched, trimmed. */
  readonly evidence: string;
}

export interface HttpObservation {
  readonly target: {
    readonly address: string;
    readonly port: number;
    readonly tls: boolean;
    /** The Host header and SNI name; the address when null. */
    readonly host: string | null;
  };
  /** `address:port` (IPv6 in brackets): the subject of this endpoint's findings. */
  readonly subject: string;
  readonly reachable: boolean;
  /** Why the probe stopped early (no connection, timeout, not HTTP); null when it completed. */
  readonly error: string | null;
  /** `GET /` as answered. */
  readonly root: HttpExchange | null;
  /**
   * The page the headers are judged on: `GET /`, or where its same-origin redirects lead
   * (at most two hops); null when `/` sends elsewhere (another origin, HTTPS).
   */
  readonly page: HttpExchange | null;
  readonly cookies: readonly SetCookie[];
  /** From the HTTPS page only (browsers ignore it over plain HTTP, RFC 6797 §8.1). */
  readonly hsts: HstsPolicy | null;
  /** Null when not asked (an HTTPS target without a plain port to try). */
  readonly redirect: HttpsRedirect | null;
  /** A random path that cannot exist: what this server answers for "not found". */
  readonly notFound: HttpExchange | null;
  /** Product whose welcome page `/` shows (`nginx`, `Apache`, `IIS`…), null otherwise. */
  readonly defaultPage: { readonly product: string; readonly evidence: string } | null;
  readonly paths: readonly PathFinding[];
  /** TRACE echoes the request back (cross-site tracing); null when not tried or no answer. */
  readonly trace: { readonly status: number | null; readonly echoed: boolean } | null;
  /** Requests sent, connections included. */
  readonly requests: number;
  readonly durationMs: number;
}

/** The subject of an endpoint's findings: `address:port`, IPv6 in brackets. */
export function subjectOf(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
