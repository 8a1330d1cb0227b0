import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { ANSSI_MAIL, RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailSpfMissing: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-spf-missing',
  domain: 'mail',
  title: text('No SPF record', 'Aucun enregistrement SPF'),
  description: text(
    'The domain publishes no SPF record: receivers cannot tell which servers may send its mail.',
    'Le domaine ne publie pas d’enregistrement SPF : les destinataires ne peuvent savoir quels serveurs peuvent envoyer son courrier.',
  ),
  rationale: text(
    'Anyone can send mail as the domain and pass this check, which makes phishing and invoice fraud in its name easier.',
    'N’importe qui peut envoyer du courrier au nom du domaine sans échouer à ce contrôle, ce qui facilite l’hameçonnage et la fraude au virement en son nom.',
  ),
  remediation: text(
    'Publish `v=spf1` listing the servers that send for the domain and ending with `-all` (`v=spf1 -all` for a domain that sends no mail).',
    'Publier `v=spf1` listant les serveurs qui envoient pour le domaine et finissant par `-all` (`v=spf1 -all` pour un domaine qui n’envoie pas de courrier).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [RFC('7208', 'Sender Policy Framework (SPF)'), ANSSI_MAIL],
  evaluate(observation) {
    if (!observation.resolvable || observation.spf.records.length > 0) return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text('No v=spf1 TXT record.', 'Aucun enregistrement TXT v=spf1.'),
        evidence: `TXT ${observation.domain}: no v=spf1`,
      },
    ];
  },
};
