import { text } from '../../../design/text.js';
import { leafEvidence } from '../certificate.js';
import { anssiTls, certificateOf, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsCertificateChainIncomplete: TlsCheck = {
  id: 'tls-certificate-chain-incomplete',
  domain: 'tls',
  title: text('Incomplete certificate chain', 'Chaîne de certificats incomplète'),
  description: text(
    'The server does not send the intermediate certificate(s) needed to reach a trusted root.',
    'Le serveur n’envoie pas le ou les certificats intermédiaires nécessaires pour atteindre une racine de confiance.',
  ),
  rationale: text(
    'Clients that do not fetch missing intermediates (most non-browser clients, APIs, mail) fail to connect; users and scripts then disable verification.',
    'Les clients qui ne récupèrent pas les intermédiaires manquants (la plupart des clients hors navigateur, API, messagerie) échouent ; utilisateurs et scripts désactivent alors la vérification.',
  ),
  remediation: text(
    'Serve the full chain (leaf then intermediates: nginx ssl_certificate with the fullchain file).',
    'Servir la chaîne complète (certificat puis intermédiaires : ssl_certificate nginx avec le fichier fullchain).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L',
  references: [
    rfc(5280, 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
    MOZILLA_TLS,
    anssiTls('certificats'),
    cwe(295, 'Improper Certificate Validation'),
  ],
  evaluate(observation, context) {
    const cert = certificateOf(observation, context);
    if (cert === null || !(cert.chain === 'incomplete')) return [];
    return hit(
      observation,
      text(
        'The issuer of the last certificate sent is neither sent nor a trust anchor.',
        'L’émetteur du dernier certificat envoyé n’est ni envoyé ni une ancre de confiance.',
      ),
      leafEvidence(cert),
    );
  },
};
