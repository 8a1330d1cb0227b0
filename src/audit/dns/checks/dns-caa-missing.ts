import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, dnsSubject, type DnsCheckContext } from './common.js';

export const dnsCaaMissing: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'dns-caa-missing',
  domain: 'dns',
  title: text('No CAA record', 'Aucun enregistrement CAA'),
  description: text(
    'The domain does not say which certificate authorities may issue for it.',
    'Le domaine n’indique pas quelles autorités de certification peuvent émettre pour lui.',
  ),
  rationale: text(
    'Any public CA may issue a certificate for the domain; CAA narrows mis-issuance to the CAs chosen.',
    'Toute AC publique peut émettre un certificat pour le domaine ; CAA restreint les émissions indues aux AC choisies.',
  ),
  remediation: text(
    'Publish `CAA 0 issue "<your CA>"` (and `iodef` for reports).',
    'Publier `CAA 0 issue "<votre AC>"` (et `iodef` pour les signalements).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:N',
  references: [RFC('8659', 'DNS Certification Authority Authorization (CAA)')],
  evaluate(observation) {
    if (!observation.resolvable || observation.caa.length > 0) return [];
    return [
      {
        subject: dnsSubject(observation.domain),
        detail: text('No CAA record.', 'Aucun enregistrement CAA.'),
        evidence: `CAA ${observation.domain}: none`,
      },
    ];
  },
};
