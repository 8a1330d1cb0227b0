import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { ANSSI_MAIL, RFC, type DnsCheckContext } from './common.js';

export const mailMxNoStarttls: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-mx-no-starttls',
  domain: 'mail',
  title: text('Mail server without STARTTLS', 'Serveur de messagerie sans STARTTLS'),
  description: text(
    'An MX host does not offer STARTTLS: mail to the domain travels in clear.',
    'Un MX n’offre pas STARTTLS : le courrier destiné au domaine circule en clair.',
  ),
  rationale: text(
    'Anyone on the path reads and can alter incoming mail.',
    'Toute personne sur le chemin lit et peut modifier le courrier entrant.',
  ),
  remediation: text(
    'Enable STARTTLS on the MX with a certificate for its name.',
    'Activer STARTTLS sur le MX avec un certificat à son nom.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
  references: [RFC('3207', 'SMTP Service Extension for Secure SMTP over TLS'), ANSSI_MAIL],
  evaluate(observation) {
    return observation.mx
      .filter((mx) => mx.starttls === false)
      .map((mx) => ({
        subject: `mx:${mx.host}`,
        detail: text(`${mx.host} does not offer STARTTLS.`, `${mx.host} n’offre pas STARTTLS.`),
        evidence: mx.error ?? 'STARTTLS refused',
      }));
  },
};
