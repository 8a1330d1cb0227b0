import { text } from '../../../design/text.js';
import { anssiTls, cwe, MOZILLA_TLS, suiteHits, type TlsCheck } from './support.js';

export const tlsCipherNull: TlsCheck = {
  id: 'tls-cipher-null',
  domain: 'tls',
  title: text('NULL cipher suites accepted', 'Suites sans chiffrement (NULL) acceptées'),
  description: text(
    'The server accepts suites that do not encrypt at all.',
    'Le serveur accepte des suites qui ne chiffrent pas du tout.',
  ),
  rationale: text(
    'A NULL suite sends application data in clear: anyone on the path reads everything, and an attacker can force it if the client offers it.',
    'Une suite NULL transmet les données applicatives en clair : toute personne sur le chemin lit tout, et un attaquant peut l’imposer si le client la propose.',
  ),
  remediation: text(
    'Remove NULL suites from the server list (OpenSSL: !eNULL; nginx ssl_ciphers per Mozilla intermediate).',
    'Retirer les suites NULL de la liste du serveur (OpenSSL : !eNULL ; ssl_ciphers nginx selon le profil intermediate de Mozilla).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N',
  references: [
    anssiTls('suites'),
    cwe(319, 'Cleartext Transmission of Sensitive Information'),
    MOZILLA_TLS,
  ],
  evaluate(observation) {
    return suiteHits(
      observation,
      (s) => s.flags.null,
      text('NULL suites are accepted.', 'Des suites NULL sont acceptées.'),
    );
  },
};
