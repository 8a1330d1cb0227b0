import { text } from '../../../design/text.js';
import { algorithmCheck, ANSSI_OPENSSH, cwe, SSH_AUDIT_REF } from './support.js';

export const sshCipherWeak = algorithmCheck({
  id: 'ssh-cipher-weak',
  category: 'enc',
  level: 'fail',
  title: text('Weak SSH cipher offered', 'Chiffrement SSH faible proposé'),
  description: text(
    'The server offers ciphers ssh-audit fails: 3DES, DES, RC4 (arcfour), Blowfish, CAST, IDEA, Rijndael names, none.',
    "Le serveur propose des chiffrements qu'ssh-audit juge en échec : 3DES, DES, RC4 (arcfour), Blowfish, CAST, IDEA, noms Rijndael, none.",
  ),
  rationale: text(
    'Sessions negotiated with these ciphers can be decrypted by an attacker recording enough traffic (Sweet32 on 64-bit blocks, RC4 biases); medium rating, as a capture position and volume are needed.',
    'Les sessions négociées avec ces chiffrements peuvent être déchiffrées par un attaquant enregistrant assez de trafic (Sweet32 sur blocs de 64 bits, biais de RC4) ; note moyenne, car il faut une position de capture et du volume.',
  ),
  remediation: text(
    'Set Ciphers to chacha20-poly1305@openssh.com, aes256-gcm@openssh.com, aes128-gcm@openssh.com, aes256-ctr, aes192-ctr, aes128-ctr.',
    'Fixer Ciphers à chacha20-poly1305@openssh.com, aes256-gcm@openssh.com, aes128-gcm@openssh.com, aes256-ctr, aes192-ctr, aes128-ctr.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
  references: [
    SSH_AUDIT_REF,
    ANSSI_OPENSSH,
    cwe(327, 'Use of a Broken or Risky Cryptographic Algorithm'),
  ],
  detail: (names) =>
    text(`Ciphers ssh-audit fails: ${names}.`, `Chiffrements en échec selon ssh-audit : ${names}.`),
});
