import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, MOZILLA_TLS, rfc, type TlsCheck } from './support.js';

export const tlsWeakDh: TlsCheck = {
  id: 'tls-weak-dh',
  domain: 'tls',
  title: text('Weak Diffie-Hellman parameters', 'Paramètres Diffie-Hellman faibles'),
  description: text(
    'The server uses finite-field DHE with a prime shorter than 2048 bits.',
    'Le serveur utilise un DHE à corps fini avec un nombre premier de moins de 2048 bits.',
  ),
  rationale: text(
    'Primes under 2048 bits are within reach of precomputation by a well-funded attacker (Logjam), who then decrypts recorded sessions.',
    'Les nombres premiers de moins de 2048 bits sont à portée d’un attaquant doté de moyens par précalcul (Logjam), qui déchiffre ensuite les sessions enregistrées.',
  ),
  remediation: text(
    'Use DH parameters of at least 2048 bits (RFC 7919 ffdhe2048: nginx ssl_dhparam), or drop DHE suites for ECDHE.',
    'Utiliser des paramètres DH d’au moins 2048 bits (ffdhe2048 de la RFC 7919 : ssl_dhparam nginx), ou remplacer les suites DHE par ECDHE.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
  references: [
    MOZILLA_TLS,
    anssiTls('échange de clés'),
    rfc(7919, 'Negotiated Finite Field Diffie-Hellman Ephemeral Parameters'),
    cwe(326, 'Inadequate Encryption Strength'),
  ],
  evaluate(observation) {
    if (observation.dhBits === null || observation.dhBits >= 2048) return [];
    return hit(
      observation,
      text(
        `DHE prime of ${String(observation.dhBits)} bits.`,
        `Nombre premier DHE de ${String(observation.dhBits)} bits.`,
      ),
      `dh: ${String(observation.dhBits)} bits`,
    );
  },
};
