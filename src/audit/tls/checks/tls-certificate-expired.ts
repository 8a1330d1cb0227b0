import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateExpired: TlsCheck = {
  id: 'tls-certificate-expired',
  domain: 'tls',
  title: text('Certificate expired', 'Certificat expiré'),
  description: text(
    'The server certificate is past its end of validity.',
    'Le certificat du serveur a dépassé sa fin de validité.',
  ),
  rationale: text(
    'Clients either refuse the connection (outage) or users learn to click through warnings, which makes interception by a forged certificate unnoticeable.',
    'Les clients refusent la connexion (indisponibilité) ou les utilisateurs apprennent à ignorer les alertes, ce qui rend invisible une interception par certificat forgé.',
  ),
  remediation: text(
    'Renew the certificate and automate renewal (ACME) with expiry monitoring.',
    'Renouveler le certificat et automatiser le renouvellement (ACME) avec une surveillance des échéances.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N',
  references: [
    rfc(5280, 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
    MOZILLA_TLS,
    anssiTls('certificats'),
    cwe(298, 'Improper Validation of Certificate Expiration'),
  ],
  evaluate(observation, context) {
    const cert = certificateOf(observation, context);
    if (cert === null || !cert.expired) return [];
    return hit(
      observation,
      text(
        `Expired ${String(-cert.leaf.daysLeft)} days ago (${cert.leaf.notAfter}).`,
        `Expiré depuis ${String(-cert.leaf.daysLeft)} jours (${cert.leaf.notAfter}).`,
      ),
      leafEvidence(cert),
    );
  },
};
