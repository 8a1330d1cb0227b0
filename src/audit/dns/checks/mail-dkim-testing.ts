import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

export const mailDkimTesting: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-dkim-testing',
  domain: 'mail',
  title: text('DKIM key in testing mode', 'Clé DKIM en mode test'),
  description: text(
    'A DKIM key carries `t=y`: receivers treat its signatures as a test.',
    'Une clé DKIM porte `t=y` : les destinataires traitent ses signatures comme un essai.',
  ),
  rationale: text(
    'Signatures from a key in testing mode may be ignored, which weakens DMARC.',
    'Les signatures d’une clé en mode test peuvent être ignorées, ce qui affaiblit DMARC.',
  ),
  remediation: text(
    'Remove `t=y` once signing works.',
    'Retirer `t=y` une fois la signature opérationnelle.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [RFC('6376', 'DKIM Signatures')],
  evaluate(observation) {
    return observation.dkim
      .filter((key) => key.found && key.testing)
      .map((key) => ({
        subject: `${mailSubject(observation.domain)}:dkim:${key.selector}`,
        detail: text(
          `Selector ${key.selector} has t=y.`,
          `Le sélecteur ${key.selector} porte t=y.`,
        ),
        evidence: key.record ?? '',
      }));
  },
};
