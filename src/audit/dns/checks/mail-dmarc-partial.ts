import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailDmarcPartial: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-dmarc-partial',
  domain: 'mail',
  title: text(
    'DMARC applies to part of the mail only',
    'DMARC ne s’applique qu’à une partie du courrier',
  ),
  description: text(
    'The DMARC policy has `pct` below 100.',
    'La politique DMARC a un `pct` inférieur à 100.',
  ),
  rationale: text(
    'The rest of the forged mail is handled as if the policy were one step weaker.',
    'Le reste du courrier falsifié est traité comme si la politique était d’un cran plus faible.',
  ),
  remediation: text(
    'Remove `pct` (default 100) once the reports are clean.',
    'Retirer `pct` (100 par défaut) une fois les rapports propres.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [RFC('7489', 'DMARC')],
  evaluate(observation) {
    const pct = observation.dmarc.tags.pct;
    if (observation.dmarc.record === null || pct === undefined || Number(pct) >= 100) return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text(`pct=${pct}.`, `pct=${pct}.`),
        evidence: observation.dmarc.record,
      },
    ];
  },
};
