import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateUntrusted: TlsCheck = {
  id: 'tls-certificate-untrusted',
  domain: 'tls',
  title: text('Certificate from an untrusted CA', 'Certificat d’une AC non reconnue'),
  description: text(
    'The certificate chain ends at a root that is not in the trust store used.',
    'La chaîne de certificats aboutit à une racine absente du magasin de confiance utilisé.',
  ),
  rationale: text(
    'Clients cannot verify the server: users accept warnings and interception goes unnoticed.',
    'Les clients ne peuvent vérifier le serveur : les utilisateurs acceptent les alertes et une interception passe inaperçue.',
  ),
  remediation: text(
    'Use a certificate from a CA the clients trust (public CA, or the internal CA deployed to them).',
    'Utiliser un certificat d’une AC reconnue par les clients (AC publique, ou AC interne qui leur est déployée).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N',
  references: [
    rfc(5280, 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
    MOZILLA_TLS,
    anssiTls('certificats'),
    cwe(295, 'Improper Certificate Validation'),
  ],
  evaluate(observation, context) {
    const cert = certificateOf(observation, context);
    if (cert === null || !(cert.chain === 'untrusted')) return [];
    return hit(
      observation,
      text(
        'The chain does not lead to a trusted root.',
        'La chaîne ne mène pas à une racine de confiance.',
      ),
      leafEvidence(cert),
    );
  },
};
