import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateMustStapleWithoutStaple: TlsCheck = {
  id: 'tls-certificate-must-staple-without-staple',
  domain: 'tls',
  title: text(
    'Must-staple certificate without a stapled response',
    'Certificat « must-staple » sans réponse agrafée',
  ),
  description: text(
    'The certificate requires OCSP stapling (TLS feature extension) but the server staples nothing.',
    'Le certificat exige l’agrafage OCSP (extension TLS feature) mais le serveur n’agrafe rien.',
  ),
  rationale: text(
    'Clients that honour must-staple (Firefox) refuse the connection: an outage for them.',
    'Les clients qui respectent must-staple (Firefox) refusent la connexion : une indisponibilité pour eux.',
  ),
  remediation: text(
    'Enable OCSP stapling (nginx: ssl_stapling on;) or reissue without must-staple.',
    'Activer l’agrafage OCSP (nginx : ssl_stapling on;) ou réémettre sans must-staple.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:L',
  references: [
    rfc(5280, 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
    MOZILLA_TLS,
    anssiTls('certificats'),
    rfc(7633, 'X.509v3 TLS Feature Extension'),
    cwe(299, 'Improper Check for Certificate Revocation'),
  ],
  evaluate(observation, context) {
    const cert = certificateOf(observation, context);
    if (cert === null || !(cert.leaf.mustStaple && !cert.ocspStapled)) return [];
    return hit(
      observation,
      text(
        'Must-staple is set and no OCSP response was stapled.',
        'Must-staple est positionné et aucune réponse OCSP n’a été agrafée.',
      ),
      leafEvidence(cert),
    );
  },
};
