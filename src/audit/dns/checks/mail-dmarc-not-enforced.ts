import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { ANSSI_MAIL, RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailDmarcNotEnforced: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-dmarc-not-enforced',
  domain: 'mail',
  title: text('DMARC does not enforce', 'DMARC n’applique rien'),
  description: text(
    'The DMARC policy is `p=none` (monitoring only), or there are several DMARC records.',
    'La politique DMARC est `p=none` (observation seule), ou il y a plusieurs enregistrements DMARC.',
  ),
  rationale: text(
    'Receivers deliver forged mail anyway: the domain is as easy to spoof as without DMARC.',
    'Les destinataires remettent quand même le courrier falsifié : le domaine est aussi facile à usurper que sans DMARC.',
  ),
  remediation: text(
    'After checking the reports, set `p=quarantine` then `p=reject` (one record only).',
    'Après lecture des rapports, positionner `p=quarantine` puis `p=reject` (un seul enregistrement).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [RFC('7489', 'DMARC'), ANSSI_MAIL],
  evaluate(observation) {
    const { record, tags, multiple } = observation.dmarc;
    if (record === null || (!multiple && (tags.p ?? '').toLowerCase() !== 'none')) return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: multiple
          ? text('Several DMARC records.', 'Plusieurs enregistrements DMARC.')
          : text('p=none.', 'p=none.'),
        evidence: record,
      },
    ];
  },
};
