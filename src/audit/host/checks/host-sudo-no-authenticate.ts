import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostSudoNoAuthenticate: Check<HostObservation> = {
  id: 'host-sudo-no-authenticate',
  domain: 'host',
  title: text('sudo authentication turned off', 'Authentification sudo désactivée'),
  description: text(
    'A `Defaults !authenticate` line turns sudo authentication off.',
    'Une ligne `Defaults !authenticate` désactive l’authentification de sudo.',
  ),
  rationale: text(
    'Every sudo rule then runs without a password: any compromise of an allowed account is a root compromise.',
    'Toute règle sudo s’exécute alors sans mot de passe : compromettre un compte autorisé, c’est compromettre root.',
  ),
  remediation: text('Remove `!authenticate` from sudoers.', 'Retirer `!authenticate` de sudoers.'),
  cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
  references: [
    ANSSI_LINUX('sudo'),
    CIS_DEBIAN('Ensure re-authentication for privilege escalation is not disabled globally'),
    LYNIS('AUTH-9252'),
  ],
  lynis: ['AUTH-9252'],
  evaluate(observation) {
    if (!observation.sudoers.readable || observation.sudoers.noAuthenticate.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'sudoers'),
        detail: text('sudo authentication is off.', 'L’authentification de sudo est désactivée.'),
        evidence: observation.sudoers.noAuthenticate.join('\n'),
      },
    ];
  },
};
