import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, subjectOf } from './common.js';

export const hostAccountLockout: Check<HostObservation> = {
  id: 'host-account-lockout',
  domain: 'host',
  title: text('No lockout after failed logins', 'Aucun verrouillage après des échecs de connexion'),
  description: text(
    'PAM does not lock or delay an account after repeated failed logins (no pam_faillock).',
    'PAM ne verrouille ni ne retarde un compte après des échecs répétés (pas de pam_faillock).',
  ),
  rationale: text(
    'Without a lockout or delay, password guessing against local and SSH logins can go on indefinitely.',
    'Sans verrouillage ni délai, les essais de mots de passe sur les connexions locales et SSH peuvent durer indéfiniment.',
  ),
  remediation: text(
    'Enable pam_faillock (deny=5, unlock_time=900) in the auth stack.',
    'Activer pam_faillock (deny=5, unlock_time=900) dans la pile auth.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
  references: [
    ANSSI_LINUX('authentication'),
    CIS_DEBIAN('Ensure lockout for failed password attempts is configured'),
  ],
  lynis: [],
  evaluate(observation) {
    if (!observation.pam.readable || observation.pam.lockout) return [];
    return [
      {
        subject: subjectOf(observation, 'pam'),
        detail: text(
          'No pam_faillock or pam_tally2 in the auth stack.',
          'Ni pam_faillock ni pam_tally2 dans la pile auth.',
        ),
        evidence: 'pam_faillock/pam_tally2: absent',
      },
    ];
  },
};
