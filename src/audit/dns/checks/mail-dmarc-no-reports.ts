import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailDmarcNoReports: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-dmarc-no-reports',
  domain: 'mail',
  title: text('DMARC without aggregate reports', 'DMARC sans rapports agrégés'),
  description: text(
    'The DMARC record has no `rua` address.',
    'L’enregistrement DMARC n’a pas d’adresse `rua`.',
  ),
  rationale: text(
    'Nobody learns who sends mail in the domain’s name, forged or legitimate: the policy cannot be tightened safely.',
    'Personne ne sait qui envoie du courrier au nom du domaine, falsifié ou légitime : la politique ne peut être durcie sans risque.',
  ),
  remediation: text(
    'Add `rua=mailto:` to a mailbox or a report-processing service.',
    'Ajouter `rua=mailto:` vers une boîte ou un service de traitement des rapports.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:N',
  references: [RFC('7489', 'DMARC')],
  evaluate(observation) {
    if (observation.dmarc.record === null || observation.dmarc.tags.rua !== undefined) return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text('No rua= address.', 'Pas d’adresse rua=.'),
        evidence: observation.dmarc.record,
      },
    ];
  },
};
