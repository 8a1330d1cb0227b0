import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateNotYetValid: TlsCheck = {
  id: 'tls-certificate-not-yet-valid',
  domain: 'tls',
  title: text('Certificate not yet valid', 'Certificat pas encore valide'),
  description: text(
    'The server certificate’s validity starts in the future.',
    'La validité du certificat du serveur commence dans le futur.',
  ),
  rationale: text(
    'Clients refuse it or users click through warnings; it often reveals a wrong clock or a certificate installed too early.',
    'Les clients le refusent ou les utilisateurs ignorent les alertes ; cela révèle souvent une horloge fausse ou un certificat installé trop tôt.',
  ),
  remediation: text(
    'Install a certificate valid today and check the clocks (NTP) of the server and of the issuing CA.',
    'Installer un certificat valide aujourd’hui et vérifier les horloges (NTP) du serveur et de l’AC émettrice.',
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
    if (cert === null || !cert.notYetValid) return [];
    return hit(
      observation,
      text(
        `Valid only from ${cert.leaf.notBefore}.`,
        `Valide seulement à partir du ${cert.leaf.notBefore}.`,
      ),
      leafEvidence(cert),
    );
  },
};
