import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailSpfTooManyLookups: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-spf-too-many-lookups',
  domain: 'mail',
  title: text('SPF needs more than 10 DNS lookups', 'SPF exige plus de 10 requêtes DNS'),
  description: text(
    'Evaluating the SPF policy takes more than the 10 DNS-querying terms RFC 7208 allows (or more than 2 void lookups).',
    'L’évaluation de la politique SPF demande plus des 10 termes interrogeant le DNS que permet la RFC 7208 (ou plus de 2 requêtes vides).',
  ),
  rationale: text(
    'Receivers stop with a permanent error: the policy is then ignored, as if there were none.',
    'Les destinataires s’arrêtent sur une erreur permanente : la politique est alors ignorée, comme s’il n’y en avait pas.',
  ),
  remediation: text(
    'Flatten includes (replace some with ip4:/ip6: ranges) or drop services that no longer send.',
    'Aplatir les inclusions (remplacer certaines par des plages ip4:/ip6:) ou retirer les services qui n’envoient plus.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [RFC('7208', 'Sender Policy Framework (SPF)')],
  evaluate(observation) {
    const { lookups, voidLookups } = observation.spf;
    if (lookups <= 10 && voidLookups <= 2) return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text(
          `${lookups} DNS lookups, ${voidLookups} void.`,
          `${lookups} requêtes DNS, dont ${voidLookups} vides.`,
        ),
        evidence: [observation.spf.records[0] ?? '', ...observation.spf.errors].join('\n'),
      },
    ];
  },
};
