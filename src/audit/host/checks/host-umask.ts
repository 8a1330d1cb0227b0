import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostUmask: Check<HostObservation> = {
  id: 'host-umask',
  domain: 'host',
  title: text('Permissive default umask', 'Umask par défaut permissif'),
  description: text(
    'The default umask (login.defs UMASK) lets every user read new files (022 or wider).',
    'Le umask par défaut (UMASK de login.defs) laisse tout utilisateur lire les nouveaux fichiers (022 ou plus large).',
  ),
  rationale: text(
    'Files created by users and services are readable by every other account, which leaks data between users.',
    'Les fichiers créés par les utilisateurs et les services sont lisibles par tous les autres comptes, ce qui fait fuir des données entre utilisateurs.',
  ),
  remediation: text(
    'Set `UMASK 027` in /etc/login.defs.',
    'Positionner `UMASK 027` dans /etc/login.defs.',
  ),
  cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N',
  references: [
    ANSSI_LINUX('file permissions'),
    CIS_DEBIAN('Ensure default user umask is configured'),
    LYNIS('AUTH-9328'),
  ],
  lynis: ['AUTH-9328'],
  evaluate(observation) {
    const umask = observation.loginDefs?.umask;
    if (umask === undefined) return [];
    const value = parseInt(umask, 8);
    if (!Number.isFinite(value) || (value & 0o007) === 0o007) return [];
    return [
      {
        subject: subjectOf(observation, 'login.defs'),
        detail: text(`UMASK is ${umask}.`, `UMASK vaut ${umask}.`),
        evidence: `/etc/login.defs: UMASK ${umask}`,
      },
    ];
  },
};
