import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateSelfSigned: TlsCheck = {
  id: 'tls-certificate-self-signed',
  domain: 'tls',
  title: text('Self-signed certificate', 'Certificat autosigné'),
  description: text(
    'The server presents a self-signed certificate that no trust anchor vouches for.',
    'Le serveur présente un certificat autosigné qu’aucune ancre de confiance ne garantit.',
  ),
  rationale: text(
    'Clients cannot tell it from an attacker’s certificate: users accept warnings, and a man in the middle goes unnoticed.',
    'Les clients ne peuvent le distinguer du certificat d’un attaquant : les utilisateurs acceptent les alertes, et un homme du milieu passe inaperçu.',
  ),
  remediation: text(
    'Use a certificate from a public CA or from the organisation’s internal CA deployed to clients.',
    'Utiliser un certificat d’une AC publique ou de l’AC interne de l’organisation déployée sur les clients.',
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
    if (cert === null || !(cert.chain === 'self-signed')) return [];
    return hit(
      observation,
      text(
        'The leaf is its own issuer and is not a trust anchor.',
        'Le certificat est son propre émetteur et n’est pas une ancre de confiance.',
      ),
      leafEvidence(cert),
    );
  },
};
