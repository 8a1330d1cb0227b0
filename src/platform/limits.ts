/**
 * Operator-set limits of the platform, read once at start from environment variables
 * ({@link limitsFromEnv}) and handed to the HTTP app:
 * - how large a model may be: the same limit for the zip import and the YAML editor, with the
 *   request body limit of both routes derived from it (a model within the limit always fits);
 * - how many documents may be waiting to be generated at once, and requested per hour, per user
 *   and per workspace (counted in the database, so every instance sees the same counts).
 * - which networks security audit campaigns may scan (`VIGIE_AUDIT_NETWORKS`, comma-separated
 *   CIDRs; default loopback, RFC 1918 and IPv6 unique local addresses): targets outside are
 *   refused with the reason before any packet.
 * Pure: no I/O; the variables are data ({@link LIMIT_VARIABLES}) so the README and start-up
 * errors name the same things.
 */
import { parseNetwork } from '../domain/net.js';
import { err, ok, type Result } from '../domain/result.js';

export interface DocumentQuotas {
  /** Documents of one user queued or being generated at once (all workspaces). */
  readonly queuedPerUser: number;
  /** Documents of one workspace queued or being generated at once. */
  readonly queuedPerWorkspace: number;
  /** Documents one user may request in any 60 minutes (all workspaces). */
  readonly perHourPerUser: number;
  /** Documents that may be requested in one workspace in any 60 minutes. */
  readonly perHourPerWorkspace: number;
}

export interface PlatformLimits {
  /** Total size of a model's YAML files in bytes, uncompressed (zip import and YAML editor). */
  readonly maxModelBytes: number;
  /** Largest request body of the zip import and of a model save (JSON), in bytes. */
  readonly maxUploadBytes: number;
  readonly documents: DocumentQuotas;
  /** CIDR networks audit campaigns may reach (the operator's allowlist). */
  readonly auditNetworks: readonly string[];
}

/** Loopback, RFC 1918 private networks and IPv6 unique local addresses (RFC 4193). */
export const DEFAULT_AUDIT_NETWORKS: readonly string[] = [
  '127.0.0.0/8',
  '::1/128',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  'fc00::/7',
];

/** The variable naming the networks audit campaigns may reach. */
export const AUDIT_NETWORKS_VARIABLE = 'VIGIE_AUDIT_NETWORKS';

const MIB = 1024 * 1024;

/**
 * 32 MiB: what the CLI's YAML reader accepts per file, and more than three times the
 * 10,000-asset model written by `vigie generate --assets 10000` (9.3 MB).
 */
export const DEFAULT_MAX_MODEL_BYTES = 32 * MIB;

/**
 * The body that carries a model of `maxModelBytes`: JSON escapes each newline, quote and
 * backslash with one more byte (at most doubling the text; YAML is typically +5 %), and a zip is
 * smaller than its files. Plus room for the rest of the request.
 */
export function uploadBytesFor(maxModelBytes: number): number {
  return 2 * maxModelBytes + 64 * 1024;
}

export const DEFAULT_DOCUMENT_QUOTAS: DocumentQuotas = {
  queuedPerUser: 3,
  queuedPerWorkspace: 10,
  perHourPerUser: 30,
  perHourPerWorkspace: 100,
};

export const DEFAULT_LIMITS: PlatformLimits = {
  maxModelBytes: DEFAULT_MAX_MODEL_BYTES,
  maxUploadBytes: uploadBytesFor(DEFAULT_MAX_MODEL_BYTES),
  documents: DEFAULT_DOCUMENT_QUOTAS,
  auditNetworks: DEFAULT_AUDIT_NETWORKS,
};

export type LimitName =
  | 'maxModelBytes'
  | 'maxUploadBytes'
  | 'queuedPerUser'
  | 'queuedPerWorkspace'
  | 'perHourPerUser'
  | 'perHourPerWorkspace';

export interface LimitVariable {
  readonly name: string;
  readonly limit: LimitName;
  readonly min: number;
  readonly max: number;
}

/** The environment variables, in the order the README lists them. */
export const LIMIT_VARIABLES: readonly LimitVariable[] = [
  { name: 'VIGIE_MAX_MODEL_BYTES', limit: 'maxModelBytes', min: 64 * 1024, max: 1024 * MIB },
  { name: 'VIGIE_MAX_UPLOAD_BYTES', limit: 'maxUploadBytes', min: 64 * 1024, max: 2048 * MIB },
  { name: 'VIGIE_DOCUMENT_JOBS_QUEUED_PER_USER', limit: 'queuedPerUser', min: 1, max: 10_000 },
  {
    name: 'VIGIE_DOCUMENT_JOBS_QUEUED_PER_WORKSPACE',
    limit: 'queuedPerWorkspace',
    min: 1,
    max: 10_000,
  },
  { name: 'VIGIE_DOCUMENT_JOBS_PER_HOUR', limit: 'perHourPerUser', min: 1, max: 1_000_000 },
  {
    name: 'VIGIE_DOCUMENT_JOBS_PER_HOUR_PER_WORKSPACE',
    limit: 'perHourPerWorkspace',
    min: 1,
    max: 1_000_000,
  },
];

