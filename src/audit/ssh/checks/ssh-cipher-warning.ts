import { text } from '../../../design/text.js';
import { algorithmCheck, ANSSI_OPENSSH, cwe, SSH_AUDIT_REF } from './support.js';

export const sshCipherWarning = algorithmCheck({
  id: 'ssh-cipher-warning',
  category: 'enc',
  level: 'warn',
  title: text('SSH cipher in a weak mode', 'Chiffrement SSH dans un mode faible'),
  description: text(
    'The server offers ciphers ssh-audit warns about: CBC mode (plaintext-recovery attacks on SSH), 64-bit blocks.',
    'Le serveur propose des chiffrements sur lesquels ssh-audit émet un avertissement : mode CBC (attaques de récupération de clair sur SSH), blocs de 64 bits.',
  ),
  rationale: text(
    'CBC in SSH allowed recovering small amounts of plaintext (CVE-2008-5161); hard to exploit, low rating.',
    'Le CBC dans SSH a permis de récupérer de petites quantités de clair (CVE-2008-5161) ; difficile à exploiter, note faible.',
  ),
  remediation: text(
    'Remove every *-cbc cipher from Ciphers; keep the GCM, ChaCha20-Poly1305 and CTR ones.',
    'Retirer tous les chiffrements *-cbc de Ciphers ; garder les GCM, ChaCha20-Poly1305 et CTR.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    SSH_AUDIT_REF,
    ANSSI_OPENSSH,
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
  ],
  detail: (names) =>
    text(
      `Ciphers ssh-audit warns about: ${names}.`,
      `Chiffrements signalés par ssh-audit : ${names}.`,
    ),
});
