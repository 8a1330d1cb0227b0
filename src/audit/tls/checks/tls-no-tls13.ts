import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsNoTls13: TlsCheck = {
  id: 'tls-no-tls13',
  domain: 'tls',
  title: text('TLS 1.3 not offered', 'TLS 1.3 non proposé'),
  description: text(
    'The server accepts TLS 1.2 but not TLS 1.3.',
    'Le serveur accepte TLS 1.2 mais pas TLS 1.3.',
  ),
  rationale: text(
    'TLS 1.3 removes static RSA, CBC and renegotiation, encrypts more of the handshake and always gives forward secrecy. Lacking it is not directly exploitable (TLS 1.2 well configured stays sound): low severity.',
    'TLS 1.3 supprime le RSA statique, le CBC et la renégociation, chiffre davantage la négociation et garantit toujours la confidentialité persistante. Son absence n’est pas exploitable directement (un TLS 1.2 bien configuré reste sûr) : sévérité faible.',
  ),
  remediation: text(
    'Enable TLS 1.3 (nginx with OpenSSL ≥ 1.1.1: ssl_protocols TLSv1.2 TLSv1.3;).',
    'Activer TLS 1.3 (nginx avec OpenSSL ≥ 1.1.1 : ssl_protocols TLSv1.2 TLSv1.3;).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    rfc(8446, 'The Transport Layer Security (TLS) Protocol Version 1.3'),
    MOZILLA_TLS,
    anssiTls('versions'),
    cwe(326, 'Inadequate Encryption Strength'),
  ],
  evaluate(observation) {
    if (!observation.protocols.tls12 || observation.protocols.tls13) return [];
    return hit(
      observation,
      text(
        'TLS 1.2 is the newest version accepted.',
        'TLS 1.2 est la version la plus récente acceptée.',
      ),
      'tls12: accepted; tls13: refused',
    );
  },
};
