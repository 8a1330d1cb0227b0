import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Locale } from '../../i18n/index.js';
import type { Finding, FindingSeverity } from '../findings.js';
import { groupRootCauses, rootCauseId } from '../root-causes.js';
import type { Rule } from '../rule.js';

/** Where an entity is written, for SARIF locations. */
export type Locate = (
  id: string,
) => { readonly file: string; readonly line: number; readonly column: number } | undefined;

export interface SarifOptions {
  readonly rules: readonly Rule[];
  readonly findings: readonly Finding[];
  readonly locale: Locale;
  readonly version: string;
  readonly locate: Locate;
  /** Turns a file name into the URI SARIF viewers resolve (relative to the repository root). */
  readonly uri?: (file: string) => string;
}

const LEVELS: Readonly<Record<FindingSeverity, Result.level>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub code scanning and others read this number (0–10) as the security severity. */
const SECURITY_SEVERITY: Readonly<Record<FindingSeverity, string>> = {
  critical: '9.5',
  high: '7.5',
  medium: '5.0',
  low: '2.0',
};

function descriptor(rule: Rule, locale: Locale): ReportingDescriptor {
  const references = [
    ...rule.references.anssi.map((r) => `ANSSI ${r}`),
    ...(rule.references.iso27002 ?? []).map((r) => `ISO 27002 ${r}`),
    ...(rule.references.cwe ?? []),
    ...(rule.references.attack ?? []).map((r) => `ATT&CK ${r}`),
  ];
  return {
    id: rule.id,
    name: rule.id
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: rule.title[locale] },
    fullDescription: { text: `${rule.description[locale]} ${rule.rationale[locale]}` },
    help: {
      text: `${rule.remediation[locale]}\n${references.join(', ')}`,
      markdown: `${rule.remediation[locale]}\n\n${references.map((r) => `- ${r}`).join('\n')}`,
    },
    defaultConfiguration: { level: rule.likelihood >= 3 ? 'error' : 'warning' },
    properties: { tags: ['security', rule.family, ...references], family: rule.family },
  };
}

/**
 * Findings as a SARIF 2.1.0 log: one run, the rules as the driver's reporting descriptors,
 * one result per finding located where its subject is written in the model. Findings closed by
 * a risk decision carry a SARIF suppression with the justification. Each result names its root
 * cause (`properties.rootCause`, `rc@<entity>`); the run lists the root causes with the ids of
 * their facets (`properties.rootCauses`), so that viewers can show one weakness once.
 */
export function toSarif(options: SarifOptions): Log {
  const { locale } = options;
  const uri = options.uri ?? ((file: string) => file);
  const used = new Set(options.findings.map((f) => f.ruleId));
  const rules = options.rules.filter((rule) => used.has(rule.id));
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const results: Result[] = options.findings.map((finding) => {
    const location = options.locate(finding.subjects[0] ?? '');
    const result: Result = {
      ruleId: finding.ruleId,
      ruleIndex: index.get(finding.ruleId) ?? -1,
      level: LEVELS[finding.severity],
      message: { text: `${finding.title}: ${finding.detail}` },
      locations: [
        {
          ...(location === undefined
            ? {}
            : {
                physicalLocation: {
                  artifactLocation: { uri: uri(location.file) },
                  region: { startLine: location.line, startColumn: location.column },
                },
              }),
          logicalLocations: finding.subjects.map((subject) => ({ fullyQualifiedName: subject })),
        },
      ],
      partialFingerprints: { vigieFindingId: finding.id },
      properties: {
        severity: finding.severity,
        likelihood: finding.likelihood,
        impact: finding.impact,
        'security-severity': SECURITY_SEVERITY[finding.severity],
        rootCause: rootCauseId(finding.rootCause),
      },
    };
    if (finding.decision !== undefined && finding.status !== 'open') {
      result.suppressions = [
        {
          kind: 'external',
          status: 'accepted',
          justification: `${finding.decision.status}: ${finding.decision.justification}`,
        },
      ];
    }
    return result;
  });
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Vigie',
            version: options.version,
            informationUri: 'https://github.com/vigie-securite/vigie',
            rules: rules.map((rule) => descriptor(rule, locale)),
          },
        },
        language: locale,
        results,
        properties: {
          rootCauses: groupRootCauses(options.findings).map((cause) => ({
            id: cause.id,
            severity: cause.severity,
            status: cause.status,
            title: cause.title,
            findings: cause.facets.map((facet) => facet.id),
          })),
        },
      },
    ],
  };
}
