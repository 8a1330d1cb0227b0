import { text } from '../../../design/text.js';
import { anssiTls, cwe, MOZILLA_TLS, suiteHits, type TlsCheck } from './support.js';

export const tlsCipherAnon: TlsCheck = {
  id: 'tls-cipher-anon',
  domain: 'tls',
  title: text('Anonymous cipher suites accepted', 'Suites anonymes acceptées'),
  description: text(
    'The server accepts suites without server authentication (anon DH/ECDH).',
    'Le serveur accepte des suites sans authentification du serveur (DH/ECDH anonymes).',
  ),
  rationale: text(
    'Anonymous suites let an attacker on the path impersonate the server with no certificate at all (man in the middle).',
    'Les suites anonymes permettent à un attaquant sur le chemin d’usurper le serveur sans aucun certificat (homme du milieu).',
  ),
  remediation: text(
    'Remove anonymous suites (OpenSSL: !aNULL).',
    'Retirer les suites anonymes (OpenSSL : !aNULL).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N',
  references: [anssiTls('suites'), cwe(287, 'Improper Authentication'), MOZILLA_TLS],
  evaluate(observation) {
    return suiteHits(
      observation,
      (s) => s.flags.anon,
      text('Anonymous suites are accepted.', 'Des suites anonymes sont acceptées.'),
    );
  },
};
