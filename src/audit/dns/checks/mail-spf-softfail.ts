import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailSpfSoftfail: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-spf-softfail',
  domain: 'mail',
  title: text('SPF ends in soft fail', 'SPF finit par un échec « souple »'),
  description: text(
    'The SPF policy ends with `~all`: unlisted servers soft-fail and their mail is usually still delivered.',
    'La politique SPF finit par `~all` : les serveurs non listés échouent « souplement » et leur courrier est en général tout de même remis.',
  ),
  rationale: text(
    'Soft fail leaves the decision to each receiver; with DMARC at `reject` it matters less.',
    'L’échec souple laisse la décision à chaque destinataire ; avec DMARC à `reject`, l’enjeu est moindre.',
  ),
  remediation: text(
    'Move to `-all` once the SPF reports show no legitimate sender missing.',
    'Passer à `-all` une fois que les rapports ne montrent plus d’expéditeur légitime manquant.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [RFC('7208', 'Sender Policy Framework (SPF)')],
  evaluate(observation) {
    if (observation.spf.all !== '~') return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text('The policy ends with ~all.', 'La politique finit par ~all.'),
        evidence: observation.spf.records[0] ?? '',
      },
    ];
  },
};
