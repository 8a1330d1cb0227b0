import { text } from '../../../design/text.js';
import { anssiTls, cwe, MOZILLA_TLS, suiteHits, type TlsCheck } from './support.js';

export const tlsCipher3des: TlsCheck = {
  id: 'tls-cipher-3des',
  domain: 'tls',
  title: text('3DES cipher suites accepted', 'Suites 3DES acceptées'),
  description: text(
    'The server accepts 3DES suites (64-bit block).',
    'Le serveur accepte des suites 3DES (blocs de 64 bits).',
  ),
  rationale: text(
    'With a 64-bit block, long connections reveal plaintext through birthday collisions (Sweet32, CVE-2016-2183); the attack needs hundreds of gigabytes on one connection.',
    'Avec des blocs de 64 bits, les connexions longues révèlent du clair par collisions (Sweet32, CVE-2016-2183) ; l’attaque demande des centaines de gigaoctets sur une connexion.',
  ),
  remediation: text(
    'Remove 3DES suites (OpenSSL: !3DES).',
    'Retirer les suites 3DES (OpenSSL : !3DES).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [anssiTls('suites'), cwe(326, 'Inadequate Encryption Strength'), MOZILLA_TLS],
  evaluate(observation) {
    return suiteHits(
      observation,
      (s) => s.flags['3des'],
      text('3DES suites are accepted.', 'Des suites 3DES sont acceptées.'),
    );
  },
};
