import { text } from '../../../design/text.js';
import { algorithmCheck, ANSSI_OPENSSH, cwe, RFC_9142, SSH_AUDIT_REF } from './support.js';

export const sshKexWeak = algorithmCheck({
  id: 'ssh-kex-weak',
  category: 'kex',
  level: 'fail',
  title: text('Weak SSH key exchange offered', 'Échange de clés SSH faible proposé'),
  description: text(
    'The server offers key exchanges ssh-audit fails: SHA-1 hashes, 1,024-bit groups (Logjam), NIST curves suspected of back-doors, unproven curves.',
    "Le serveur propose des échanges de clés qu'ssh-audit juge en échec : empreintes SHA-1, groupes de 1 024 bits (Logjam), courbes NIST soupçonnées de porte dérobée, courbes non éprouvées.",
  ),
  rationale: text(
    'A client that accepts one of them (old or misconfigured clients, or an attacker-in-the-middle forcing the choice) gets a session key an adversary with large resources may recover; the exploitation needs a network position and much computation, hence a medium rating.',
    "Un client qui en accepte un (client ancien ou mal configuré, ou attaquant en position d'intermédiaire) obtient une clé de session qu'un adversaire doté de grands moyens peut retrouver ; l'exploitation demande une position réseau et beaucoup de calcul, d'où une note moyenne.",
  ),
  remediation: text(
    'Restrict KexAlgorithms to sntrup761x25519-sha512@openssh.com (or mlkem768x25519-sha256), curve25519-sha256 and diffie-hellman-group16/18-sha512, then reload sshd.',
    'Restreindre KexAlgorithms à sntrup761x25519-sha512@openssh.com (ou mlkem768x25519-sha256), curve25519-sha256 et diffie-hellman-group16/18-sha512, puis recharger sshd.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
  references: [
    SSH_AUDIT_REF,
    ANSSI_OPENSSH,
    RFC_9142,
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
  ],
  detail: (names) =>
    text(
      `Key exchanges ssh-audit fails: ${names}.`,
      `Échanges de clés en échec selon ssh-audit : ${names}.`,
    ),
});
