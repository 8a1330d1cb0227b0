import { text } from '../../../design/text.js';
import { cwe, subjectOf, type SshCheck } from './support.js';

export const sshAuthNone: SshCheck = {
  id: 'ssh-auth-none',
  domain: 'ssh',
  title: text('SSH login without authentication', 'Connexion SSH sans authentification'),
  description: text(
    'The server accepted the "none" authentication method: a session opens without any credential.',
    "Le serveur a accepté la méthode d'authentification « none » : une session s'ouvre sans aucun secret.",
  ),
  rationale: text(
    'Anyone reaching the port gets whatever the account can do, from the network, with no precondition: critical.',
    'Quiconque atteint le port obtient ce que le compte permet, depuis le réseau, sans condition : critique.',
  ),
  remediation: text(
    'Require an authentication method (public key); remove PermitEmptyPasswords yes and any "none" configuration of embedded SSH servers.',
    "Exiger une méthode d'authentification (clé publique) ; retirer PermitEmptyPasswords yes et toute configuration « none » des serveurs SSH embarqués.",
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  references: [cwe(306, 'Missing Authentication for Critical Function')],
  evaluate(observation) {
    if (observation.authMethods === null || !observation.authMethods.includes('none')) return [];
    return [
      {
        subject: subjectOf(observation),
        detail: text(
          'A "none" authentication request succeeded.',
          "Une demande d'authentification « none » a réussi.",
        ),
        evidence: 'USERAUTH_REQUEST method "none" → USERAUTH_SUCCESS',
      },
    ];
  },
};
