import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailDkimMissing: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-dkim-missing',
  domain: 'mail',
  title: text('DKIM key missing for a selector', 'Clé DKIM absente pour un sélecteur'),
  description: text(
    'No DKIM key is published for a selector the scope names, or the key is revoked (empty p=).',
    'Aucune clé DKIM n’est publiée pour un sélecteur indiqué dans le périmètre, ou la clé est révoquée (p= vide).',
  ),
  rationale: text(
    'Mail signed with that selector fails DKIM, so DMARC can only rely on SPF, which breaks on forwarding.',
    'Le courrier signé avec ce sélecteur échoue à DKIM : DMARC ne peut plus s’appuyer que sur SPF, qui ne résiste pas aux transferts.',
  ),
  remediation: text(
    'Publish the selector’s public key (`<selector>._domainkey`), or remove the selector from the sending service.',
    'Publier la clé publique du sélecteur (`<sélecteur>._domainkey`), ou retirer le sélecteur du service d’envoi.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [RFC('6376', 'DKIM Signatures')],
  evaluate(observation) {
    return observation.dkim
      .filter((key) => !key.found || key.revoked)
      .map((key) => ({
        subject: `${mailSubject(observation.domain)}:dkim:${key.selector}`,
        detail: key.found
          ? text(
              `Selector ${key.selector} is revoked.`,
              `Le sélecteur ${key.selector} est révoqué.`,
            )
          : text(
              `No key for selector ${key.selector}.`,
              `Aucune clé pour le sélecteur ${key.selector}.`,
            ),
        evidence: `TXT ${key.selector}._domainkey.${observation.domain}: ${key.record ?? 'none'}`,
      }));
  },
};
