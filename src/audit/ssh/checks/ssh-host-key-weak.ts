import { text } from '../../../design/text.js';
import { algorithmCheck, ANSSI_OPENSSH, cwe, SSH_AUDIT_REF } from './support.js';

export const sshHostKeyWeak = algorithmCheck({
  id: 'ssh-host-key-weak',
  category: 'key',
  level: 'fail',
  title: text('Weak SSH host key algorithm', "Algorithme de clé d'hôte SSH faible"),
  description: text(
    'The server signs with host key algorithms ssh-audit fails: ssh-rsa (SHA-1 signatures), DSA (1,024 bits), NIST-curve ECDSA, or an RSA key under 2,048 bits.',
    "Le serveur signe avec des algorithmes de clé d'hôte qu'ssh-audit juge en échec : ssh-rsa (signatures SHA-1), DSA (1 024 bits), ECDSA sur courbes NIST, ou une clé RSA de moins de 2 048 bits.",
  ),
  rationale: text(
    'A forged host signature lets an attacker in the middle impersonate the server and collect credentials; it requires a network position and a costly forgery, hence a medium rating.',
    "Une signature d'hôte forgée permet à un attaquant intermédiaire d'usurper le serveur et de collecter des secrets ; il faut une position réseau et une contrefaçon coûteuse, d'où une note moyenne.",
  ),
  remediation: text(
    'Keep an Ed25519 key and an RSA key of at least 3,072 bits (ssh-keygen), set HostKeyAlgorithms to ssh-ed25519,rsa-sha2-512,rsa-sha2-256 and RequiredRSASize 3072.',
    "Garder une clé Ed25519 et une clé RSA d'au moins 3 072 bits (ssh-keygen), fixer HostKeyAlgorithms à ssh-ed25519,rsa-sha2-512,rsa-sha2-256 et RequiredRSASize 3072.",
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
  references: [
    SSH_AUDIT_REF,
    ANSSI_OPENSSH,
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
  ],
  detail: (names) =>
    text(
      `Host key algorithms ssh-audit fails: ${names}.`,
      `Algorithmes de clé d'hôte en échec selon ssh-audit : ${names}.`,
    ),
});
