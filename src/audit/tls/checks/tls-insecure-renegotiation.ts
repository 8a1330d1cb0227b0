import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, rfc, type TlsCheck } from './support.js';

export const tlsInsecureRenegotiation: TlsCheck = {
  id: 'tls-insecure-renegotiation',
  domain: 'tls',
  title: text('No secure renegotiation', 'Pas de renégociation sécurisée'),
  description: text(
    'The server does not support RFC 5746 secure renegotiation.',
    'Le serveur ne prend pas en charge la renégociation sécurisée de la RFC 5746.',
  ),
  rationale: text(
    'Without RFC 5746 an attacker on the path can splice a prefix of their own in front of a victim’s request (CVE-2009-3555).',
    'Sans la RFC 5746, un attaquant sur le chemin peut insérer un préfixe de son choix devant la requête d’une victime (CVE-2009-3555).',
  ),
  remediation: text(
    'Update the TLS library; every current one supports RFC 5746.',
    'Mettre à jour la bibliothèque TLS ; toutes les versions actuelles prennent en charge la RFC 5746.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N',
  references: [
    rfc(5746, 'TLS Renegotiation Indication Extension'),
    anssiTls('renégociation'),
    cwe(295, 'Improper Certificate Validation'),
  ],
  evaluate(observation) {
    if (observation.secureRenegotiation !== false) return [];
    return hit(
      observation,
      text(
        'The renegotiation_info extension is not answered.',
        'L’extension renegotiation_info n’obtient pas de réponse.',
      ),
      'secure renegotiation: no',
    );
  },
};
