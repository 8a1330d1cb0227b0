import { text } from '../../../design/text.js';
import { anssiTls, cwe, MOZILLA_TLS, suiteHits, type TlsCheck } from './support.js';

export const tlsCipherDes: TlsCheck = {
  id: 'tls-cipher-des',
  domain: 'tls',
  title: text('Single-DES cipher suites accepted', 'Suites DES simple acceptées'),
  description: text(
    'The server accepts single-DES suites (56-bit key).',
    'Le serveur accepte des suites DES simple (clé de 56 bits).',
  ),
  rationale: text(
    'A 56-bit key is found by exhaustive search in hours with commodity hardware: recorded traffic can be decrypted.',
    'Une clé de 56 bits se trouve par recherche exhaustive en quelques heures avec du matériel courant : le trafic enregistré peut être déchiffré.',
  ),
  remediation: text(
    'Remove DES suites (OpenSSL: !DES).',
    'Retirer les suites DES (OpenSSL : !DES).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
  references: [anssiTls('suites'), cwe(326, 'Inadequate Encryption Strength'), MOZILLA_TLS],
  evaluate(observation) {
    return suiteHits(
      observation,
      (s) => s.flags.des,
      text('Single-DES suites are accepted.', 'Des suites DES simple sont acceptées.'),
    );
  },
};
