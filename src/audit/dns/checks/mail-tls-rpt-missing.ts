import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailTlsRptMissing: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-tls-rpt-missing',
  domain: 'mail',
  title: text('No SMTP TLS reporting', 'Pas de rapports SMTP TLS'),
  description: text(
    'The domain receives mail but publishes no TLS-RPT record (`_smtp._tls`).',
    'Le domaine reçoit du courrier mais ne publie pas d’enregistrement TLS-RPT (`_smtp._tls`).',
  ),
  rationale: text(
    'Failures of TLS delivery to the domain (stripped STARTTLS, expired certificate) go unnoticed.',
    'Les échecs de livraison TLS vers le domaine (STARTTLS supprimé, certificat expiré) passent inaperçus.',
  ),
  remediation: text(
    'Publish `_smtp._tls` with `v=TLSRPTv1; rua=mailto:…`.',
    'Publier `_smtp._tls` avec `v=TLSRPTv1; rua=mailto:…`.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:N',
  references: [RFC('8460', 'SMTP TLS Reporting')],
  evaluate(observation) {
    if (observation.tlsRpt !== null || observation.mx.filter((mx) => mx.host !== '').length === 0)
      return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text('No _smtp._tls record.', 'Aucun enregistrement _smtp._tls.'),
        evidence: `TXT _smtp._tls.${observation.domain}: none`,
      },
    ];
  },
};
