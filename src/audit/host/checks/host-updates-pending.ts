import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostUpdatesPending: Check<HostObservation> = {
  id: 'host-updates-pending',
  domain: 'host',
  title: text('Security updates pending', 'Mises à jour de sécurité en attente'),
  description: text(
    'The package manager has security updates that are not installed.',
    'Le gestionnaire de paquets a des mises à jour de sécurité non installées.',
  ),
  rationale: text(
    'Published security fixes are what attackers study first; an unpatched package is a known, documented way in.',
    'Les correctifs publiés sont ce que les attaquants étudient en premier ; un paquet non corrigé est une porte d’entrée connue et documentée.',
  ),
  remediation: text(
    'Install the pending updates (`apt-get upgrade`) and schedule them regularly.',
    'Installer les mises à jour en attente (`apt-get upgrade`) et les planifier régulièrement.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
  references: [
    ANSSI_LINUX('updates'),
    CIS_DEBIAN('Ensure updates, patches, and additional security software are installed'),
    LYNIS('PKGS-7392'),
  ],
  lynis: ['PKGS-7392'],
  evaluate(observation) {
    const { security, pending } = observation.updates;
    if (security === null || security === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'updates'),
        detail: text(
          `${security} security update(s) pending (${String(pending)} in all).`,
          `${security} mise(s) à jour de sécurité en attente (${String(pending)} au total).`,
        ),
        evidence: `${observation.updates.manager ?? ''}: ${String(pending)} pending, ${security} from a security repository`,
      },
    ];
  },
};
