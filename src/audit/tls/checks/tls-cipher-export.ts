import { text } from '../../../design/text.js';
import { anssiTls, cwe, MOZILLA_TLS, rfc, suiteHits, type TlsCheck } from './support.js';

export const tlsCipherExport: TlsCheck = {
  id: 'tls-cipher-export',
  domain: 'tls',
  title: text('Export-grade cipher suites accepted', 'Suites « export » acceptées'),
  description: text(
    'The server accepts 40/56-bit export suites.',
    'Le serveur accepte des suites « export » de 40/56 bits.',
  ),
  rationale: text(
    'Export suites are broken in minutes (FREAK, Logjam): an attacker on the path downgrades the connection and decrypts it.',
    'Les suites export se cassent en minutes (FREAK, Logjam) : un attaquant sur le chemin rétrograde la connexion et la déchiffre.',
  ),
  remediation: text(
    'Remove export suites (OpenSSL: !EXP).',
    'Retirer les suites export (OpenSSL : !EXP).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N',
  references: [
    anssiTls('suites'),
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
    rfc(7457, 'Summarizing Known Attacks on TLS and DTLS'),
    MOZILLA_TLS,
  ],
  evaluate(observation) {
    return suiteHits(
      observation,
      (s) => s.flags.export,
      text('Export suites are accepted.', 'Des suites export sont acceptées.'),
    );
  },
};
