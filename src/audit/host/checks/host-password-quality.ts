import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostPasswordQuality: Check<HostObservation> = {
  id: 'host-password-quality',
  domain: 'host',
  title: text('No password strength checking', 'Aucun contrôle de robustesse des mots de passe'),
  description: text(
    'PAM does not check new passwords (no pam_pwquality, pam_cracklib or pam_passwdqc), or asks for fewer than 12 characters.',
    'PAM ne contrôle pas les nouveaux mots de passe (ni pam_pwquality, ni pam_cracklib, ni pam_passwdqc), ou en exige moins de 12 caractères.',
  ),
  rationale: text(
    'Without a check, users choose short or common passwords that are guessed in a few attempts.',
    'Sans contrôle, les utilisateurs choisissent des mots de passe courts ou courants, devinés en quelques essais.',
  ),
  remediation: text(
    'Install libpam-pwquality and set `minlen = 12` (or more) in /etc/security/pwquality.conf.',
    'Installer libpam-pwquality et positionner `minlen = 12` (ou plus) dans /etc/security/pwquality.conf.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
  references: [
    ANSSI_LINUX('authentication'),
    CIS_DEBIAN('Ensure password creation requirements are configured'),
    LYNIS('AUTH-9262'),
  ],
  lynis: ['AUTH-9262'],
  evaluate(observation) {
    if (!observation.pam.readable) return [];
    const { quality, minLength } = observation.pam;
    if (quality && (minLength === null || minLength >= 12)) return [];
    return [
      {
        subject: subjectOf(observation, 'pam'),
        detail: quality
          ? text(
              `Minimum length is ${String(minLength)}.`,
              `La longueur minimale est ${String(minLength)}.`,
            )
          : text(
              'No password quality module in PAM.',
              'Aucun module de qualité des mots de passe dans PAM.',
            ),
        evidence: quality
          ? `minlen=${String(minLength)}`
          : 'pam_pwquality/pam_cracklib/pam_passwdqc: absent',
      },
    ];
  },
};
