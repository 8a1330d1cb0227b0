import type { Locale } from '../../i18n/index.js';
import { SEVERITIES, type Finding, type FindingSeverity } from '../findings.js';
import {
  countRootCausesBySeverity,
  groupRootCauses,
  rootCauseId,
  type RootCause,
} from '../root-causes.js';
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

/** Findings as CSV: one row per finding, subjects joined by spaces, its root cause last. */
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
          'cause racine',
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
          'root cause',
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
      rootCauseId(f.rootCause),
    ]),
  ]);
}

const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]|<>])/g, '\\$1');

/**
 * Findings as a Markdown section: a summary table (open root causes and findings per severity),
 * then one entry per root cause with its findings (facets) under it.
 */
export function findingsToMarkdown(findings: readonly Finding[], locale: Locale): string {
  const fr = locale === 'fr';
  const causes = groupRootCauses(findings);
  const counts = countBySeverity(findings);
  const causeCounts = countRootCausesBySeverity(causes);
  const lines = [
    `## ${fr ? 'Constats' : 'Findings'}`,
    '',
    fr
      ? `${causes.length} cause(s) racine(s) regroupant ${findings.length} constat(s).`
      : `${causes.length} root cause(s) grouping ${findings.length} finding(s).`,
    '',
    `| ${fr ? 'gravité' : 'severity'} | ${fr ? 'causes racines ouvertes' : 'open root causes'} | ${fr ? 'constats ouverts' : 'open findings'} |`,
    '|---|---:|---:|',
    ...SEVERITIES.map((s) => `| ${severityLabel(s, locale)} | ${causeCounts[s]} | ${counts[s]} |`),
    '',
  ];
  for (const cause of causes) lines.push(...rootCauseMarkdown(cause, locale));
  return lines.join('\n');
}

function rootCauseMarkdown(cause: RootCause, locale: Locale): string[] {
  const fr = locale === 'fr';
  const [lead] = cause.facets;
  if (lead === undefined) return [];
  if (cause.facets.length === 1) return findingMarkdown(lead, locale, '###');
  const lines = [
    `### \`${cause.key}\`${fr ? '\u00a0:' : ':'} ${escapeMarkdown(cause.title)} — \`${cause.id}\``,
    '',
    fr
      ? `Cause racine de gravité ${severityLabel(cause.severity, locale)} (${statusLabel(lead, locale)}), ${cause.facets.length} constats\u00a0:`
      : `Root cause of ${severityLabel(cause.severity, locale)} severity (${statusLabel(lead, locale)}), ${cause.facets.length} findings:`,
    '',
  ];
  for (const facet of cause.facets) lines.push(...findingMarkdown(facet, locale, '####'));
  return lines;
}

function findingMarkdown(f: Finding, locale: Locale, heading: string): string[] {
  const fr = locale === 'fr';
  const colon = fr ? '\u00a0:' : ':';
  const references = [
    ...f.references.anssi.map((r) => `ANSSI ${r}`),
    ...(f.references.iso27002 ?? []).map((r) => `ISO 27002 ${r}`),
    ...(f.references.cwe ?? []),
    ...(f.references.attack ?? []).map((r) => `ATT&CK ${r}`),
  ];
  const decision = f.decision === undefined ? '' : ` — ${escapeMarkdown(f.decision.justification)}`;
  return [
    `${heading} ${escapeMarkdown(f.title)} — \`${f.id}\``,
    '',
    `- **${fr ? 'Gravité' : 'Severity'}**${colon} ${severityLabel(f.severity, locale)} (${fr ? 'vraisemblance' : 'likelihood'} ${f.likelihood} × impact ${f.impact})`,
    `- **${fr ? 'Statut' : 'Status'}**${colon} ${statusLabel(f, locale)}${decision}`,
    `- **${fr ? 'Entités' : 'Entities'}**${colon} ${f.subjects.map((s) => `\`${s}\``).join(', ')}`,
    `- **${fr ? 'Constat' : 'Detail'}**${colon} ${escapeMarkdown(f.detail)}`,
    `- **${fr ? 'Remédiation' : 'Remediation'}**${colon} ${escapeMarkdown(f.remediation)}`,
    `- **${fr ? 'Références' : 'References'}**${colon} ${references.join(', ')}`,
    '',
  ];
}
