import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, sshdOption, subjectOf } from './common.js';

export const hostSshEmptyPasswords: Check<HostObservation> = {
  id: 'host-ssh-empty-passwords',
  domain: 'host',
  title: text('SSH accepts empty passwords', 'SSH accepte les mots de passe vides'),
  description: text(
    'PermitEmptyPasswords is yes: an account without a password can log in remotely.',
    'PermitEmptyPasswords vaut yes : un compte sans mot de passe peut se connecter à distance.',
  ),
  rationale: text(
    'Anyone who knows an account name without a password gets a shell, with no guessing at all.',
    'Quiconque connaît un compte sans mot de passe obtient un shell, sans rien deviner.',
  ),
  remediation: text(
    'Set `PermitEmptyPasswords no` and give every account a password or lock it.',
    'Positionner `PermitEmptyPasswords no` et donner un mot de passe à chaque compte ou le verrouiller.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  references: [
    ANSSI_LINUX('SSH'),
    CIS_DEBIAN('Ensure sshd PermitEmptyPasswords is disabled'),
    LYNIS('SSH-7408'),
  ],
  lynis: ['SSH-7408'],
  evaluate(observation) {
    if (!observation.sshd.installed || observation.sshd.source === null) return [];
    const value = sshdOption(observation, 'permitemptypasswords', 'no');
    if (value !== 'yes') return [];
    return [
      {
        subject: subjectOf(observation, 'sshd'),
        detail: text('PermitEmptyPasswords is yes.', 'PermitEmptyPasswords vaut yes.'),
        evidence: `PermitEmptyPasswords ${value} (${observation.sshd.source})`,
      },
    ];
  },
};
