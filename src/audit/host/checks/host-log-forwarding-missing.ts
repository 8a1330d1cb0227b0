import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostLogForwardingMissing: Check<HostObservation> = {
  id: 'host-log-forwarding-missing',
  domain: 'host',
  title: text('Logs are not forwarded', 'Journaux non transférés'),
  description: text(
    'No syslog forwarding (rsyslog, syslog-ng, journal-upload) to a central collector.',
    'Aucun transfert syslog (rsyslog, syslog-ng, journal-upload) vers un collecteur central.',
  ),
  rationale: text(
    'Logs kept only on the host are erased by an intruder who gains root, and nobody sees them in time.',
    'Des journaux conservés uniquement sur l’hôte sont effacés par un intrus devenu root, et personne ne les voit à temps.',
  ),
  remediation: text(
    'Forward logs to the central collector (rsyslog `action(type="omfwd" … protocol="tcp")`, preferably over TLS).',
    'Transférer les journaux au collecteur central (rsyslog `action(type="omfwd" … protocol="tcp")`, de préférence en TLS).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N',
  references: [
    {
      source: 'anssi',
      id: 'logging:R30',
      title: 'Recommandations de sécurité pour la journalisation',
    },
    CIS_DEBIAN('Ensure rsyslog is configured to send logs to a remote log host'),
    LYNIS('LOGG-2154'),
  ],
  lynis: ['LOGG-2154', 'LOGG-2152'],
  evaluate(observation) {
    if (observation.logging.forwarding) return [];
    return [
      {
        subject: subjectOf(observation, 'logging'),
        detail: text(
          'No remote log target configured.',
          'Aucune destination distante des journaux configurée.',
        ),
        evidence: `log daemon: ${observation.logging.daemon ?? 'none'}, remote targets: none`,
      },
    ];
  },
};
