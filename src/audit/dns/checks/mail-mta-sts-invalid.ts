import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, mailSubject, type DnsCheckContext } from './common.js';

/** RFC 8461 §4.1: an `mx` pattern matches the host exactly, or `*.` one leftmost label. */
function mxMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (p.startsWith('*.'))
    return h.endsWith(p.slice(1)) && !h.slice(0, h.length - p.length + 1).includes('.');
  return p === h;
}

export const mailMtaStsInvalid: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-mta-sts-invalid',
  domain: 'mail',
  title: text(
    'MTA-STS policy unusable or not enforced',
    'Politique MTA-STS inutilisable ou non appliquée',
  ),
  description: text(
    'An MTA-STS record exists but the policy cannot be fetched over valid HTTPS, is in `testing` mode, or does not cover the MX hosts.',
    'Un enregistrement MTA-STS existe mais la politique n’est pas récupérable en HTTPS valide, est en mode `testing`, ou ne couvre pas les MX.',
  ),
  rationale: text(
    'Senders then do not enforce TLS: the protection MTA-STS promises is not there.',
    'Les expéditeurs n’exigent alors pas TLS : la protection que promet MTA-STS n’est pas là.',
  ),
  remediation: text(
    'Serve the policy over HTTPS with a valid certificate, list every MX in `mx:`, and set `mode: enforce`.',
    'Servir la politique en HTTPS avec un certificat valide, lister chaque MX dans `mx:` et positionner `mode: enforce`.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [RFC('8461', 'SMTP MTA Strict Transport Security (MTA-STS)')],
  evaluate(observation) {
    const { record, policy } = observation.mtaSts;
    if (record === null || policy === null) return [];
    const problems: string[] = [];
    if (!policy.fetched) problems.push(`policy not fetched: ${policy.error ?? 'unknown'}`);
    else {
      if (policy.mode !== 'enforce') problems.push(`mode: ${policy.mode ?? 'missing'}`);
      const uncovered = observation.mx
        .filter((mx) => mx.host !== '' && !policy.mx.some((pattern) => mxMatches(pattern, mx.host)))
        .map((mx) => mx.host);
      if (uncovered.length > 0) problems.push(`MX not covered: ${uncovered.join(', ')}`);
    }
    if (problems.length === 0) return [];
    return [
      {
        subject: mailSubject(observation.domain),
        detail: text(problems.join('; '), problems.join(' ; ')),
        evidence: [record, ...problems].join('\n'),
      },
    ];
  },
};
