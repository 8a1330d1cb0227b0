import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailMtaStsMissing: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-mta-sts-missing',
  domain: 'mail',
  title: text('No MTA-STS policy', 'Aucune politique MTA-STS'),
  description: text(
    'The domain receives mail but publishes no MTA-STS policy.',
    'Le domaine reçoit du courrier mais ne publie pas de politique MTA-STS.',
  ),
  rationale: text(
    'Without it, an attacker on the path can strip STARTTLS and read incoming mail; senders fall back to clear text silently.',
    'Sans elle, un attaquant sur le chemin peut supprimer STARTTLS et lire le courrier entrant ; les expéditeurs repassent en clair sans alerte.',
  ),
  remediation: text(
    'Publish `_mta-sts` and the policy at https://mta-sts.<domain>/.well-known/mta-sts.txt (start in `testing`, then `enforce`).',
    'Publier `_mta-sts` et la politique à https://mta-sts.<domaine>/.well-known/mta-sts.txt (commencer en `testing`, puis `enforce`).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [RFC('8461', 'SMTP MTA Strict Transport Security (MTA-STS)')],
  evaluate(observation) {
    if (
      observation.mtaSts.record !== null ||
      observation.mx.filter((mx) => mx.host !== '').length === 0
    )
      return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text('No _mta-sts record.', 'Aucun enregistrement _mta-sts.'),
        evidence: `TXT _mta-sts.${observation.domain}: none`,
      },
    ];
  },
};
