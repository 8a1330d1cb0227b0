import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostUid0Accounts: Check<HostObservation> = {
  id: 'host-uid0-accounts',
  domain: 'host',
  title: text('Accounts other than root with UID 0', 'Comptes autres que root avec l’UID 0'),
  description: text(
    '/etc/passwd has accounts other than root with user id 0.',
    '/etc/passwd contient des comptes autres que root d’identifiant 0.',
  ),
  rationale: text(
    'A second UID 0 account is a full root account that escapes the usual controls — a classic backdoor.',
    'Un second compte d’UID 0 est un root complet qui échappe aux contrôles habituels — une porte dérobée classique.',
  ),
  remediation: text(
    'Remove the account or give it its own UID; investigate how it was created.',
    'Supprimer le compte ou lui donner son propre UID ; rechercher comment il a été créé.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
  references: [CIS_DEBIAN('Ensure root is the only UID 0 account'), LYNIS('AUTH-9204')],
  lynis: ['AUTH-9204'],
  evaluate(observation) {
    const others = observation.accounts.uid0.filter((name) => name !== 'root');
    if (others.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'passwd'),
        detail: text(`UID 0: ${others.join(', ')}.`, `UID 0 : ${others.join(', ')}.`),
        evidence: `/etc/passwd uid 0: ${observation.accounts.uid0.join(', ')}`,
      },
    ];
  },
};