export interface LimitsError {
  readonly code: 'invalid_limit' | 'upload_below_model' | 'invalid_audit_network';
  /** The variable at fault. */
  readonly variable: string;
  readonly value: string;
  readonly min: number;
  readonly max: number;
}

/**
 * The limits set by `VIGIE_*` variables (see {@link LIMIT_VARIABLES}), the defaults for the
 * others. A value must be a whole number within its bounds (`_` between digits allowed:
 * `33_554_432`); VIGIE_MAX_UPLOAD_BYTES defaults to {@link uploadBytesFor} the model limit and
 * may not be below it (a model within the limit must fit in a request).
 */
export function limitsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Result<PlatformLimits, LimitsError> {
  const values = new Map<LimitName, number>();
  for (const variable of LIMIT_VARIABLES) {
    const raw = env[variable.name]?.trim();
    if (raw === undefined || raw === '') continue;
    const value = /^[0-9]+(_[0-9]+)*$/.test(raw) ? Number(raw.replaceAll('_', '')) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < variable.min || value > variable.max) {
      return err({
        code: 'invalid_limit',
        variable: variable.name,
        value: raw,
        min: variable.min,
        max: variable.max,
      });
    }
    values.set(variable.limit, value);
  }
  const pick = (name: LimitName, fallback: number): number => values.get(name) ?? fallback;
  const maxModelBytes = pick('maxModelBytes', DEFAULT_MAX_MODEL_BYTES);
  const maxUploadBytes = pick('maxUploadBytes', uploadBytesFor(maxModelBytes));
  if (maxUploadBytes < maxModelBytes) {
    const upload = LIMIT_VARIABLES[1];
    return err({
      code: 'upload_below_model',
      variable: 'VIGIE_MAX_UPLOAD_BYTES',
      value: String(maxUploadBytes),
      min: maxModelBytes,
      max: upload?.max ?? maxUploadBytes,
    });
  }
  const networks = auditNetworksFrom(env[AUDIT_NETWORKS_VARIABLE]);
  if (!networks.ok) return networks;
  const quotas = DEFAULT_DOCUMENT_QUOTAS;
  return ok({
    auditNetworks: networks.value,
    maxModelBytes,
    maxUploadBytes,
    documents: {
      queuedPerUser: pick('queuedPerUser', quotas.queuedPerUser),
      queuedPerWorkspace: pick('queuedPerWorkspace', quotas.queuedPerWorkspace),
      perHourPerUser: pick('perHourPerUser', quotas.perHourPerUser),
      perHourPerWorkspace: pick('perHourPerWorkspace', quotas.perHourPerWorkspace),
    },
  });
}

/**
 * `VIGIE_AUDIT_NETWORKS`: comma-separated CIDR networks (a bare address is its own /32 or
 * /128); unset or empty gives {@link DEFAULT_AUDIT_NETWORKS}. Every entry must parse.
 */
export function auditNetworksFrom(raw: string | undefined): Result<readonly string[], LimitsError> {
  const value = (raw ?? '').trim();
  if (value === '') return ok(DEFAULT_AUDIT_NETWORKS);
  const networks: string[] = [];
  for (const part of value.split(',')) {
    const entry = part.trim();
    const cidr = entry.includes('/') ? entry : `${entry}/${entry.includes(':') ? '128' : '32'}`;
    if (parseNetwork(cidr) === undefined) {
      return err({
        code: 'invalid_audit_network',
        variable: AUDIT_NETWORKS_VARIABLE,
        value: entry.slice(0, 80),
        min: 0,
        max: 0,
      });
    }
    networks.push(cidr);
  }
  return ok(networks);
}

/** `32 MiB (33,554,432 bytes)` / `32 Mio (33 554 432 octets)`: readable, and exact for the operator. */
export function describeBytes(bytes: number, locale: 'en' | 'fr'): string {
  const units = locale === 'fr' ? ['octets', 'Kio', 'Mio', 'Gio'] : ['bytes', 'KiB', 'MiB', 'GiB'];
  const exact = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(bytes);
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${exact} ${units[0] ?? ''}`;
  const short = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(value);
  return `${short} ${units[unit] ?? ''} (${exact} ${units[0] ?? ''})`;
}

/** `45 seconds`, `1 minute`, `12 minutes` / `45 secondes`, `12 minutes`: when to try again. */
export function describeDelay(seconds: number, locale: 'en' | 'fr'): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) {
    const word = locale === 'fr' ? 'seconde' : 'second';
    return `${String(s)} ${word}${s > 1 ? 's' : ''}`;
  }
  const m = Math.ceil(s / 60);
  return `${String(m)} minute${m > 1 ? 's' : ''}`;
}
