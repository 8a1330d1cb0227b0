import { text } from '../../../design/text.js';
import { anssiTls, cwe, MOZILLA_TLS, suiteHits, type TlsCheck } from './support.js';

export const tlsNoForwardSecrecy: TlsCheck = {
  id: 'tls-no-forward-secrecy',
  domain: 'tls',
  title: text(
    'Suites without forward secrecy accepted',
    'Suites sans confidentialité persistante acceptées',
  ),
  description: text(
    'The server accepts key exchanges that are not ephemeral (static RSA, static DH/ECDH).',
    'Le serveur accepte des échanges de clés non éphémères (RSA statique, DH/ECDH statique).',
  ),
  rationale: text(
    'Without forward secrecy, whoever obtains the server key later (theft, seizure, weak key) decrypts every recorded past session.',
    'Sans confidentialité persistante, quiconque obtient plus tard la clé du serveur (vol, saisie, clé faible) déchiffre toutes les sessions passées enregistrées.',
  ),
  remediation: text(
    'Accept only ECDHE/DHE suites over TLS 1.2 and TLS 1.3 (Mozilla intermediate cipher list).',
    'N’accepter que des suites ECDHE/DHE en TLS 1.2 et TLS 1.3 (liste du profil intermediate de Mozilla).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
  references: [
    anssiTls('échange de clés'),
    cwe(326, 'Inadequate Encryption Strength'),
    MOZILLA_TLS,
  ],
  evaluate(observation) {
    return suiteHits(
      observation,
      (s) => !s.forwardSecrecy && !s.flags.anon && !s.flags.null && s.kx !== 'NULL',
      text(
        'Suites without forward secrecy are accepted.',
        'Des suites sans confidentialité persistante sont acceptées.',
      ),
    );
  },
};
