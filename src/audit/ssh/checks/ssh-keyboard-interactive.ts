import { text } from '../../../design/text.js';
import { ANSSI_OPENSSH, subjectOf, type SshCheck } from './support.js';

export const sshKeyboardInteractive: SshCheck = {
  id: 'ssh-keyboard-interactive',
  domain: 'ssh',
  title: text(
    'SSH keyboard-interactive authentication offered',
    'Authentification SSH keyboard-interactive proposée',
  ),
  description: text(
    'The server lists "keyboard-interactive": a challenge-response that is often a password prompt (PAM), sometimes a one-time code.',
    'Le serveur cite « keyboard-interactive » : un défi-réponse qui est souvent une invite de mot de passe (PAM), parfois un code à usage unique.',
  ),
  rationale: text(
    'For information: whether it is a risk depends on what PAM asks behind it (a password alone, or a second factor); no score.',
    'Pour information : le risque dépend de ce que PAM demande derrière (mot de passe seul ou second facteur) ; sans score.',
  ),
  remediation: text(
    'If it only asks a password, disable it (KbdInteractiveAuthentication no); if it carries a second factor, require it after a key (AuthenticationMethods publickey,keyboard-interactive).',
    "S'il ne demande qu'un mot de passe, le désactiver (KbdInteractiveAuthentication no) ; s'il porte un second facteur, l'exiger après une clé (AuthenticationMethods publickey,keyboard-interactive).",
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:N',
  references: [
    ANSSI_OPENSSH,
    {
      source: 'rfc',
      id: 'RFC 4256',
      title: 'Generic Message Exchange Authentication for SSH',
      url: 'https://www.rfc-editor.org/rfc/rfc4256',
    },
  ],
  evaluate(observation) {
    const methods = observation.authMethods;
    if (methods === null || !methods.includes('keyboard-interactive')) return [];
    return [
      {
        subject: subjectOf(observation),
        detail: text(
          'The server offers keyboard-interactive authentication.',
          "Le serveur propose l'authentification keyboard-interactive.",
        ),
        evidence: `authentication methods: ${methods.join(',')}`,
      },
    ];
  },
};
