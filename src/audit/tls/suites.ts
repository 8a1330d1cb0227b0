/**
 * The IANA TLS cipher-suite registry with each suite's properties (key exchange, authentication,
 * cipher and strength, MAC, forward secrecy, weakness flags), plus the supported-groups and
 * signature-scheme registries. The rows are IANA's (wire/iana-registry.ts, source and licence in
 * its header); the properties are derived here from the IANA name, which encodes them
 * (`TLS_<kx>_<auth>_WITH_<cipher>_<bits>_<mode>_<mac>`), so nothing is typed twice.
 */
import type { TlsProtocol } from './observation.js';
import { IANA_CIPHER_SUITES, IANA_GROUPS, IANA_SIGNATURE_SCHEMES } from './wire/iana-registry.js';

export type KeyExchange =
  | 'RSA'
  | 'DH'
  | 'DHE'
  | 'ECDH'
  | 'ECDHE'
  | 'PSK'
  | 'DHE-PSK'
  | 'RSA-PSK'
  | 'ECDHE-PSK'
  | 'KRB5'
  | 'SRP'
  | 'ECCPWD'
  | 'GOST'
  | 'NULL'
  | 'any';
export type Authentication =
  'RSA' | 'DSS' | 'ECDSA' | 'anon' | 'PSK' | 'KRB5' | 'SRP' | 'ECCPWD' | 'GOST' | 'NULL' | 'any';

export interface CipherSuiteFlags {
  readonly null: boolean;
  readonly export: boolean;
  readonly anon: boolean;
  readonly rc4: boolean;
  readonly '3des': boolean;
  /** Single DES (56 or 40 bits), not 3DES. */
  readonly des: boolean;
  readonly cbc: boolean;
  readonly idea: boolean;
  readonly seed: boolean;
  readonly camellia: boolean;
  readonly aria: boolean;
  readonly chacha: boolean;
  /** A signalling value (renegotiation info, fallback), not a real suite. */
  readonly scsv: boolean;
}

export interface CipherSuite {
  readonly code: number;
  /** `0x13,0x01` as testssl/sslscan print it. */
  readonly hex: string;
  readonly iana: string;
  readonly openssl: string | null;
  readonly kx: KeyExchange;
  readonly auth: Authentication;
  /** Cipher family and mode as written by IANA (`AES_128_GCM`, `3DES_EDE_CBC`, `NULL`…). */
  readonly enc: string;
  /** Effective key bits (3DES counts 112, as sslscan and NIST do). */
  readonly bits: number;
  /** `MD5`, `SHA1`, `SHA256`, `SHA384`, `SM3`, `GOST` or `AEAD`. */
  readonly mac: string;
  readonly aead: boolean;
  readonly forwardSecrecy: boolean;
  readonly flags: CipherSuiteFlags;
  /** The first protocol version that can negotiate it. */
  readonly since: TlsProtocol;
  /** IANA's "Recommended" column is Y. */
  readonly recommended: boolean;
}

