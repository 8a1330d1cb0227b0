import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostEmptyPasswords: Check<HostObservation> = {
  id: 'host-empty-passwords',
  domain: 'host',
  title: text('Accounts with an empty password', 'Comptes au mot de passe vide'),
  description: text(
    '/etc/shadow has accounts whose password field is empty.',
    '/etc/shadow contient des comptes dont le champ mot de passe est vide.',
  ),
  rationale: text(
    'An empty password lets anyone log in to that account locally (and remotely where the service allows it).',
    'Un mot de passe vide permet à quiconque d’ouvrir ce compte en local (et à distance là où le service le permet).',
  ),
  remediation: text(
    'Lock the accounts (`passwd -l`) or give them a password.',
    'Verrouiller les comptes (`passwd -l`) ou leur donner un mot de passe.',
  ),
  cvss: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  references: [CIS_DEBIAN('Ensure /etc/shadow password fields are not empty'), LYNIS('AUTH-9283')],
  lynis: ['AUTH-9283'],
  evaluate(observation) {
    const empty = observation.accounts.emptyPassword;
    if (empty === null || empty.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'shadow'),
        detail: text(
          `Empty password: ${empty.join(', ')}.`,
          `Mot de passe vide : ${empty.join(', ')}.`,
        ),
        evidence: `/etc/shadow empty password field: ${empty.join(', ')}`,
      },
    ];
  },
};
