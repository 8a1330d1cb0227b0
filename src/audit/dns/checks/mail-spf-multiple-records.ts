import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailSpfMultipleRecords: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-spf-multiple-records',
  domain: 'mail',
  title: text('Several SPF records', 'Plusieurs enregistrements SPF'),
  description: text(
    'The domain publishes more than one SPF record, which RFC 7208 makes a permanent error.',
    'Le domaine publie plus d’un enregistrement SPF, ce que la RFC 7208 traite comme une erreur permanente.',
  ),
  rationale: text(
    'Receivers then treat the domain as having no usable SPF policy.',
    'Les destinataires considèrent alors que le domaine n’a pas de politique SPF utilisable.',
  ),
  remediation: text(
    'Merge the records into one `v=spf1` record.',
    'Fusionner les enregistrements en un seul enregistrement `v=spf1`.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [RFC('7208', 'Sender Policy Framework (SPF)')],
  evaluate(observation) {
    if (observation.spf.records.length < 2) return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text(
          `${observation.spf.records.length} SPF records.`,
          `${observation.spf.records.length} enregistrements SPF.`,
        ),
        evidence: observation.spf.records.join('\n'),
      },
    ];
  },
};
