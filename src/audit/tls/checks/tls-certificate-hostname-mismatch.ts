import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateHostnameMismatch: TlsCheck = {
  id: 'tls-certificate-hostname-mismatch',
  domain: 'tls',
  title: text(
    'Certificate does not match the host name',
    'Certificat ne correspondant pas au nom d’hôte',
  ),
  description: text(
    'The certificate does not cover the name clients use to reach the server.',
    'Le certificat ne couvre pas le nom utilisé par les clients pour joindre le serveur.',
  ),
  rationale: text(
    'Clients refuse the connection or users accept the warning, so an attacker’s certificate for another name would be accepted as well.',
    'Les clients refusent la connexion ou les utilisateurs acceptent l’alerte : le certificat d’un attaquant pour un autre nom serait accepté de même.',
  ),
  remediation: text(
    'Issue the certificate with every served name in subjectAltName.',
    'Émettre le certificat avec chaque nom servi dans subjectAltName.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N',
  references: [
    rfc(5280, 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
    MOZILLA_TLS,
    anssiTls('certificats'),
    rfc(6125, 'Representation and Verification of Domain-Based Application Service Identity'),
    cwe(297, 'Improper Validation of Certificate with Host Mismatch'),
  ],
  evaluate(observation, context) {
    const cert = certificateOf(observation, context);
    if (cert === null || !(cert.host !== null && !cert.host.matches)) return [];
    return hit(
      observation,
      text(
        `${cert.host.name} is not covered by the certificate.`,
        `${cert.host.name} n’est pas couvert par le certificat.`,
      ),
      leafEvidence(cert),
    );
  },
};
