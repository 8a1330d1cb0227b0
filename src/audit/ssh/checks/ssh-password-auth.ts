import { text } from '../../../design/text.js';
import { ANSSI_OPENSSH, cwe, subjectOf, type SshCheck } from './support.js';

export const sshPasswordAuth: SshCheck = {
  id: 'ssh-password-auth',
  domain: 'ssh',
  title: text(
    'SSH password authentication offered',
    'Authentification SSH par mot de passe proposée',
  ),
  description: text(
    'Asked which methods may continue, the server lists "password": anyone who reaches the port can try passwords.',
    'Interrogé sur les méthodes possibles, le serveur cite « password » : quiconque atteint le port peut essayer des mots de passe.',
  ),
  rationale: text(
    'Passwords can be guessed, sprayed or reused from leaks; a successful guess gives a shell. Rated medium: it takes many attempts or a leaked password (AC:H) and gives limited access at first.',
    "Les mots de passe se devinent, se pulvérisent ou se réutilisent après des fuites ; un essai réussi donne un shell. Note moyenne : il faut de nombreux essais ou un mot de passe divulgué (AC:H) et l'accès est d'abord limité.",
  ),
  remediation: text(
    'Use public keys (or certificates) only: PasswordAuthentication no and KbdInteractiveAuthentication no in sshd_config; if passwords must stay, restrict them by Match address and rate-limit (MaxAuthTries, fail2ban).',
    'N’utiliser que des clés publiques (ou certificats) : PasswordAuthentication no et KbdInteractiveAuthentication no dans sshd_config ; si les mots de passe doivent rester, les restreindre par Match address et limiter le débit (MaxAuthTries, fail2ban).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L',
  references: [
    ANSSI_OPENSSH,
    cwe(307, 'Improper Restriction of Excessive Authentication Attempts'),
  ],
  evaluate(observation) {
    const methods = observation.authMethods;
    if (methods === null || !methods.includes('password')) return [];
    return [
      {
        subject: subjectOf(observation),
        detail: text(
          'The server accepts password authentication.',
          "Le serveur accepte l'authentification par mot de passe.",
        ),
        evidence: `authentication methods: ${methods.join(',')}`,
      },
    ];
  },
};
