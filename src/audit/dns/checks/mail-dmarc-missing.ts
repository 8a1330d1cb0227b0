import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { ANSSI_MAIL, RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailDmarcMissing: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-dmarc-missing',
  domain: 'mail',
  title: text('No DMARC policy', 'Aucune politique DMARC'),
  description: text(
    'The domain publishes no `_dmarc` record.',
    'Le domaine ne publie pas d’enregistrement `_dmarc`.',
  ),
  rationale: text(
    'Without DMARC, mail forging the domain in the visible From: address is not rejected, even when SPF and DKIM fail.',
    'Sans DMARC, le courrier qui usurpe le domaine dans l’adresse From: visible n’est pas rejeté, même si SPF et DKIM échouent.',
  ),
  remediation: text(
    'Publish `v=DMARC1; p=none; rua=mailto:…`, read the reports, then move to `p=quarantine` and `p=reject`.',
    'Publier `v=DMARC1; p=none; rua=mailto:…`, lire les rapports, puis passer à `p=quarantine` et `p=reject`.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [RFC('7489', 'DMARC'), ANSSI_MAIL],
  evaluate(observation) {
    if (!observation.resolvable || observation.dmarc.record !== null) return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text('No v=DMARC1 record at _dmarc.', 'Aucun enregistrement v=DMARC1 en _dmarc.'),
        evidence: `TXT _dmarc.${observation.domain}: none`,
      },
    ];
  },
};
