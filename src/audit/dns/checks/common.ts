/** What the DNS and mail checks share: subjects, references, the context. */
import type { AuditReference } from '../../types.js';

export interface DnsCheckContext {
  /** Today (ISO date), for certificate expiry. */
  readonly today: string;
}

export const RFC = (id: string, title: string): AuditReference => ({
  source: 'rfc',
  id: `RFC ${id}`,
  title,
  url: `https://www.rfc-editor.org/rfc/rfc${id}`,
});

export const ANSSI_MAIL: AuditReference = {
  source: 'anssi',
  id: 'Messagerie — SPF, DKIM, DMARC',
  title: 'ANSSI, recommandations de sécurité relatives à la messagerie électronique',
};

export const mailSubject = (domain: string): string => `mail:${domain}`;
export const dnsSubject = (domain: string): string => `dns:${domain}`;
