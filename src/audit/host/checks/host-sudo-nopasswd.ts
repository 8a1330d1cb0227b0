import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostSudoNopasswd: Check<HostObservation> = {
  id: 'host-sudo-nopasswd',
  domain: 'host',
  title: text('sudo grants rights without a password', 'sudo accorde des droits sans mot de passe'),
  description: text(
    'sudoers rules with NOPASSWD let an account run commands as root without re-authenticating.',
    'Des règles sudoers NOPASSWD laissent un compte exécuter des commandes en root sans se réauthentifier.',
  ),
  rationale: text(
    'Whoever takes over the session or a process of that account becomes root at once.',
    'Quiconque prend la main sur la session ou un processus de ce compte devient root aussitôt.',
  ),
  remediation: text(
    'Remove NOPASSWD, or restrict it to the exact commands an automation needs.',
    'Retirer NOPASSWD, ou le restreindre aux seules commandes dont une automatisation a besoin.',
  ),
  cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
  references: [
    ANSSI_LINUX('sudo'),
    CIS_DEBIAN('Ensure re-authentication for privilege escalation is not disabled globally'),
    LYNIS('AUTH-9252'),
  ],
  lynis: ['AUTH-9250', 'AUTH-9252'],
  evaluate(observation) {
    if (!observation.sudoers.readable || observation.sudoers.nopasswd.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'sudoers'),
        detail: text(
          `${observation.sudoers.nopasswd.length} NOPASSWD rule(s).`,
          `${observation.sudoers.nopasswd.length} règle(s) NOPASSWD.`,
        ),
        evidence: observation.sudoers.nopasswd.join('\n'),
      },
    ];
  },
};
