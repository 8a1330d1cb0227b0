import { text } from '../../../design/text.js';
import { anssiTls, cwe, MOZILLA_TLS, rfc, suiteHits, type TlsCheck } from './support.js';

export const tlsCipherRc4: TlsCheck = {
  id: 'tls-cipher-rc4',
  domain: 'tls',
  title: text('RC4 cipher suites accepted', 'Suites RC4 acceptées'),
  description: text(
    'The server accepts RC4 suites, forbidden by RFC 7465.',
    'Le serveur accepte des suites RC4, interdites par la RFC 7465.',
  ),
  rationale: text(
    'RC4 keystream biases let an attacker who observes many connections recover repeated secrets (cookies, passwords).',
    'Les biais du flux RC4 permettent à un attaquant qui observe de nombreuses connexions de retrouver des secrets répétés (cookies, mots de passe).',
  ),
  remediation: text(
    'Remove RC4 suites (OpenSSL: !RC4).',
    'Retirer les suites RC4 (OpenSSL : !RC4).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N',
  references: [
    anssiTls('suites'),
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
    rfc(7465, 'Prohibiting RC4 Cipher Suites'),
    MOZILLA_TLS,
  ],
  evaluate(observation) {
    return suiteHits(
      observation,
      (s) => s.flags.rc4,
      text('RC4 suites are accepted.', 'Des suites RC4 sont acceptées.'),
    );
  },
};
