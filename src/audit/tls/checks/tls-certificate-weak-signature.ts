import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateWeakSignature: TlsCheck = {
  id: 'tls-certificate-weak-signature',
  domain: 'tls',
  title: text('Weak certificate signature', 'Signature de certificat faible'),
  description: text(
    'The certificate is signed with SHA-1 or MD5.',
    'Le certificat est signé avec SHA-1 ou MD5.',
  ),
  rationale: text(
    'Chosen-prefix collisions on SHA-1 and MD5 are practical: an attacker can obtain a colliding certificate the CA never meant to sign.',
    'Les collisions à préfixe choisi sur SHA-1 et MD5 sont praticables : un attaquant peut obtenir un certificat en collision que l’AC n’a jamais voulu signer.',
  ),
  remediation: text(
    'Reissue the certificate signed with SHA-256 or better.',
    'Réémettre le certificat signé avec SHA-256 ou mieux.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
  references: [
    rfc(5280, 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
    MOZILLA_TLS,
    anssiTls('certificats'),
    cwe(328, 'Use of Weak Hash'),
  ],
  evaluate(observation, context) {
    const cert = certificateOf(observation, context);
    if (cert === null || !cert.weakSignature) return [];
    return hit(
      observation,
      text(
        `Signed with ${cert.leaf.signatureAlgorithm}.`,
        `Signé avec ${cert.leaf.signatureAlgorithm}.`,
      ),
      leafEvidence(cert),
    );
  },
};
