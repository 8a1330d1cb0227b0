import { text } from '../../../design/text.js';
import { anssiTls, cwe, hit, MOZILLA_TLS, PROTOCOL_LABEL, rfc, type TlsCheck } from './support.js';

export const tlsNoTls12: TlsCheck = {
  id: 'tls-no-tls12',
  domain: 'tls',
  title: text('Neither TLS 1.2 nor TLS 1.3 accepted', 'Ni TLS 1.2 ni TLS 1.3 acceptés'),
  description: text(
    'The server speaks TLS but only older versions: every client connects with a deprecated protocol.',
    'Le serveur parle TLS mais seulement des versions anciennes : tout client se connecte avec un protocole déprécié.',
  ),
  rationale: text(
    'Without TLS 1.2 or 1.3 no AEAD cipher and no modern handshake can be used: every connection is exposed to the attacks on old versions, and current clients refuse to connect.',
    'Sans TLS 1.2 ni 1.3, aucun chiffrement AEAD ni aucune négociation moderne ne sont possibles : chaque connexion est exposée aux attaques des anciennes versions, et les clients actuels refusent de se connecter.',
  ),
  remediation: text(
    'Enable TLS 1.2 and TLS 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3;), upgrading the TLS library if needed.',
    'Activer TLS 1.2 et TLS 1.3 (nginx : ssl_protocols TLSv1.2 TLSv1.3;), en mettant à jour la bibliothèque TLS si besoin.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:N',
  references: [
    rfc(8996, 'Deprecating TLS 1.0 and TLS 1.1'),
    MOZILLA_TLS,
    anssiTls('versions'),
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
  ],
  evaluate(observation) {
    const p = observation.protocols;
    if (p.tls12 || p.tls13 || !(p.ssl3 || p.tls10 || p.tls11)) return [];
    const accepted = (['ssl3', 'tls10', 'tls11'] as const)
      .filter((k) => p[k])
      .map((k) => PROTOCOL_LABEL[k]);
    return hit(
      observation,
      text('Only older versions are accepted.', 'Seules des versions anciennes sont acceptées.'),
      `accepted: ${accepted.join(', ')}`,
    );
  },
};
