/**
 * Certificate chain analysis (pure, node:crypto X509Certificate): validity against `today`, days
 * left, self-signed, the path to a trust anchor (anchors are a parameter: callers pass the CAs they
 * were given or `tls.rootCertificates`), incomplete chain, hostname, key type and size, signature
 * algorithm, embedded SCTs, OCSP stapling and must-staple.
 */
import { X509Certificate } from 'node:crypto';
import type { TlsCertificateObservation } from './observation.js';

export interface LeafFacts {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** Whole days from `today` (00:00 UTC) to the end of validity; negative once expired. */
  readonly daysLeft: number;
  readonly keyType: string;
  /** RSA/DSA modulus bits, EC curve bits, 256 for Ed25519. */
  readonly keyBits: number | null;
  readonly curve: string | null;
  /** Signature algorithm name (`sha256WithRSAEncryption`) or the OID when unknown. */
  readonly signatureAlgorithm: string;
  readonly san: string | null;
  readonly fingerprint256: string;
  /** Embedded Signed Certificate Timestamps (OID 1.3.6.1.4.1.11129.2.4.2). */
  readonly scts: boolean;
  /** TLS feature status_request (OID 1.3.6.1.5.5.7.1.24). */
  readonly mustStaple: boolean;
  /** The certificate names an OCSP responder (Authority Information Access). */
  readonly ocspResponder: boolean;
}

export type ChainStatus = 'trusted' | 'self-signed' | 'untrusted' | 'incomplete';

export interface CertificateAnalysis {
  readonly leaf: LeafFacts;
  readonly expired: boolean;
  readonly notYetValid: boolean;
  readonly selfSigned: boolean;
  readonly chain: ChainStatus;
  /** The subjects along the path built, leaf first (ends at the anchor when trusted). */
  readonly path: readonly string[];
  /** The name checked, and whether the leaf covers it (null: no name to check). */
  readonly host: { readonly name: string; readonly matches: boolean } | null;
  readonly weakKey: boolean;
  readonly weakSignature: boolean;
  readonly ocspStapled: boolean;
}

export interface CertificateContext {
  /** `YYYY-MM-DD`. */
  readonly today: string;
  /** The name clients use; null: none known (IP-only target). */
  readonly host: string | null;
  /** PEM trust anchors (given CAs or the system store). */
  readonly anchors: readonly string[];
}

const SIGNATURES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10040.4.3': 'dsaWithSHA1',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};
const WEAK_SIGNATURE = /md2|md5|sha1/i;
const CURVE_BITS: Readonly<Record<string, number>> = {
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  secp224r1: 224,
  prime192v1: 192,
};
const SCT_OID = '1.3.6.1.4.1.11129.2.4.2';
const TLS_FEATURE_OID = '1.3.6.1.5.5.7.1.24';
const DAY_MS = 86_400_000;

interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** One DER element at `offset` (definite lengths only, as DER requires). */
function tlv(der: Uint8Array, offset: number): Tlv {
  const tag = der[offset] ?? 0;
  let length = der[offset + 1] ?? 0;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] ?? 0);
    start += count;
  }
  return { tag, start, end: Math.min(start + length, der.length) };
}

