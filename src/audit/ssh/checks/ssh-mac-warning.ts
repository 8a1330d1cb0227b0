import { text } from '../../../design/text.js';
import { algorithmCheck, ANSSI_OPENSSH, cwe, SSH_AUDIT_REF } from './support.js';

export const sshMacWarning = algorithmCheck({
  id: 'ssh-mac-warning',
  category: 'mac',
  level: 'warn',
  title: text('SSH MAC with a weakness', 'MAC SSH présentant une faiblesse'),
  description: text(
    'The server offers MACs ssh-audit warns about: encrypt-and-MAC mode (the non-etm variants), 64- or 96-bit tags.',
    'Le serveur propose des MAC sur lesquels ssh-audit émet un avertissement : mode chiffrer-et-MAC (variantes non etm), étiquettes de 64 ou 96 bits.',
  ),
  rationale: text(
    'Encrypt-and-MAC computes the tag over the plaintext, which leaks information and enabled past attacks; short tags ease forgery; low rating.',
    "Le mode chiffrer-et-MAC calcule l'étiquette sur le clair, ce qui laisse fuir de l'information et a permis des attaques ; les étiquettes courtes facilitent la contrefaçon ; note faible.",
  ),
  remediation: text(
    'Keep only the -etm@openssh.com MACs with 128-bit or longer tags (hmac-sha2-256-etm, hmac-sha2-512-etm, umac-128-etm).',
    'Ne garder que les MAC -etm@openssh.com à étiquette de 128 bits ou plus (hmac-sha2-256-etm, hmac-sha2-512-etm, umac-128-etm).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    SSH_AUDIT_REF,
    ANSSI_OPENSSH,
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
  ],
  detail: (names) =>
    text(`MACs ssh-audit warns about: ${names}.`, `MAC signalés par ssh-audit : ${names}.`),
});
