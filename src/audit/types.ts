/**
 * The audit engine's shared vocabulary (issue 15, CP5): the checks' metadata, the findings every
 * probe domain produces in one format, and the campaign results file (`results.json`).
 *
 * Probes observe (I/O through the `AuditNet` port of net/types.ts, clock and resolver passed in);
 * checks judge observations (pure, one file per check with its metadata); drift compares the
 * observations with the model. Everything here is plain JSON-serialisable data.
 */
import type { LocalizedText } from '../design/text.js';

export type { LocalizedText } from '../design/text.js';

/** The areas an audit covers, in the order reports show them. */
export const AUDIT_DOMAINS = [
  'ports',
  'tls',
  'http',
  'ssh',
  'dns',
  'mail',
  'host',
  'drift',
] as const;
export type AuditDomain = (typeof AUDIT_DOMAINS)[number];

/** CVSS v3.1 qualitative ratings (none is kept for informational observations). */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a check comes from; `id` is the source's own identifier (measure, test id, RFC…). */
export interface AuditReference {
  readonly source:
    | 'anssi'
    | 'mozilla'
    | 'owasp'
    | 'cis'
    | 'nist'
    | 'rfc'
    | 'cwe'
    | 'lynis'
    | 'ssh-audit'
    | 'iana'
    | 'other';
  readonly id: string;
  readonly title?: string;
  readonly url?: string;
}

/** Everything a user reads about a check: it is documentation, in both languages. */
export interface CheckMetadata {
  /** Kebab-case, stable, prefixed by its domain (`tls-protocol-tls10`); findings are `id@subject`. */
  readonly id: string;
  readonly domain: AuditDomain;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  /** Why this severity: what an attacker gains, under which conditions. */
  readonly rationale: LocalizedText;
  readonly remediation: LocalizedText;
  /** CVSS v3.1 base vector (`CVSS:3.1/AV:N/AC:H/...`); the score and severity derive from it. */
  readonly cvss: string;
  readonly references: readonly AuditReference[];
  /** Lynis test ids this check corresponds to (host checks), for the comparison table. */
  readonly lynis?: readonly string[];
}

/** One occurrence of a weakness seen by a check. */
export interface CheckHit {
  /** What the finding is about: a target key (`127.0.0.1:443`, `example.org`, `host:sshd`). */
  readonly subject: string;
  readonly detail: LocalizedText;
  /** Exactly what was seen (a header line, a banner, a cipher list), trimmed to 2,000 chars. */
  readonly evidence: string;
  /** Overrides the check's vector for this occurrence (e.g. an expired cert on an admin page). */
  readonly cvss?: string;
  /** Model entity ids this occurrence is about (filled by the campaign from the scope mapping). */
  readonly entities?: readonly string[];
  /** A model change that would make the model match what was observed (drift findings). */
  readonly proposal?: ModelProposal;
}

/** A pure check over one kind of observation. */
export interface Check<O, C = undefined> extends CheckMetadata {
  evaluate(observation: O, context: C): readonly CheckHit[];
}

/**
 * A change of the model a drift finding offers ("update the model"): applied by the platform
 * through its entity edits, shown first as a diff. Fields are model fields (asset schema).
 */
export type ModelProposal =
  | {
      readonly kind: 'update-entity';
      readonly section: 'assets' | 'flows';
      readonly id: string;
      /** Fields to set (whole values: `services` is the full new list); `null` removes. */
      readonly fields: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'create-entity';
      readonly section: 'assets';
      readonly fields: Readonly<Record<string, unknown>>;
    };

/** A check's hit, resolved: what reports, the API and SARIF show. */
export interface AuditFinding {
  /** `checkId@subject`: stable across campaigns (comparison, action plan). */
  readonly id: string;
  readonly check: string;
  readonly domain: AuditDomain;
  readonly severity: Severity;
  readonly cvss: { readonly vector: string; readonly score: number };
  readonly subject: string;
  readonly title: LocalizedText;
  readonly detail: LocalizedText;
  readonly evidence: string;
  readonly remediation: LocalizedText;
  readonly references: readonly AuditReference[];
  readonly entities: readonly string[];
  readonly proposal?: ModelProposal;
}

/** Longest evidence kept per finding (bytes of banners and headers are trimmed to it). */
export const MAX_EVIDENCE = 2000;

/** What a port answered as, from its banner or handshake (services/ identifies it). */
export interface ServiceIdentity {
  /** A key of the protocol registry (`ssh`, `https`, `smtp`…) or `unknown`. */
  readonly protocol: string;
  /** TLS was spoken on the port itself (not STARTTLS). */
  readonly tls: boolean;
  /** STARTTLS offered (SMTP, IMAP, POP3, FTP AUTH TLS, LDAP StartTLS, PostgreSQL SSLRequest…). */
  readonly starttls?: boolean;
  readonly product?: string;
  readonly version?: string;
  /** The first bytes the service said, printable, trimmed. */
  readonly banner?: string;
  /** Other facts the handshake told (OS hint, SMB dialect, auth offered…). */
  readonly details?: Readonly<Record<string, string>>;
}

export interface PortObservation {
  readonly port: number;
  readonly transport: 'tcp';
  readonly service?: ServiceIdentity;
}

/** One scanned address: its open ports and the model entities it stands for. */
export interface HostResult {
  readonly address: string;
  readonly hostnames: readonly string[];
  /** Asset ids of the model this address belongs to (from the model or the scope file). */
  readonly entities: readonly string[];
  readonly reachable: boolean;
  readonly open: readonly PortObservation[];
  /** How many ports were tried on this address. */
  readonly tried: number;
}

/** The campaign results file (`vigie audit run -o results.json`), version 1. */
export interface AuditResults {
  readonly format: 'vigie-audit-results';
  readonly version: 1;
  readonly campaign: {
    readonly id: string;
    readonly name: string;
    readonly startedAt: string;
    readonly finishedAt: string;
    /** Zone of the model the scan ran from (admin interfaces reachable from it are drift). */
    readonly vantage: string | null;
    readonly model: { readonly name: string; readonly digest: string } | null;
    readonly scope: {
      readonly file: string | null;
      readonly targets: number;
      readonly ports: string;
    };
    readonly tool: { readonly name: 'vigie'; readonly version: string };
  };
  readonly hosts: readonly HostResult[];
  /** Per-domain observations, each typed in its folder (tls/, ssh/, http/, dns/, host/). */
  readonly observations: {
    readonly tls: readonly unknown[];
    readonly ssh: readonly unknown[];
    readonly http: readonly unknown[];
    readonly dns: readonly unknown[];
    readonly host: unknown;
  };
  readonly findings: readonly AuditFinding[];
  readonly refused: readonly {
    readonly address: string;
    readonly port: number;
    readonly reason: string;
  }[];
  readonly errors: readonly {
    readonly target: string;
    readonly probe: string;
    readonly message: string;
  }[];
  readonly stats: { readonly durationMs: number; readonly connections: number };
}
