import { text } from '../../../design/text.js';
import { algorithmCheck, ANSSI_OPENSSH, cwe, RFC_9142, SSH_AUDIT_REF } from './support.js';

export const sshKexWarning = algorithmCheck({
  id: 'ssh-kex-warning',
  category: 'kex',
  level: 'warn',
  title: text('SSH key exchange with a weakness', 'Échange de clés SSH présentant une faiblesse'),
  description: text(
    'The server offers key exchanges ssh-audit warns about (2,048-bit groups giving only 112-bit strength, experimental algorithms).',
    "Le serveur propose des échanges de clés sur lesquels ssh-audit émet un avertissement (groupes de 2 048 bits n'offrant que 112 bits de sécurité, algorithmes expérimentaux).",
  ),
  rationale: text(
    'Not broken today, but below the strength the rest of a modern configuration gives; low rating.',
    "Pas cassé aujourd'hui, mais en deçà de la robustesse du reste d'une configuration moderne ; note faible.",
  ),
  remediation: text(
    'Remove them from KexAlgorithms (keep curve25519-sha256, sntrup761x25519 and group16/18-sha512).',
    'Les retirer de KexAlgorithms (garder curve25519-sha256, sntrup761x25519 et group16/18-sha512).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [SSH_AUDIT_REF, ANSSI_OPENSSH, RFC_9142, cwe(326, 'Inadequate Encryption Strength')],
  detail: (names) =>
    text(
      `Key exchanges ssh-audit warns about: ${names}.`,
      `Échanges de clés signalés par ssh-audit : ${names}.`,
    ),
});