const KX: Record<string, readonly [KeyExchange, Authentication]> = {
  NULL: ['NULL', 'NULL'],
  RSA: ['RSA', 'RSA'],
  RSA_EXPORT: ['RSA', 'RSA'],
  DH_DSS: ['DH', 'DSS'],
  DH_DSS_EXPORT: ['DH', 'DSS'],
  DH_RSA: ['DH', 'RSA'],
  DH_RSA_EXPORT: ['DH', 'RSA'],
  DHE_DSS: ['DHE', 'DSS'],
  DHE_DSS_EXPORT: ['DHE', 'DSS'],
  DHE_RSA: ['DHE', 'RSA'],
  DHE_RSA_EXPORT: ['DHE', 'RSA'],
  DH_anon: ['DHE', 'anon'],
  DH_anon_EXPORT: ['DHE', 'anon'],
  ECDH_ECDSA: ['ECDH', 'ECDSA'],
  ECDH_RSA: ['ECDH', 'RSA'],
  ECDHE_ECDSA: ['ECDHE', 'ECDSA'],
  ECDHE_RSA: ['ECDHE', 'RSA'],
  ECDH_anon: ['ECDHE', 'anon'],
  PSK: ['PSK', 'PSK'],
  DHE_PSK: ['DHE-PSK', 'PSK'],
  RSA_PSK: ['RSA-PSK', 'RSA'],
  ECDHE_PSK: ['ECDHE-PSK', 'PSK'],
  KRB5: ['KRB5', 'KRB5'],
  KRB5_EXPORT: ['KRB5', 'KRB5'],
  SRP_SHA: ['SRP', 'SRP'],
  SRP_SHA_RSA: ['SRP', 'RSA'],
  SRP_SHA_DSS: ['SRP', 'DSS'],
  ECCPWD: ['ECCPWD', 'ECCPWD'],
  GOSTR341112_256: ['GOST', 'GOST'],
};

const EPHEMERAL: ReadonlySet<KeyExchange> = new Set([
  'DHE',
  'ECDHE',
  'DHE-PSK',
  'ECDHE-PSK',
  'SRP',
  'ECCPWD',
  'GOST',
  'any',
]);

const MACS: Record<string, string> = {
  MD5: 'MD5',
  SHA: 'SHA1',
  SHA256: 'SHA256',
  SHA384: 'SHA384',
  SM3: 'SM3',
};

function cipherBits(enc: string): number {
  if (enc === 'NULL' || enc.startsWith('SHA')) return 0;
  if (enc.startsWith('3DES')) return 112;
  if (enc.startsWith('DES40') || enc.endsWith('_40')) return 40;
  if (enc.startsWith('DES')) return 56;
  if (enc.startsWith('CHACHA20') || enc.startsWith('AEGIS_256')) return 256;
  if (/^(IDEA|SEED|SM4|AEGIS_128)/.test(enc)) return 128;
  if (/^(KUZNYECHIK|MAGMA|28147)/.test(enc)) return 256;
  const explicit = /_(\d+)(?:_|$)/.exec(enc);
  return explicit ? Number(explicit[1]) : 0;
}

/** Splits the IANA name into key exchange, cipher and MAC parts. */
function splitName(code: number, name: string): { kx: string; enc: string; mac: string } {
  const body = name.replace(/^TLS_/, '');
  if (code >> 8 === 0x13 || code === 0x00c6 || code === 0x00c7) {
    const m = /^(.*)_(SHA256|SHA384|SM3)$/.exec(body);
    return { kx: 'any', enc: m?.[1] ?? body, mac: 'AEAD' };
  }
  if (/^(SHA256|SHA384)_\1$/.test(body))
    return { kx: 'any', enc: 'NULL', mac: body.split('_')[0] ?? '' };
  const [kx = '', rest = ''] = body.split('_WITH_');
  const m = /^(.*)_(MD5|SHA|SHA256|SHA384)$/.exec(rest);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    // In an AEAD suite the trailing hash is the PRF's, not a MAC.
    return { kx, enc: m[1], mac: /GCM|CCM|POLY1305/.test(m[1]) ? 'AEAD' : m[2] };
  }
  return { kx, enc: rest, mac: /OMAC|IMIT/.test(rest) ? 'GOST' : 'AEAD' };
}

function sinceOf(code: number, enc: string, mac: string, aead: boolean): TlsProtocol {
  if (code >> 8 === 0x13 || /_MGM_/.test(enc) || code === 0x00c6 || code === 0x00c7) return 'tls13';
  if (aead || mac === 'SHA256' || mac === 'SHA384') return 'tls12';
  if (code <= 0x003a && !(code >= 0x002c && code <= 0x002e)) return 'ssl3';
  return 'tls10';
}

