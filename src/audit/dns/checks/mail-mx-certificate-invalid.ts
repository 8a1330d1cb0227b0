import { X509Certificate } from 'node:crypto';
import type { MxObservation } from '../observation.js';
import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import { RFC, type DnsCheckContext } from './common.js';

interface Problem {
  readonly en: string;
  readonly fr: string;
  readonly evidence: string;
}

/** What is wrong with the certificate an MX presented, judged on `today`. */
function certificateProblems(mx: MxObservation, today: string): Problem[] {
  const der = mx.certificate?.chain[0];
  if (mx.certificate === null || der === undefined) return [];
  const problems: Problem[] = [];
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(Buffer.from(der, 'base64'));
  } catch {
    return [
      {
        en: 'The certificate cannot be read.',
        fr: 'Le certificat est illisible.',
        evidence: 'unreadable leaf',
      },
    ];
  }
  const notAfter = new Date(leaf.validTo).toISOString().slice(0, 10);
  if (notAfter < today)
    problems.push({
      en: `Expired on ${notAfter}.`,
      fr: `Expiré le ${notAfter}.`,
      evidence: `notAfter ${leaf.validTo}`,
    });
  if (leaf.checkHost(mx.host) === undefined)
    problems.push({
      en: `Not valid for ${mx.host}.`,
      fr: `Non valide pour ${mx.host}.`,
      evidence: `subject ${leaf.subject.replace(/\n/g, ', ')}; SAN ${leaf.subjectAltName ?? 'none'}`,
    });
  if (!mx.certificate.authorized && notAfter >= today)
    problems.push({
      en: 'Not trusted.',
      fr: 'Non reconnu.',
      evidence: mx.certificate.authorizationError ?? 'not authorized',
    });
  return problems;
}

export const mailMxCertificateInvalid: Check<DnsMailObservation, DnsCheckContext> = {
  id: 'mail-mx-certificate-invalid',
  domain: 'mail',
  title: text(
    'Mail server certificate not valid',
    'Certificat du serveur de messagerie non valide',
  ),
  description: text(
    'The certificate an MX host presents after STARTTLS is untrusted, expired or not for its name.',
    'Le certificat présenté par un MX après STARTTLS n’est pas de confiance, a expiré ou ne correspond pas à son nom.',
  ),
  rationale: text(
    'Senders that enforce TLS (MTA-STS, DANE) cannot deliver, and others cannot tell the server from an impostor.',
    'Les expéditeurs qui exigent TLS (MTA-STS, DANE) ne peuvent livrer, et les autres ne distinguent pas le serveur d’un imposteur.',
  ),
  remediation: text(
    'Install a certificate from a public CA for the MX name, with its full chain, and renew it automatically.',
    'Installer un certificat d’une AC publique pour le nom du MX, avec sa chaîne complète, renouvelé automatiquement.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [RFC('8461', 'SMTP MTA Strict Transport Security (MTA-STS)')],
  evaluate(observation, context) {
    return observation.mx.flatMap((mx) => {
      const problems = certificateProblems(mx, context.today);
      return problems.length === 0
        ? []
        : [
            {
              subject: `mx:${mx.host}`,
              detail: text(
                problems.map((p) => p.en).join(' '),
                problems.map((p) => p.fr).join(' '),
              ),
              evidence: problems.map((p) => p.evidence).join('\n'),
            },
          ];
    });
  },
};
