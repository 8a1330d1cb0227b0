import type { Locale } from '../../i18n/index.js';
import { SEVERITIES, type Finding, type FindingSeverity } from '../findings.js';
import { toCsv } from './csv.js';

const SEVERITY_LABEL: Readonly<Record<Locale, Readonly<Record<FindingSeverity, string>>>> = {
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
  fr: { critical: 'critique', high: 'élevée', medium: 'moyenne', low: 'faible' },
};

const STATUS_LABEL: Readonly<Record<Locale, Readonly<Record<Finding['status'], string>>>> = {
  en: {
    open: 'open',
    accepted: 'accepted',
    mitigated: 'mitigated',
    'false-positive': 'false positive',
  },
  fr: {
    open: 'ouvert',
    accepted: 'accepté',
    mitigated: 'réduit',
    'false-positive': 'faux positif',
  },
};

export const severityLabel = (severity: FindingSeverity, locale: Locale): string =>
  SEVERITY_LABEL[locale][severity];

/** Status as a user reads it, saying when a decision has expired. */
export function statusLabel(finding: Finding, locale: Locale): string {
  if (finding.decision?.expired === true) {
    return locale === 'fr'
      ? `ouvert (décision ${finding.decision.id} à revoir depuis le ${finding.decision.reviewDate ?? '?'})`
      : `open (decision ${finding.decision.id} due for review since ${finding.decision.reviewDate ?? '?'})`;
  }
  return STATUS_LABEL[locale][finding.status];
}

/** Number of findings per severity, open ones only. */
export function countBySeverity(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
    FindingSeverity,
    number
  >;
  for (const finding of findings) if (finding.status === 'open') counts[finding.severity] += 1;
  return counts;
}

/** Findings as CSV: one row per finding, subjects joined by spaces. */
export function findingsToCsv(findings: readonly Finding[], locale: Locale): string {
  const header =
    locale === 'fr'
      ? [
          'id',
          'règle',
          'famille',
          'gravité',
          'vraisemblance',
          'impact',
          'statut',
          'titre',
          'détail',
          'entités',
          'remédiation',
          'références',
        ]
      : [
          'id',
          'rule',
          'family',
          'severity',
          'likelihood',
          'impact',
          'status',
          'title',
          'detail',
          'entities',
          'remediation',
          'references',
        ];
  return toCsv([
    header,
    ...findings.map((f) => [
      f.id,
      f.ruleId,
      f.family,
      severityLabel(f.severity, locale),
      f.likelihood,
      f.impact,
      statusLabel(f, locale),
      f.title,
      f.detail,
      f.subjects.join(' '),
      f.remediation,
      [
        ...f.references.anssi.map((r) => `ANSSI ${r}`),
        ...(f.references.iso27002 ?? []).map((r) => `ISO ${r}`),
      ].join(' '),
    ]),
  ]);
}

const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]|<>])/g, '\\$1');

/** Findings as a Markdown section: a summary table, then one entry per finding. */
export function findingsToMarkdown(findings: readonly Finding[], locale: Locale): string {
  const fr = locale === 'fr';
  const counts = countBySeverity(findings);
  const lines = [
    `## ${fr ? 'Constats' : 'Findings'}`,
    '',
    `| ${fr ? 'gravité' : 'severity'} | ${fr ? 'ouverts' : 'open'} |`,
    '|---|---:|',
    ...SEVERITIES.map((s) => `| ${severityLabel(s, locale)} | ${counts[s]} |`),
    '',
  ];
  for (const f of findings) {
    lines.push(`### ${escapeMarkdown(f.title)} — \`${f.id}\``, '');
    const colon = fr ? '\u00a0:' : ':';
    const references = [
      ...f.references.anssi.map((r) => `ANSSI ${r}`),
      ...(f.references.iso27002 ?? []).map((r) => `ISO 27002 ${r}`),
      ...(f.references.cwe ?? []),
      ...(f.references.attack ?? []).map((r) => `ATT&CK ${r}`),
    ];
    const decision =
      f.decision === undefined ? '' : ` — ${escapeMarkdown(f.decision.justification)}`;
    lines.push(
      `- **${fr ? 'Gravité' : 'Severity'}**${colon} ${severityLabel(f.severity, locale)} (${fr ? 'vraisemblance' : 'likelihood'} ${f.likelihood} × impact ${f.impact})`,
      `- **${fr ? 'Statut' : 'Status'}**${colon} ${statusLabel(f, locale)}${decision}`,
      `- **${fr ? 'Entités' : 'Entities'}**${colon} ${f.subjects.map((s) => `\`${s}\``).join(', ')}`,
      `- **${fr ? 'Constat' : 'Detail'}**${colon} ${escapeMarkdown(f.detail)}`,
      `- **${fr ? 'Remédiation' : 'Remediation'}**${colon} ${escapeMarkdown(f.remediation)}`,
      `- **${fr ? 'Références' : 'References'}**${colon} ${references.join(', ')}`,
      '',
    );
  }
  return lines.join('\n');
}
