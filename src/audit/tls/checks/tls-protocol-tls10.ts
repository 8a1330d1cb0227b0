import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, MOZILLA_TLS, rfc, suitesEvidence, type TlsCheck } from './support.js';

export const tlsProtocolTls10: TlsCheck = {
  id: 'tls-protocol-tls10',
  domain: 'tls',
  title: text('TLS 1.0 accepted', 'TLS 1.0 accepté'),
  description: text(
    'The server still negotiates TLS 1.0, a protocol version deprecated for known weaknesses.',
    'Le serveur négocie encore TLS 1.0, une version de protocole dépréciée pour des faiblesses connues.',
  ),
  rationale: text(
    'TLS 1.0 relies on MD5/SHA-1 in its handshake and CBC with predictable IVs (BEAST); RFC 8996 forbids it. Exploitation needs a position on the path and much traffic, hence a high attack complexity and a limited impact.',
    'TLS 1.0 repose sur MD5/SHA-1 dans sa négociation et sur le CBC à IV prévisibles (BEAST) ; la RFC 8996 l’interdit. L’exploitation suppose une position sur le chemin et beaucoup de trafic : complexité élevée, impact limité.',
  ),
  remediation: text(
    'Disable TLS 1.0: accept only TLS 1.2 and TLS 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3;).',
    'Désactiver TLS 1.0 : n’accepter que TLS 1.2 et TLS 1.3 (nginx : ssl_protocols TLSv1.2 TLSv1.3;).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
  references: [
    rfc(8996, 'Deprecating TLS 1.0 and TLS 1.1'),
    rfc(7457, 'Summarizing Known Attacks on TLS and DTLS'),
    MOZILLA_TLS,
    anssiTls('versions'),
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
  ],
  evaluate(observation) {
    if (!observation.protocols.tls10) return [];
    return hit(
      observation,
      text('TLS 1.0 is accepted.', 'TLS 1.0 est accepté.'),
      suitesEvidence(observation, (_s, p) => p === 'tls10') || 'TLS 1.0: accepted',
    );
  },
};
