import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, sshdOption, subjectOf } from './common.js';

export const hostSshPasswordAuth: Check<HostObservation> = {
  id: 'host-ssh-password-auth',
  domain: 'host',
  title: text(
    'SSH accepts password authentication',
    'SSH accepte l’authentification par mot de passe',
  ),
  description: text(
    'The SSH daemon lets users log in with a password (PasswordAuthentication yes, the OpenSSH default).',
    'Le serveur SSH laisse les utilisateurs se connecter par mot de passe (PasswordAuthentication yes, la valeur par défaut d’OpenSSH).',
  ),
  rationale: text(
    'Passwords can be guessed, sprayed or reused from a leak; keys (or certificates) cannot be, and they are what the ANSSI recommends for remote administration.',
    'Un mot de passe se devine, se teste en masse ou provient d’une fuite ; une clé (ou un certificat) non, et c’est ce que recommande l’ANSSI pour l’administration à distance.',
  ),
  remediation: text(
    'Deploy keys to the accounts that need them, then set `PasswordAuthentication no` and `KbdInteractiveAuthentication no` in sshd_config.',
    'Déployer des clés sur les comptes qui en ont besoin, puis positionner `PasswordAuthentication no` et `KbdInteractiveAuthentication no` dans sshd_config.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N',
  references: [
    ANSSI_LINUX('SSH'),
    CIS_DEBIAN('Ensure sshd PasswordAuthentication is disabled'),
    LYNIS('SSH-7408'),
  ],
  lynis: ['SSH-7408'],
  evaluate(observation) {
    if (!observation.sshd.installed || observation.sshd.source === null) return [];
    const value = sshdOption(observation, 'passwordauthentication', 'yes');
    if (value !== 'yes') return [];
    return [
      {
        subject: subjectOf(observation, 'sshd'),
        detail: text('PasswordAuthentication is yes.', 'PasswordAuthentication vaut yes.'),
        evidence: `PasswordAuthentication ${value} (${observation.sshd.source})`,
      },
    ];
  },
};
