/**
 * The last phase of `vigie analyze`: the findings and attack paths as the text of the chosen
 * format (table for a terminal, JSON, SARIF, CSV, Markdown). Pure text, written by the command.
 */
import type { AttackPathAnalysis } from '../../design/attack/index.js';
import type { Finding } from '../../design/findings.js';
import type { Rule } from '../../design/rule.js';
import { chokeRows, pathRows, pathsToMarkdown } from '../../design/output/paths-text.js';
import { toSarif } from '../../design/output/sarif.js';
import {
  countBySeverity,
  findingsToCsv,
  findingsToMarkdown,
  severityLabel,
  statusLabel,
} from '../../design/output/findings-text.js';
import {
  countRootCausesBySeverity,
  groupRootCauses,
  type RootCause,
} from '../../design/root-causes.js';
import type { LoadResult } from '../../model/load.js';
import { paint, type CommandContext } from '../context.js';
import { renderTable } from '../table.js';
import { VERSION } from '../version.js';

const SEVERITY_COLOUR = { critical: 'red', high: 'red', medium: 'yellow', low: 'cyan' } as const;

/** What the analysis produced, for the formats. */
export interface AnalyzeReport {
  /** The model's path as given (the Markdown title when the organisation has no name). */
  readonly path: string;
  readonly result: LoadResult;
  readonly rules: readonly Rule[];
  readonly findings: readonly Finding[];
  /** Absent with `--no-paths`. */
  readonly attack: AttackPathAnalysis | undefined;
}

/** The report as the text of `format` (`table` for anything else). */
export function formatAnalysis(
  ctx: CommandContext,
  format: unknown,
  report: AnalyzeReport,
): string {
  const { t } = ctx;
  const { findings, attack, result, rules } = report;
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          findings,
          rootCauses: groupRootCauses(findings).map(rootCauseJson),
          attackPaths: attack?.paths ?? [],
          chokePoints: attack?.chokePoints ?? [],
          sources: attack?.sources ?? [],
          targets: attack?.targets ?? [],
        },
        null,
        2,
      )}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif({ rules, findings, locale: ctx.locale, version: VERSION, locate: (id) => result.locate(id) }), null, 2)}\n`;
    case 'csv':
      return findingsToCsv(findings, ctx.locale);
    case 'markdown':
      return `# ${t('cli.analyze.title', { organisation: result.model.organisation?.name ?? report.path })}\n\n${findingsToMarkdown(findings, ctx.locale)}\n${attack === undefined ? '' : pathsToMarkdown(attack, ctx.locale)}`;
    default:
      return [
        ...findingsTable(ctx, findings, rules.length),
        ...(attack === undefined ? [] : attackTables(ctx, attack)),
      ].join('\n');
  }
}

/** A root cause in the JSON output: its facets by finding id (the findings list has them whole). */
function rootCauseJson(cause: RootCause): object {
  return {
    id: cause.id,
    key: cause.key,
    severity: cause.severity,
    status: cause.status,
    title: cause.title,
    findings: cause.facets.map((facet) => facet.id),
  };
}

/** One row per root cause with one finding; a root cause of several, then its findings indented. */
function findingRows(ctx: CommandContext, causes: readonly RootCause[]): string[][] {
  const { t } = ctx;
  const row = (f: Finding, indent: string): string[] => [
    paint(ctx, SEVERITY_COLOUR[f.severity], severityLabel(f.severity, ctx.locale)),
    `${indent}${f.id}`,
    f.title,
    statusLabel(f, ctx.locale),
  ];
  return causes.flatMap((cause) => {
    const [lead] = cause.facets;
    if (lead === undefined) return [];
    if (cause.facets.length === 1) return [row(lead, '')];
    return [
      [
        paint(ctx, SEVERITY_COLOUR[cause.severity], severityLabel(cause.severity, ctx.locale)),
        cause.id,
        t('cli.analyze.root-cause', { findings: cause.facets.length, title: cause.title }),
        statusLabel(lead, ctx.locale),
      ],
      ...cause.facets.map((f) => row(f, '  ')),
    ];
  });
}

function findingsTable(
  ctx: CommandContext,
  findings: readonly Finding[],
  ruleCount: number,
): string[] {
  const { t } = ctx;
  const counts = countBySeverity(findings);
  const causes = groupRootCauses(findings);
  const causeCounts = countRootCausesBySeverity(causes);
  const rows = findingRows(ctx, causes);
  return [
    renderTable([
      [
        t('cli.analyze.severity'),
        t('cli.analyze.finding'),
        t('cli.analyze.title-column'),
        t('cli.analyze.status'),
      ],
      ...rows,
    ]),
    '',
    t('cli.analyze.totals', {
      causes: causes.length,
      total: findings.length,
      critical: causeCounts.critical,
      high: causeCounts.high,
      medium: causeCounts.medium,
      low: causeCounts.low,
      open: counts.critical + counts.high + counts.medium + counts.low,
      rules: ruleCount,
    }),
    '',
  ];
}

function attackTables(ctx: CommandContext, attack: AttackPathAnalysis): string[] {
  const { t } = ctx;
  return [
    paint(
      ctx,
      'bold',
      t('cli.analyze.paths-heading', {
        paths: attack.paths.length,
        sources: attack.sources.length,
        targets: attack.targets.length,
      }),
    ),
    renderTable([
      [t('cli.analyze.score'), t('cli.analyze.target'), t('cli.analyze.route'), 'ATT&CK'],
      ...pathRows(attack.paths, 15),
    ]),
    '',
    paint(ctx, 'bold', t('cli.analyze.choke-heading')),
    renderTable([
      [
        t('cli.analyze.paths-cut'),
        t('cli.analyze.element'),
        t('cli.analyze.action'),
        t('cli.analyze.cost'),
        t('cli.analyze.targets'),
      ],
      ...chokeRows(attack.chokePoints, 10, ctx.locale),
    ]),
    '',
  ];
}
