import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateExpiringSoon: TlsCheck = {
  id: 'tls-certificate-expiring-soon',
  domain: 'tls',
  title: text('Certificate expires within 30 days', 'Certificat expirant sous 30 jours'),
  description: text(
    'The server certificate expires in less than 30 days.',
    'Le certificat du serveur expire dans moins de 30 jours.',
  ),
  rationale: text(
    'Nothing is exploitable yet; an unrenewed certificate becomes an outage or trains users to accept warnings.',
    'Rien n’est encore exploitable ; un certificat non renouvelé devient une indisponibilité ou habitue les utilisateurs à accepter les alertes.',
  ),
  remediation: text(
    'Renew now and automate renewal (ACME) at two thirds of the lifetime.',
    'Renouveler maintenant et automatiser le renouvellement (ACME) aux deux tiers de la durée de vie.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:L',
  references: [
    rfc(5280, 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
    MOZILLA_TLS,
    anssiTls('certificats'),
    cwe(298, 'Improper Validation of Certificate Expiration'),
  ],
  evaluate(observation, context) {
    const cert = certificateOf(observation, context);
    if (cert === null || !(!cert.expired && !cert.notYetValid && cert.leaf.daysLeft < 30))
      return [];
    return hit(
      observation,
      text(
        `Expires in ${String(cert.leaf.daysLeft)} days (${cert.leaf.notAfter}).`,
        `Expire dans ${String(cert.leaf.daysLeft)} jours (${cert.leaf.notAfter}).`,
      ),
      leafEvidence(cert),
    );
  },
};
