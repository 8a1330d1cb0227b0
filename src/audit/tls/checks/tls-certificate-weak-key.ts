import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateWeakKey: TlsCheck = {
  id: 'tls-certificate-weak-key',
  domain: 'tls',
  title: text('Weak certificate key', 'Clé de certificat faible'),
  description: text(
    'The certificate key is RSA/DSA below 2048 bits or an elliptic curve below 256 bits.',
    'La clé du certificat est RSA/DSA de moins de 2048 bits ou une courbe elliptique de moins de 256 bits.',
  ),
  rationale: text(
    'RSA 1024 is within reach of well-funded attackers: factoring it lets them impersonate the server and, without forward secrecy, decrypt recorded traffic.',
    'RSA 1024 est à portée d’attaquants dotés de moyens : sa factorisation permet d’usurper le serveur et, sans confidentialité persistante, de déchiffrer le trafic enregistré.',
  ),
  remediation: text(
    'Reissue the certificate with RSA ≥ 2048 bits (3072 advised) or ECDSA P-256.',
    'Réémettre le certificat avec RSA ≥ 2048 bits (3072 conseillés) ou ECDSA P-256.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:N',
  references: [
    rfc(5280, 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
    MOZILLA_TLS,
    anssiTls('certificats'),
    cwe(326, 'Inadequate Encryption Strength'),
  ],
  evaluate(observation, context) {
    const cert = certificateOf(observation, context);
    if (cert === null || !cert.weakKey) return [];
    return hit(
      observation,
      text(
        `${cert.leaf.keyType} key of ${String(cert.leaf.keyBits)} bits.`,
        `Clé ${cert.leaf.keyType} de ${String(cert.leaf.keyBits)} bits.`,
      ),
      leafEvidence(cert),
    );
  },
};
