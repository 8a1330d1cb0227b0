import { text } from '../../../design/text.js';
import { algorithmCheck, ANSSI_OPENSSH, cwe, SSH_AUDIT_REF } from './support.js';

export const sshMacWeak = algorithmCheck({
  id: 'ssh-mac-weak',
  category: 'mac',
  level: 'fail',
  title: text('Weak SSH MAC offered', "Code d'authentification de message SSH faible proposé"),
  description: text(
    'The server offers MACs ssh-audit fails: MD5, SHA-1, RIPEMD, none.',
    "Le serveur propose des MAC qu'ssh-audit juge en échec : MD5, SHA-1, RIPEMD, none.",
  ),
  rationale: text(
    'Integrity of the session rests on a broken hash; forging packets still needs a network position and much computation, hence a medium rating.',
    "L'intégrité de la session repose sur une fonction de hachage cassée ; forger des paquets demande une position réseau et beaucoup de calcul, d'où une note moyenne.",
  ),
  remediation: text(
    'Set MACs to hmac-sha2-256-etm@openssh.com, hmac-sha2-512-etm@openssh.com, umac-128-etm@openssh.com.',
    'Fixer MACs à hmac-sha2-256-etm@openssh.com, hmac-sha2-512-etm@openssh.com, umac-128-etm@openssh.com.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N',
  references: [SSH_AUDIT_REF, ANSSI_OPENSSH, cwe(328, 'Use of Weak Hash')],
  detail: (names) =>
    text(`MACs ssh-audit fails: ${names}.`, `MAC en échec selon ssh-audit : ${names}.`),
});
