import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, sshdOption, subjectOf } from './common.js';

export const hostSshRootLogin: Check<HostObservation> = {
  id: 'host-ssh-root-login',
  domain: 'host',
  title: text(
    'SSH lets root log in with a password',
    'SSH permet la connexion de root par mot de passe',
  ),
  description: text(
    'The SSH daemon accepts `root` logins authenticated by a password (PermitRootLogin yes).',
    'Le serveur SSH accepte les connexions de `root` authentifiées par mot de passe (PermitRootLogin yes).',
  ),
  rationale: text(
    'The root account exists on every system, so an attacker only has to guess its password; a success gives full control at once and leaves no trace of who acted.',
    'Le compte root existe sur tout système : l’attaquant n’a qu’à deviner son mot de passe ; une réussite donne aussitôt le contrôle total et ne laisse pas de trace de qui a agi.',
  ),
  remediation: text(
    'Set `PermitRootLogin no` (or `prohibit-password` while keys are still needed) in sshd_config, log in with a named account and elevate with sudo.',
    'Positionner `PermitRootLogin no` (ou `prohibit-password` tant que des clés sont nécessaires) dans sshd_config, se connecter avec un compte nominatif et s’élever avec sudo.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
  references: [
    ANSSI_LINUX('SSH'),
    CIS_DEBIAN('Ensure sshd PermitRootLogin is disabled'),
    LYNIS('SSH-7408'),
  ],
  lynis: ['SSH-7408'],
  evaluate(observation) {
    if (!observation.sshd.installed || observation.sshd.source === null) return [];
    const value = sshdOption(observation, 'permitrootlogin', 'prohibit-password');
    if (value !== 'yes') return [];
    return [
      {
        subject: subjectOf(observation, 'sshd'),
        detail: text('PermitRootLogin is yes.', 'PermitRootLogin vaut yes.'),
        evidence: `PermitRootLogin ${value} (${observation.sshd.source})`,
      },
    ];
  },
};
