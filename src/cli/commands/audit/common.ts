/**
 * What the `vigie audit` actions share: reading a results file (refused with located
 * diagnostics when corrupt or foreign), the findings table and summary printed at the end,
 * and `--fail-on`.
 */
import { parseResults } from '../../../audit/campaign/results.js';
import { compareFindings } from '../../../audit/findings.js';
import {
  SEVERITIES,
  type AuditFinding,
  type AuditResults,
  type Severity,
} from '../../../audit/types.js';
import { readInputText } from '../../../io/file-access.js';
import { paint, type CommandContext } from '../../context.js';
import { EXIT, printError } from '../../failure.js';
import { renderTable } from '../../table.js';
import { formatDiagnostic } from '../validate.js';

/** Results files are JSON of a campaign: 256 MiB is far beyond any real one. */
const MAX_RESULTS_BYTES = 256 * 1_048_576;

/** Reads and checks a results file; prints its diagnostics and returns null when unusable. */
export async function readResults(ctx: CommandContext, file: string): Promise<AuditResults | null> {
  const text = await readInputText(file, { maxBytes: MAX_RESULTS_BYTES });
  const parsed = parseResults(text, file, ctx.locale);
  if (parsed.ok) return parsed.results;
  printError(ctx, ctx.t('cli.audit.results-invalid', { file }));
  for (const d of parsed.diagnostics) ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
  return null;
}

const SEVERITY_COLOUR = {
  critical: 'red',
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  info: 'dim',
} as const;

/** The findings as an aligned table (most severe first), or a "no finding" line. */
export function findingsTable(ctx: CommandContext, findings: readonly AuditFinding[]): string {
  const { t, locale } = ctx;
  if (findings.length === 0) return t('cli.audit.no-findings');
  const rows = [...findings]
    .sort(compareFindings)
    .map((f) => [
      paint(ctx, SEVERITY_COLOUR[f.severity], f.severity),
      f.cvss.score.toFixed(1),
      f.check,
      f.subject,
      f.entities.join(', '),
      f.detail[locale],
    ]);
  return renderTable(
    [
      [
        t('cli.audit.col.severity'),
        t('cli.audit.col.score'),
        t('cli.audit.col.check'),
        t('cli.audit.col.subject'),
        t('cli.audit.col.entities'),
        t('cli.audit.col.detail'),
      ],
      ...rows,
    ],
    ['l', 'r'],
  );
}

/** `critical 1, high 2, medium 0…` for the summary line. */
export function severityCounts(ctx: CommandContext, findings: readonly AuditFinding[]): string {
  return [...SEVERITIES]
    .reverse()
    .map((s) => `${s} ${findings.filter((f) => f.severity === s).length}`)
    .join(', ');
}

/** Exit 1 when a finding is at or above `--fail-on`, else 0. */
export function failOnExit(findings: readonly AuditFinding[], failOn: unknown): number {
  if (typeof failOn !== 'string') return EXIT.ok;
  const threshold = SEVERITIES.indexOf(failOn as Severity);
  return findings.some((f) => SEVERITIES.indexOf(f.severity) >= threshold) ? EXIT.found : EXIT.ok;
}