function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const child = tlv(der, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

function oid(der: Uint8Array, node: Tlv): string {
  const bytes = der.subarray(node.start, node.end);
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const b of bytes.subarray(1)) {
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** The signature algorithm OID and the extension OIDs of a DER certificate. */
export function certificateOids(der: Uint8Array): { signature: string; extensions: string[] } {
  const [tbs, algorithm] = children(der, tlv(der, 0));
  if (tbs === undefined || algorithm === undefined) return { signature: '', extensions: [] };
  const algOid = children(der, algorithm)[0];
  const explicit = children(der, tbs).find((c) => c.tag === 0xa3);
  const list = explicit === undefined ? undefined : children(der, explicit)[0];
  const extensions =
    list === undefined
      ? []
      : children(der, list).flatMap((ext) => {
          const id = children(der, ext)[0];
          return id?.tag === 0x06 ? [oid(der, id)] : [];
        });
  return { signature: algOid?.tag === 0x06 ? oid(der, algOid) : '', extensions };
}

function keyFacts(cert: X509Certificate): {
  type: string;
  bits: number | null;
  curve: string | null;
} {
  const key = cert.publicKey;
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (details.namedCurve !== undefined)
    return { type, bits: CURVE_BITS[details.namedCurve] ?? null, curve: details.namedCurve };
  if (type === 'ed25519' || type === 'x25519') return { type, bits: 256, curve: type };
  if (type === 'ed448') return { type, bits: 448, curve: type };
  return { type, bits: details.modulusLength ?? null, curve: null };
}

function issued(issuer: X509Certificate, subject: X509Certificate): boolean {
  try {
    // Names then signature (checkIssued also demands key identifiers some CAs leave out).
    return issuer.subject === subject.issuer && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function parsePem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.flatMap((block) => {
    try {
      return [new X509Certificate(block)];
    } catch {
      return [];
    }
  });
}

/** Builds the path leaf → sent intermediates → anchor; says where it stops. */
function buildPath(
  leaf: X509Certificate,
  sent: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): { status: ChainStatus; path: string[] } {
  const path = [leaf.subject];
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    const anchor = anchors.find((a) => issued(a, current));
    if (anchor !== undefined) return { status: 'trusted', path: [...path, anchor.subject] };
    if (issued(current, current))
      return { status: depth === 0 ? 'self-signed' : 'untrusted', path };
    const next = sent.find((c) => c !== current && issued(c, current));
    // The leaf alone with an unknown issuer: intermediates missing. A chain that reaches a CA
    // certificate whose issuer is unknown: a root the anchors do not hold.
    if (next === undefined) return { status: depth === 0 ? 'incomplete' : 'untrusted', path };
    path.push(next.subject);
    current = next;
  }
  return { status: 'untrusted', path };
}

function hostMatch(cert: X509Certificate, name: string): boolean {
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':');
  return isIp ? cert.checkIP(name) !== undefined : cert.checkHost(name) !== undefined;
}

/** Analyses what the server sent; null when there is no parsable leaf. */
export function analyzeCertificate(
  observed: TlsCertificateObservation,
  context: CertificateContext,
): CertificateAnalysis | null {
  const ders = observed.chain.map((b64) => Buffer.from(b64, 'base64'));
  const certs = ders.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  const leaf = certs[0];
  const leafDer = ders[0];
  if (leaf === undefined || leafDer === undefined) return null;
  const today = Date.parse(`${context.today}T00:00:00Z`);
  const notAfter = Date.parse(leaf.validTo);
  const notBefore = Date.parse(leaf.validFrom);
  const oids = certificateOids(leafDer);
  const key = keyFacts(leaf);
  const signatureAlgorithm = SIGNATURES[oids.signature] ?? oids.signature;
  const anchors = context.anchors.flatMap(parsePem);
  const { status, path } = buildPath(leaf, certs.slice(1), anchors);
  const weakKey =
    key.bits !== null &&
    ((['rsa', 'rsa-pss', 'dsa', 'dh'].includes(key.type) && key.bits < 2048) ||
      (key.type === 'ec' && key.bits < 256));
  return {
    leaf: {
      subject: leaf.subject,
      issuer: leaf.issuer,
      notBefore: new Date(notBefore).toISOString(),
      notAfter: new Date(notAfter).toISOString(),
      daysLeft: Math.floor((notAfter - today) / DAY_MS),
      keyType: key.type,
      keyBits: key.bits,
      curve: key.curve,
      signatureAlgorithm,
      san: leaf.subjectAltName ?? null,
      fingerprint256: leaf.fingerprint256,
      scts: oids.extensions.includes(SCT_OID),
      mustStaple: oids.extensions.includes(TLS_FEATURE_OID),
      ocspResponder: /OCSP - URI:/i.test(leaf.infoAccess ?? ''),
    },
    expired: notAfter < today,
    notYetValid: notBefore >= today + DAY_MS,
    selfSigned: status === 'self-signed',
    chain: status,
    path,
    host:
      context.host === null ? null : { name: context.host, matches: hostMatch(leaf, context.host) },
    weakKey,
    weakSignature: status !== 'self-signed' && WEAK_SIGNATURE.test(signatureAlgorithm),
    ocspStapled: observed.ocspStapled,
  };
}

/** A one-line summary of the leaf for evidence. */
export function leafEvidence(analysis: CertificateAnalysis): string {
  const l = analysis.leaf;
  return [
    `subject: ${l.subject.replace(/\n/g, ', ')}`,
    `issuer: ${l.issuer.replace(/\n/g, ', ')}`,
    `validity: ${l.notBefore} → ${l.notAfter} (${String(l.daysLeft)} days left)`,
    `key: ${l.keyType}${l.keyBits === null ? '' : ` ${String(l.keyBits)} bits`}; signature: ${l.signatureAlgorithm}`,
    ...(l.san === null ? [] : [`subjectAltName: ${l.san}`]),
    `chain: ${analysis.path.map((s) => s.replace(/\n/g, ', ')).join(' → ')} (${analysis.chain})`,
  ].join('\n');
}
