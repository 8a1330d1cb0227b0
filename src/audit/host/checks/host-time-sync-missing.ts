import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { LYNIS, subjectOf } from './common.js';

export const hostTimeSyncMissing: Check<HostObservation> = {
  id: 'host-time-sync-missing',
  domain: 'host',
  title: text('No time synchronisation', 'Aucune synchronisation de l’heure'),
  description: text(
    'No NTP client (chrony, systemd-timesyncd, ntpd) is running, or the clock is not synchronised.',
    'Aucun client NTP (chrony, systemd-timesyncd, ntpd) ne tourne, ou l’horloge n’est pas synchronisée.',
  ),
  rationale: text(
    'Logs from hosts whose clocks drift cannot be correlated during an incident, and certificate or Kerberos checks fail.',
    'Les journaux d’hôtes dont l’horloge dérive ne peuvent être corrélés lors d’un incident, et les vérifications de certificats ou Kerberos échouent.',
  ),
  remediation: text(
    'Run chrony or systemd-timesyncd against the organisation’s time sources.',
    'Faire tourner chrony ou systemd-timesyncd sur les sources de temps de l’organisation.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N',
  references: [
    {
      source: 'anssi',
      id: 'logging:R6',
      title: 'Recommandations de sécurité pour la journalisation',
    },
    LYNIS('TIME-3104'),
  ],
  lynis: ['TIME-3104'],
  evaluate(observation) {
    const { service, synchronized } = observation.time;
    if (service !== null && synchronized !== false) return [];
    return [
      {
        subject: subjectOf(observation, 'time'),
        detail:
          service === null
            ? text('No NTP client is running.', 'Aucun client NTP ne tourne.')
            : text(
                `${service} runs but the clock is not synchronised.`,
                `${service} tourne mais l’horloge n’est pas synchronisée.`,
              ),
        evidence: `time service: ${service ?? 'none'}, synchronised: ${String(synchronized)}`,
      },
    ];
  },
};
