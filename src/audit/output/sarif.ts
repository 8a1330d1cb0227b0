/**
 * An audit campaign's findings as a SARIF 2.1.0 log: one run, one reporting descriptor per check
 * that fired, one result per finding located by its target (SARIF's logical locations: the
 * audit looks at servers, not files) and the model entities it concerns. The CVSS score is the
 * `security-severity` code-scanning tools read.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Locale } from '../../i18n/index.js';
import type { AuditFinding, AuditResults, Severity } from '../types.js';

const LEVELS: Readonly<Record<Severity, Result.level>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'none',
};

function descriptor(finding: AuditFinding, locale: Locale): ReportingDescriptor {
  const references = finding.references.map(
    (r) => `${r.source.toUpperCase()} ${r.id}${r.url === undefined ? '' : ` <${r.url}>`}`,
  );
  return {
    id: finding.check,
    name: finding.check
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(''),
    shortDescription: { text: finding.title[locale] },
    help: {
      text: `${finding.remediation[locale]}\n${references.join('\n')}`,
      markdown: `${finding.remediation[locale]}\n\n${references.map((r) => `- ${r}`).join('\n')}`,
    },
    defaultConfiguration: { level: LEVELS[finding.severity] },
    properties: { tags: ['security', `audit-${finding.domain}`], domain: finding.domain },
  };
}

export interface AuditSarifOptions {
  readonly locale: Locale;
}

export function auditToSarif(results: AuditResults, options: AuditSarifOptions): Log {
  const { locale } = options;
  const rules: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  for (const finding of results.findings) {
    if (index.has(finding.check)) continue;
    index.set(finding.check, rules.length);
    rules.push(descriptor(finding, locale));
  }
  const sarifResults: Result[] = results.findings.map((finding) => ({
    ruleId: finding.check,
    ruleIndex: index.get(finding.check) ?? -1,
    level: LEVELS[finding.severity],
    message: { text: `${finding.title[locale]}: ${finding.detail[locale]}` },
    locations: [
      {
        logicalLocations: [
          { fullyQualifiedName: finding.subject, kind: 'resource' },
          ...finding.entities.map((entity) => ({ fullyQualifiedName: entity, kind: 'module' })),
        ],
      },
    ],
    partialFingerprints: { vigieAuditFindingId: finding.id },
    properties: {
      severity: finding.severity,
      cvssVector: finding.cvss.vector,
      'security-severity': finding.cvss.score.toFixed(1),
      evidence: finding.evidence,
      entities: [...finding.entities],
    },
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Vigie',
            version: results.campaign.tool.version,
            informationUri: 'https://github.com/vigie-securite/vigie',
            rules,
          },
        },
        language: locale,
        automationDetails: { id: `vigie-audit/${results.campaign.id}` },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: results.campaign.startedAt,
            endTimeUtc: results.campaign.finishedAt,
          },
        ],
        results: sarifResults,
      },
    ],
  };
}
