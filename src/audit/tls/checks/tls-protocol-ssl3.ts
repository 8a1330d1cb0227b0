import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, MOZILLA_TLS, rfc, suitesEvidence, type TlsCheck } from './support.js';

export const tlsProtocolSsl3: TlsCheck = {
  id: 'tls-protocol-ssl3',
  domain: 'tls',
  title: text('SSLv3 accepted', 'SSLv3 accepté'),
  description: text(
    'The server still negotiates SSLv3, a protocol version deprecated for known weaknesses.',
    'Le serveur négocie encore SSLv3, une version de protocole dépréciée pour des faiblesses connues.',
  ),
  rationale: text(
    'SSLv3 is broken by POODLE (CVE-2014-3566): an attacker on the path who can make the victim send many requests recovers secrets such as session cookies byte by byte.',
    'SSLv3 est cassé par POODLE (CVE-2014-3566) : un attaquant sur le chemin qui fait émettre de nombreuses requêtes à la victime retrouve des secrets comme les cookies de session, octet par octet.',
  ),
  remediation: text(
    'Disable SSLv3: accept only TLS 1.2 and TLS 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3;).',
    'Désactiver SSLv3 : n’accepter que TLS 1.2 et TLS 1.3 (nginx : ssl_protocols TLSv1.2 TLSv1.3;).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N',
  references: [
    rfc(7568, 'Deprecating Secure Sockets Layer Version 3.0'),
    rfc(7457, 'Summarizing Known Attacks on TLS and DTLS'),
    MOZILLA_TLS,
    anssiTls('versions'),
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
  ],
  evaluate(observation) {
    if (!observation.protocols.ssl3) return [];
    return hit(
      observation,
      text('SSLv3 is accepted.', 'SSLv3 est accepté.'),
      suitesEvidence(observation, (_s, p) => p === 'ssl3') || 'SSLv3: accepted',
    );
  },
};
