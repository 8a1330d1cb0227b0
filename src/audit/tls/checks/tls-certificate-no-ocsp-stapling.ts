import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateNoOcspStapling: TlsCheck = {
  id: 'tls-certificate-no-ocsp-stapling',
  domain: 'tls',
  title: text('No OCSP stapling', 'Pas d’agrafage OCSP'),
  description: text(
    'The certificate names an OCSP responder but the server does not staple a response.',
    'Le certificat désigne un répondeur OCSP mais le serveur n’agrafe pas de réponse.',
  ),
  rationale: text(
    'Informational: clients query the CA themselves (privacy leak, latency) or skip revocation checks.',
    'Information : les clients interrogent eux-mêmes l’AC (fuite d’information, latence) ou ignorent la révocation.',
  ),
  remediation: text(
    'Enable OCSP stapling (nginx: ssl_stapling on; ssl_stapling_verify on; with a resolver).',
    'Activer l’agrafage OCSP (nginx : ssl_stapling on; ssl_stapling_verify on; avec un resolver).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:N',
  references: [
    rfc(5280, 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
    MOZILLA_TLS,
    anssiTls('certificats'),
    rfc(6066, 'TLS Extensions: Extension Definitions (status_request)'),
    cwe(299, 'Improper Check for Certificate Revocation'),
  ],
  evaluate(observation, context) {
    const cert = certificateOf(observation, context);
    if (cert === null || !(cert.leaf.ocspResponder && !cert.ocspStapled && !cert.leaf.mustStaple))
      return [];
    return hit(
      observation,
      text(
        'No stapled OCSP response in the handshake.',
        'Aucune réponse OCSP agrafée dans la négociation.',
      ),
      leafEvidence(cert),
    );
  },
};
