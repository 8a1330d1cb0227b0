import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, MOZILLA_TLS, rfc, suitesEvidence, type TlsCheck } from './support.js';

export const tlsProtocolTls11: TlsCheck = {
  id: 'tls-protocol-tls11',
  domain: 'tls',
  title: text('TLS 1.1 accepted', 'TLS 1.1 accepté'),
  description: text(
    'The server still negotiates TLS 1.1, a protocol version deprecated for known weaknesses.',
    'Le serveur négocie encore TLS 1.1, une version de protocole dépréciée pour des faiblesses connues.',
  ),
  rationale: text(
    'TLS 1.1 still relies on MD5/SHA-1 in its handshake and offers no AEAD suite; RFC 8996 forbids it. Downgrade attacks need a position on the path, hence a high attack complexity.',
    'TLS 1.1 repose encore sur MD5/SHA-1 dans sa négociation et n’offre aucune suite AEAD ; la RFC 8996 l’interdit. Les attaques par repli supposent une position sur le chemin : complexité élevée.',
  ),
  remediation: text(
    'Disable TLS 1.1: accept only TLS 1.2 and TLS 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3;).',
    'Désactiver TLS 1.1 : n’accepter que TLS 1.2 et TLS 1.3 (nginx : ssl_protocols TLSv1.2 TLSv1.3;).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
  references: [
    rfc(8996, 'Deprecating TLS 1.0 and TLS 1.1'),
    MOZILLA_TLS,
    anssiTls('versions'),
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
  ],
  evaluate(observation) {
    if (!observation.protocols.tls11) return [];
    return hit(
      observation,
      text('TLS 1.1 is accepted.', 'TLS 1.1 est accepté.'),
      suitesEvidence(observation, (_s, p) => p === 'tls11') || 'TLS 1.1: accepted',
    );
  },
};
