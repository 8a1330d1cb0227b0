import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, rfc, type TlsCheck } from './support.js';

export const tlsNoFallbackScsv: TlsCheck = {
  id: 'tls-no-fallback-scsv',
  domain: 'tls',
  title: text(
    'No downgrade protection (fallback SCSV)',
    'Pas de protection contre le repli (fallback SCSV)',
  ),
  description: text(
    'The server accepts several protocol versions but ignores TLS_FALLBACK_SCSV.',
    'Le serveur accepte plusieurs versions de protocole mais ignore TLS_FALLBACK_SCSV.',
  ),
  rationale: text(
    'An attacker on the path can make clients that retry with older versions settle for the oldest one the server accepts.',
    'Un attaquant sur le chemin peut amener les clients qui réessaient avec des versions plus anciennes à se contenter de la plus ancienne acceptée par le serveur.',
  ),
  remediation: text(
    'Support RFC 7507 (current TLS libraries do) or accept only TLS 1.2 and 1.3.',
    'Prendre en charge la RFC 7507 (les bibliothèques TLS actuelles le font) ou n’accepter que TLS 1.2 et 1.3.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
  references: [
    rfc(7507, 'TLS Fallback Signaling Cipher Suite Value (SCSV)'),
    anssiTls('versions'),
    cwe(757, 'Selection of Less-Secure Algorithm During Negotiation'),
  ],
  evaluate(observation) {
    if (observation.fallbackScsv !== false) return [];
    return hit(
      observation,
      text(
        'A fallback hello was accepted instead of refused.',
        'Un hello de repli a été accepté au lieu d’être refusé.',
      ),
      'TLS_FALLBACK_SCSV: ignored',
    );
  },
};
