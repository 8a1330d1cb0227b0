import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { ANSSI_MAIL, RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailSpfPermissive: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-spf-permissive',
  domain: 'mail',
  title: text('SPF accepts any sender', 'SPF accepte tout expéditeur'),
  description: text(
    'The SPF policy ends with `+all` or `?all`: every server passes or is neutral.',
    'La politique SPF finit par `+all` ou `?all` : tout serveur passe ou est neutre.',
  ),
  rationale: text(
    'The record gives no protection at all; with `+all` it even vouches for forged mail.',
    'L’enregistrement ne protège de rien ; avec `+all` il cautionne même le courrier falsifié.',
  ),
  remediation: text(
    'End the record with `-all` once every legitimate sender is listed.',
    'Terminer l’enregistrement par `-all` une fois tous les expéditeurs légitimes listés.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:N/I:L/A:N',
  references: [RFC('7208', 'Sender Policy Framework (SPF)'), ANSSI_MAIL],
  evaluate(observation) {
    const { all } = observation.spf;
    if (all !== '+' && all !== '?') return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text(`The policy ends with ${all}all.`, `La politique finit par ${all}all.`),
        evidence: observation.spf.records[0] ?? '',
      },
    ];
  },
};
