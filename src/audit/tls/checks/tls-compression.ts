import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, rfc, type TlsCheck } from './support.js';

export const tlsCompression: TlsCheck = {
  id: 'tls-compression',
  domain: 'tls',
  title: text('TLS compression enabled (CRIME)', 'Compression TLS activée (CRIME)'),
  description: text(
    'The server accepts TLS-level compression.',
    'Le serveur accepte la compression au niveau TLS.',
  ),
  rationale: text(
    'Compressed records leak secrets through their length (CRIME): an attacker who can inject requests recovers cookies.',
    'Les enregistrements compressés trahissent les secrets par leur longueur (CRIME) : un attaquant capable d’injecter des requêtes retrouve les cookies.',
  ),
  remediation: text(
    'Disable TLS compression (current OpenSSL builds do by default).',
    'Désactiver la compression TLS (désactivée par défaut dans les OpenSSL actuels).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N',
  references: [
    rfc(7457, 'Summarizing Known Attacks on TLS and DTLS'),
    anssiTls('compression'),
    cwe(200, 'Exposure of Sensitive Information to an Unauthorized Actor'),
  ],
  evaluate(observation) {
    if (observation.compression !== true) return [];
    return hit(
      observation,
      text(
        'The server selected DEFLATE compression.',
        'Le serveur a choisi la compression DEFLATE.',
      ),
      'compression: DEFLATE',
    );
  },
};
