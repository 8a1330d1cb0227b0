import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, MOZILLA_TLS, type TlsCheck } from './support.js';

const WEAK_GROUP = /^(sect(163|193|233|239)|secp(160|192|224)|brainpoolP(160|192|224)|ffdhe1024)/;

export const tlsWeakGroups: TlsCheck = {
  id: 'tls-weak-groups',
  domain: 'tls',
  title: text('Weak key-exchange groups accepted', 'Groupes d’échange de clés faibles acceptés'),
  description: text(
    'The server accepts elliptic curves or finite-field groups below 224/2048 bits.',
    'Le serveur accepte des courbes elliptiques ou des groupes à corps fini sous 224/2048 bits.',
  ),
  rationale: text(
    'Small curves (sect163, secp160/192) give less than 96 bits of security: an attacker with resources can solve the exchange and decrypt recorded traffic.',
    'Les petites courbes (sect163, secp160/192) offrent moins de 96 bits de sécurité : un attaquant doté de moyens peut résoudre l’échange et déchiffrer le trafic enregistré.',
  ),
  remediation: text(
    'Accept only X25519, secp256r1, secp384r1 (nginx: ssl_ecdh_curve X25519:prime256v1:secp384r1;).',
    'N’accepter que X25519, secp256r1, secp384r1 (nginx : ssl_ecdh_curve X25519:prime256v1:secp384r1;).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    MOZILLA_TLS,
    anssiTls('échange de clés'),
    cwe(326, 'Inadequate Encryption Strength'),
  ],
  evaluate(observation) {
    const weak = observation.groups.filter((g) => WEAK_GROUP.test(g));
    if (weak.length === 0) return [];
    return hit(
      observation,
      text(
        `Weak groups accepted: ${weak.join(', ')}.`,
        `Groupes faibles acceptés : ${weak.join(', ')}.`,
      ),
      `groups: ${observation.groups.join(', ')}`,
    );
  },
};
