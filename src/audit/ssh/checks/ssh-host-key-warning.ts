import { text } from '../../../design/text.js';
import { algorithmCheck, ANSSI_OPENSSH, cwe, SSH_AUDIT_REF } from './support.js';

export const sshHostKeyWarning = algorithmCheck({
  id: 'ssh-host-key-warning',
  category: 'key',
  level: 'warn',
  title: text('SSH host key with a weakness', "Clé d'hôte SSH présentant une faiblesse"),
  description: text(
    'The server offers host key algorithms ssh-audit warns about: an RSA key under 3,072 bits, ECDSA relying on a good random generator at each signature.',
    "Le serveur propose des algorithmes de clé d'hôte sur lesquels ssh-audit émet un avertissement : clé RSA de moins de 3 072 bits, ECDSA dépendant d'un bon générateur d'aléa à chaque signature.",
  ),
  rationale: text(
    'Not broken today; below the strength expected of a long-lived server key; low rating.',
    "Pas cassé aujourd'hui ; en deçà de la robustesse attendue d'une clé de serveur de longue durée ; note faible.",
  ),
  remediation: text(
    'Prefer Ed25519, regenerate RSA keys with 3,072 bits or more, and drop the ECDSA host keys.',
    'Préférer Ed25519, régénérer les clés RSA avec 3 072 bits ou plus et retirer les clés d’hôte ECDSA.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [SSH_AUDIT_REF, ANSSI_OPENSSH, cwe(326, 'Inadequate Encryption Strength')],
  detail: (names) =>
    text(
      `Host key algorithms ssh-audit warns about: ${names}.`,
      `Algorithmes de clé d'hôte signalés par ssh-audit : ${names}.`,
    ),
});
