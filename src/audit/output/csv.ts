/**
 * An audit campaign's findings as CSV (RFC 4180, formula-safe fields): one row per finding with
 * its severity, CVSS, target, model entities, evidence and remediation, in the chosen language.
 */
import { toCsv } from '../../design/output/csv.js';
import type { Locale } from '../../i18n/index.js';
import type { AuditResults } from '../types.js';

const HEADERS = {
  en: [
    'id',
    'severity',
    'cvss',
    'vector',
    'domain',
    'check',
    'target',
    'entities',
    'title',
    'detail',
    'evidence',
    'remediation',
  ],
  fr: [
    'id',
    'gravité',
    'cvss',
    'vecteur',
    'domaine',
    'contrôle',
    'cible',
    'entités',
    'titre',
    'détail',
    'preuve',
    'remédiation',
  ],
} as const;

const SEVERITY_NAMES = {
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
  fr: { critical: 'critique', high: 'élevée', medium: 'moyenne', low: 'faible', info: 'info' },
} as const;

export function auditToCsv(results: AuditResults, locale: Locale): string {
  return toCsv([
    HEADERS[locale],
    ...results.findings.map((f) => [
      f.id,
      SEVERITY_NAMES[locale][f.severity],
      f.cvss.score.toFixed(1),
      f.cvss.vector,
      f.domain,
      f.check,
      f.subject,
      f.entities.join(' '),
      f.title[locale],
      f.detail[locale],
      f.evidence,
      f.remediation[locale],
    ]),
  ]);
}