function describe(entry: readonly [number, string, string | null, boolean]): CipherSuite {
  const [code, iana, openssl, recommended] = entry;
  const scsv = iana.endsWith('_SCSV');
  const parts = splitName(code, iana);
  const [kx, auth] =
    parts.kx === 'any' ? (['any', 'any'] as const) : (KX[parts.kx] ?? ['NULL', 'NULL']);
  const enc = parts.enc;
  const aead = parts.mac === 'AEAD' && enc !== 'NULL';
  const mac = parts.mac === 'AEAD' ? 'AEAD' : (MACS[parts.mac] ?? parts.mac);
  const has = (re: RegExp): boolean => re.test(enc);
  return {
    code,
    hex: `0x${(code >> 8).toString(16).padStart(2, '0')},0x${(code & 0xff).toString(16).padStart(2, '0')}`,
    iana,
    openssl,
    kx,
    auth,
    enc,
    bits: cipherBits(enc),
    mac,
    aead,
    forwardSecrecy: EPHEMERAL.has(kx) && auth !== 'anon',
    flags: {
      null: !scsv && enc === 'NULL',
      export: iana.includes('EXPORT'),
      anon: auth === 'anon',
      rc4: has(/^RC4/),
      '3des': has(/^3DES/),
      des: has(/^DES/),
      cbc: has(/CBC/),
      idea: has(/^IDEA/),
      seed: has(/^SEED/),
      camellia: has(/^CAMELLIA/),
      aria: has(/^ARIA/),
      chacha: has(/^CHACHA20/),
      scsv,
    },
    since: sinceOf(code, enc, mac, aead),
    recommended,
  };
}

/** Every IANA cipher suite (SCSVs included, flagged), by code order. */
export const CIPHER_SUITES: readonly CipherSuite[] = IANA_CIPHER_SUITES.map(describe);

const BY_CODE = new Map(CIPHER_SUITES.map((s) => [s.code, s]));

export function suiteByCode(code: number): CipherSuite | undefined {
  return BY_CODE.get(code);
}

/** The suites a TLS 1.3 ClientHello can offer (0x13xx and the GOST MGM ones). */
export const TLS13_SUITES: readonly CipherSuite[] = CIPHER_SUITES.filter(
  (s) => s.since === 'tls13',
);

/** Every real suite a TLS ≤ 1.2 ClientHello can offer (SCSVs and TLS 1.3-only suites left out). */
export const LEGACY_SUITES: readonly CipherSuite[] = CIPHER_SUITES.filter(
  (s) => s.since !== 'tls13' && !s.flags.scsv && s.code !== 0x0000,
);

export interface NamedGroup {
  readonly code: number;
  readonly name: string;
  /** Client key share length in bytes (0 when the probe never generates one). */
  readonly keyShareLength: number;
  readonly kind: 'ecdhe' | 'ffdhe' | 'pq-hybrid' | 'pq' | 'other';
}

function groupKind(code: number, name: string): NamedGroup['kind'] {
  if (code >= 256 && code <= 260) return 'ffdhe';
  if (/MLKEM|Kyber/.test(name)) return code >= 512 && code <= 514 ? 'pq' : 'pq-hybrid';
  return code < 256 ? 'ecdhe' : 'other';
}

export const NAMED_GROUPS: readonly NamedGroup[] = IANA_GROUPS.map(
  ([code, name, keyShareLength]) => ({
    code,
    name,
    keyShareLength,
    kind: groupKind(code, name),
  }),
);

const GROUP_BY_CODE = new Map(NAMED_GROUPS.map((g) => [g.code, g]));
export function groupByCode(code: number): NamedGroup | undefined {
  return GROUP_BY_CODE.get(code);
}

export interface SignatureScheme {
  readonly code: number;
  readonly name: string;
}
export const SIGNATURE_SCHEMES: readonly SignatureScheme[] = IANA_SIGNATURE_SCHEMES.map(
  ([code, name]) => ({
    code,
    name,
  }),
);
