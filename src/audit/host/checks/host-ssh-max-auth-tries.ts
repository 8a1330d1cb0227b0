import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { CIS_DEBIAN, LYNIS, sshdOption, subjectOf } from './common.js';

export const hostSshMaxAuthTries: Check<HostObservation> = {
  id: 'host-ssh-max-auth-tries',
  domain: 'host',
  title: text(
    'SSH allows many authentication attempts per connection',
    'SSH autorise de nombreuses tentatives d’authentification par connexion',
  ),
  description: text(
    'MaxAuthTries is above 4 (OpenSSH default 6).',
    'MaxAuthTries dépasse 4 (6 par défaut pour OpenSSH).',
  ),
  rationale: text(
    'Each connection lets an attacker try more passwords before being cut off, which speeds up guessing.',
    'Chaque connexion laisse l’attaquant essayer plus de mots de passe avant d’être coupé, ce qui accélère les essais.',
  ),
  remediation: text('Set `MaxAuthTries 4` or less.', 'Positionner `MaxAuthTries 4` ou moins.'),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [CIS_DEBIAN('Ensure sshd MaxAuthTries is configured'), LYNIS('SSH-7408')],
  lynis: ['SSH-7408'],
  evaluate(observation) {
    if (!observation.sshd.installed || observation.sshd.source === null) return [];
    const value = Number(sshdOption(observation, 'maxauthtries', '6'));
    if (!Number.isFinite(value) || value <= 4) return [];
    return [
      {
        subject: subjectOf(observation, 'sshd'),
        detail: text(`MaxAuthTries is ${value}.`, `MaxAuthTries vaut ${value}.`),
        evidence: `MaxAuthTries ${value} (${observation.sshd.source})`,
      },
    ];
  },
};
