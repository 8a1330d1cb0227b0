import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { LYNIS, subjectOf } from './common.js';

export const hostUpdatesNotAutomatic: Check<HostObservation> = {
  id: 'host-updates-not-automatic',
  domain: 'host',
  title: text(
    'Security updates are not applied automatically',
    'Les mises à jour de sécurité ne s’appliquent pas automatiquement',
  ),
  description: text(
    'No unattended-upgrades (Debian) or dnf-automatic (Red Hat) is set up.',
    'Ni unattended-upgrades (Debian) ni dnf-automatic (Red Hat) n’est en place.',
  ),
  rationale: text(
    'Without automation, fixes wait for someone to remember them; the ANSSI hygiene guide asks for a defined, timely update policy.',
    'Sans automatisation, les correctifs attendent que quelqu’un y pense ; le guide d’hygiène de l’ANSSI demande une politique de mise à jour définie et réactive.',
  ),
  remediation: text(
    'Install and enable unattended-upgrades for the security repository (or dnf-automatic), or document the manual schedule.',
    'Installer et activer unattended-upgrades pour le dépôt de sécurité (ou dnf-automatic), ou documenter le calendrier manuel.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L',
  references: [
    { source: 'anssi', id: 'hygiene:34', title: 'Guide d’hygiène informatique, mesure 34' },
    LYNIS('PKGS-7420'),
  ],
  lynis: ['PKGS-7420'],
  evaluate(observation) {
    if (observation.updates.automatic !== false) return [];
    return [
      {
        subject: subjectOf(observation, 'updates'),
        detail: text(
          'No automatic security updates.',
          'Pas de mise à jour de sécurité automatique.',
        ),
        evidence: `${observation.updates.manager ?? ''}: unattended upgrades not enabled`,
      },
    ];
  },
};
