import { text } from '../../../design/text.js';
import { cwe, MOZILLA_TLS, rfc, suiteHits, type TlsCheck } from './support.js';

export const tlsCbcTls10: TlsCheck = {
  id: 'tls-cbc-tls10',
  domain: 'tls',
  title: text('CBC suites over TLS 1.0 (BEAST)', 'Suites CBC en TLS 1.0 (BEAST)'),
  description: text(
    'The server accepts CBC suites under TLS 1.0 or SSLv3, where the IV is predictable.',
    'Le serveur accepte des suites CBC en TLS 1.0 ou SSLv3, où l’IV est prévisible.',
  ),
  rationale: text(
    'BEAST needs a position on the path, injected client code and an unpatched client; current clients split records, so the residual risk is low.',
    'BEAST suppose une position sur le chemin, du code injecté chez le client et un client non corrigé ; les clients actuels fragmentent les enregistrements : risque résiduel faible.',
  ),
  remediation: text(
    'Disable TLS 1.0 (and SSLv3); if it must stay, prefer AEAD suites over TLS 1.2.',
    'Désactiver TLS 1.0 (et SSLv3) ; s’il doit rester, privilégier les suites AEAD en TLS 1.2.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
  references: [
    rfc(7457, 'Summarizing Known Attacks on TLS and DTLS'),
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
    MOZILLA_TLS,
  ],
  evaluate(observation) {
    return suiteHits(
      observation,
      (s, p) => s.flags.cbc && (p === 'tls10' || p === 'ssl3'),
      text(
        'CBC suites are accepted under TLS 1.0 or SSLv3.',
        'Des suites CBC sont acceptées en TLS 1.0 ou SSLv3.',
      ),
    );
  },
};
