/**
 * What the TLS checks share: their type and context, the certificate analysis of an observation,
 * accepted-suite queries and the references they cite (Mozilla, ANSSI, RFCs, CWE).
 */
import type { AuditReference, Check, CheckHit } from '../../types.js';
import type { LocalizedText } from '../../../design/text.js';
import { analyzeCertificate, type CertificateAnalysis } from '../certificate.js';
import type { TlsObservation, TlsProtocol } from '../observation.js';
import { suiteByCode, type CipherSuite } from '../suites.js';

export interface TlsCheckContext {
  /** `YYYY-MM-DD`. */
  readonly today: string;
  /** The name clients use (else the probe's SNI name); null: no hostname verdict. */
  readonly expectedHost: string | null;
  /** PEM trust anchors (the CAs given, or `tls.rootCertificates`); absent: the probe's verdict. */
  readonly ca?: readonly string[];
}

export type TlsCheck = Check<TlsObservation, TlsCheckContext>;

export const PROTOCOL_LABEL: Readonly<Record<TlsProtocol, string>> = {
  ssl3: 'SSLv3',
  tls10: 'TLS 1.0',
  tls11: 'TLS 1.1',
  tls12: 'TLS 1.2',
  tls13: 'TLS 1.3',
};

export function subjectOf(observation: TlsObservation): string {
  const { address, port } = observation.target;
  return `${address.includes(':') ? `[${address}]` : address}:${String(port)}`;
}

export function hit(
  observation: TlsObservation,
  detail: LocalizedText,
  evidence: string,
): CheckHit[] {
  return [{ subject: subjectOf(observation), detail, evidence }];
}

/** Every accepted suite with its protocol (unknown codes left out). */
export function acceptedSuites(
  observation: TlsObservation,
): { protocol: TlsProtocol; suite: CipherSuite }[] {
  return observation.ciphers.flatMap((list) =>
    list.suites.flatMap((code) => {
      const suite = suiteByCode(code);
      return suite === undefined ? [] : [{ protocol: list.protocol, suite }];
    }),
  );
}

/** `TLS 1.0: TLS_RSA_WITH_RC4_128_SHA, …` lines for the suites matching `keep`. */
export function suitesEvidence(
  observation: TlsObservation,
  keep: (suite: CipherSuite, protocol: TlsProtocol) => boolean,
): string {
  const byProtocol = new Map<TlsProtocol, string[]>();
  for (const { protocol, suite } of acceptedSuites(observation)) {
    if (!keep(suite, protocol)) continue;
    byProtocol.set(protocol, [...(byProtocol.get(protocol) ?? []), suite.iana]);
  }
  return [...byProtocol]
    .map(([p, names]) => `${PROTOCOL_LABEL[p]}: ${names.join(', ')}`)
    .join('\n');
}

/** A check that fires when an accepted suite matches `keep`. */
export function suiteHits(
  observation: TlsObservation,
  keep: (suite: CipherSuite, protocol: TlsProtocol) => boolean,
  detail: LocalizedText,
): CheckHit[] {
  const evidence = suitesEvidence(observation, keep);
  return evidence === '' ? [] : hit(observation, detail, evidence);
}

const CHAIN_ERRORS: Readonly<Record<string, CertificateAnalysis['chain']>> = {
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'incomplete',
  UNABLE_TO_GET_ISSUER_CERT: 'incomplete',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'incomplete',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
};

const cache = new WeakMap<TlsObservation, Map<string, CertificateAnalysis | null>>();

/** The certificate analysis (memoised per observation and context). */
export function certificateOf(
  observation: TlsObservation,
  context: TlsCheckContext,
): CertificateAnalysis | null {
  const observed = observation.certificate;
  if (observed === null) return null;
  const host = context.expectedHost ?? observation.target.servername;
  const key = `${context.today}|${host ?? ''}|${context.ca === undefined ? 'probe' : context.ca.join('')}`;
  const memo = cache.get(observation) ?? new Map<string, CertificateAnalysis | null>();
  cache.set(observation, memo);
  if (memo.has(key)) return memo.get(key) ?? null;
  let analysis = analyzeCertificate(observed, {
    today: context.today,
    host,
    anchors: context.ca ?? [],
  });
  if (analysis !== null && context.ca === undefined && analysis.chain !== 'self-signed') {
    // No anchors given: the platform's verdict (system store) made during the probe decides.
    const code = observed.authorizationError?.split(/[:\s]/)[0] ?? '';
    const chain = observed.authorized ? 'trusted' : (CHAIN_ERRORS[code] ?? 'trusted');
    analysis = { ...analysis, chain };
  }
  memo.set(key, analysis);
  return analysis;
}

export const MOZILLA_TLS: AuditReference = {
  source: 'mozilla',
  id: 'server-side-tls-5.7',
  title: 'Mozilla Server Side TLS guidelines 5.7',
  url: 'https://wiki.mozilla.org/Security/Server_Side_TLS',
};

/** ANSSI "Recommandations de sécurité relatives à TLS" (ANSSI-PA-035), on the given topic. */
export function anssiTls(topic: string): AuditReference {
  return {
    source: 'anssi',
    id: `ANSSI-PA-035 ${topic}`,
    title: 'Recommandations de sécurité relatives à TLS',
    url: 'https://cyber.gouv.fr/publications/recommandations-de-securite-relatives-tls',
  };
}

export function rfc(number: number, title: string): AuditReference {
  return {
    source: 'rfc',
    id: `RFC ${String(number)}`,
    title,
    url: `https://www.rfc-editor.org/rfc/rfc${String(number)}`,
  };
}

export function cwe(number: number, title: string): AuditReference {
  return {
    source: 'cwe',
    id: `CWE-${String(number)}`,
    title,
    url: `https://cwe.mitre.org/data/definitions/${String(number)}.html`,
  };
}
