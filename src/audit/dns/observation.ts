/** What the DNS and mail probe saw for one domain (plain data). */

export interface SpfObservation {
  /** Every `v=spf1` TXT record at the domain (more than one is an error per RFC 7208). */
  readonly records: readonly string[];
  /** The effective `all` qualifier (`+`, `?`, `~`, `-`), through a `redirect=`; null when none. */
  readonly all: '+' | '?' | '~' | '-' | null;
  /** DNS-querying terms evaluated (include, a, mx, ptr, exists, redirect), recursively. */
  readonly lookups: number;
  /** Lookups that found nothing (RFC 7208 §4.6.4 limits them to 2). */
  readonly voidLookups: number;
  /** Why evaluation stopped early (a loop, a missing include, too deep), if it did. */
  readonly errors: readonly string[];
}

export interface DkimObservation {
  readonly selector: string;
  readonly found: boolean;
  readonly record: string | null;
  readonly keyType: string | null;
  /** RSA modulus size in bits (null for ed25519 or an unreadable key). */
  readonly bits: number | null;
  readonly revoked: boolean;
  readonly testing: boolean;
}

export interface DmarcObservation {
  readonly record: string | null;
  /** More than one DMARC record: receivers ignore them all. */
  readonly multiple: boolean;
  readonly tags: Readonly<Record<string, string>>;
}

export interface MxObservation {
  readonly host: string;
  readonly preference: number;
  readonly addresses: readonly string[];
  /** Not probed: out of scope (the reason), or no address. */
  readonly skipped: string | null;
  readonly starttls: boolean | null;
  readonly certificate: {
    readonly chain: readonly string[];
    readonly authorized: boolean;
    readonly authorizationError: string | null;
    readonly protocol: string | null;
  } | null;
  readonly error: string | null;
}

export interface MtaStsObservation {
  readonly record: string | null;
  readonly policy: {
    readonly fetched: boolean;
    readonly error: string | null;
    readonly mode: string | null;
    readonly maxAge: number | null;
    readonly mx: readonly string[];
  } | null;
}

export interface DnsMailObservation {
  readonly domain: string;
  readonly resolver: string;
  /** The domain answered at all (SOA or NS); false: nothing else is meaningful. */
  readonly resolvable: boolean;
  readonly error: string | null;
  readonly spf: SpfObservation;
  readonly dkim: readonly DkimObservation[];
  readonly dmarc: DmarcObservation;
  readonly mx: readonly MxObservation[];
  readonly mtaSts: MtaStsObservation;
  readonly tlsRpt: string | null;
  readonly dnssec: {
    readonly dnskey: boolean;
    readonly signed: boolean;
    readonly validated: boolean;
  };
  readonly caa: readonly string[];
  readonly queries: number;
  readonly durationMs: number;
}
