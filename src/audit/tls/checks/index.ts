/**
 * Every TLS check, in report order. Adding one: a file named after its id, a test case, a line
 * here. Run with `runChecks(TLS_CHECKS, observation, { today, expectedHost, ca })`.
 */
import { tlsCbcTls10 } from './tls-cbc-tls10.js';
import { tlsCertificateChainIncomplete } from './tls-certificate-chain-incomplete.js';
import { tlsCertificateExpired } from './tls-certificate-expired.js';
import { tlsCertificateExpiringSoon } from './tls-certificate-expiring-soon.js';
import { tlsCertificateHostnameMismatch } from './tls-certificate-hostname-mismatch.js';
import { tlsCertificateMustStapleWithoutStaple } from './tls-certificate-must-staple-without-staple.js';
import { tlsCertificateNoOcspStapling } from './tls-certificate-no-ocsp-stapling.js';
import { tlsCertificateNotYetValid } from './tls-certificate-not-yet-valid.js';
import { tlsCertificateSelfSigned } from './tls-certificate-self-signed.js';
import { tlsCertificateUntrusted } from './tls-certificate-untrusted.js';
import { tlsCertificateWeakKey } from './tls-certificate-weak-key.js';
import { tlsCertificateWeakSignature } from './tls-certificate-weak-signature.js';
import { tlsCipher3des } from './tls-cipher-3des.js';
import { tlsCipherAnon } from './tls-cipher-anon.js';
import { tlsCipherDes } from './tls-cipher-des.js';
import { tlsCipherExport } from './tls-cipher-export.js';
import { tlsCipherNull } from './tls-cipher-null.js';
import { tlsCipherRc4 } from './tls-cipher-rc4.js';
import { tlsCompression } from './tls-compression.js';
import { tlsInsecureRenegotiation } from './tls-insecure-renegotiation.js';
import { tlsNoFallbackScsv } from './tls-no-fallback-scsv.js';
import { tlsNoForwardSecrecy } from './tls-no-forward-secrecy.js';
import { tlsNoServerPreference } from './tls-no-server-preference.js';
import { tlsNoTls12 } from './tls-no-tls12.js';
import { tlsNoTls13 } from './tls-no-tls13.js';
import { tlsProtocolSsl3 } from './tls-protocol-ssl3.js';
import { tlsProtocolTls10 } from './tls-protocol-tls10.js';
import { tlsProtocolTls11 } from './tls-protocol-tls11.js';
import { tlsWeakDh } from './tls-weak-dh.js';
import { tlsWeakGroups } from './tls-weak-groups.js';
import type { TlsCheck } from './support.js';

export type { TlsCheck, TlsCheckContext } from './support.js';

export const TLS_CHECKS: readonly TlsCheck[] = [
  tlsProtocolSsl3,
  tlsProtocolTls10,
  tlsProtocolTls11,
  tlsNoTls12,
  tlsNoTls13,
  tlsCipherNull,
  tlsCipherAnon,
  tlsCipherExport,
  tlsCipherRc4,
  tlsCipher3des,
  tlsCipherDes,
  tlsCbcTls10,
  tlsNoForwardSecrecy,
  tlsNoServerPreference,
  tlsWeakDh,
  tlsWeakGroups,
  tlsInsecureRenegotiation,
  tlsCompression,
  tlsNoFallbackScsv,
  tlsCertificateExpired,
  tlsCertificateNotYetValid,
  tlsCertificateExpiringSoon,
  tlsCertificateSelfSigned,
  tlsCertificateUntrusted,
  tlsCertificateChainIncomplete,
  tlsCertificateHostnameMismatch,
  tlsCertificateWeakKey,
  tlsCertificateWeakSignature,
  tlsCertificateNoOcspStapling,
  tlsCertificateMustStapleWithoutStaple,
];
