/**
 * `vigie audit report results.json --format json|sarif|csv|html|pdf|docx|md [--lang fr|en]
 * [--previous old.json] [--model m] -o file`: a campaign's results as an exchange format or a
 * document. A corrupt or foreign results file is refused with located diagnostics. The document
 * formats go through the document engine's audit report when this version has it; otherwise they
 * are refused with a clear message (never a stand-in document).
 */
import { buildActionPlan } from '../../../audit/campaign/action-plan.js';
import { compareCampaigns } from '../../../audit/campaign/compare.js';
import { auditToCsv } from '../../../audit/output/csv.js';
import { auditToSarif } from '../../../audit/output/sarif.js';
import type { ModelGraph } from '../../../model/graph.js';
import { UsageError, type CommandContext, type ParsedArgs } from '../../context.js';
import { EXIT } from '../../failure.js';
import { loadModelAt } from '../../load-path.js';
import { writeOutput } from '../../output.js';
import { readResults } from './common.js';

export const REPORT_FORMATS = ['json', 'sarif', 'csv', 'html', 'pdf', 'docx', 'md'] as const;
const DOCUMENT_FORMATS = new Set(['html', 'pdf', 'docx', 'md']);

async function graphOf(ctx: CommandContext, path: unknown): Promise<ModelGraph | undefined> {
  if (typeof path !== 'string') return undefined;
  const { result, readable } = await loadModelAt(ctx, path);
  if (!readable || !result.valid) throw new UsageError(ctx.t('cli.audit.model-invalid', { path }));
  return result.graph;
}

export async function runReport(
  ctx: CommandContext,
  file: string,
  values: ParsedArgs['values'],
): Promise<number> {
  const { t, locale } = ctx;
  const format = typeof values.format === 'string' ? values.format : 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      t('cli.audit.bad-format', { format, action: 'report', allowed: REPORT_FORMATS.join(', ') }),
    );
  if (DOCUMENT_FORMATS.has(format))
    throw new UsageError(t('cli.audit.report-unavailable', { format }));
  const results = await readResults(ctx, file);
  if (results === null) return EXIT.bad;
  const previousFile = typeof values.previous === 'string' ? values.previous : undefined;
  const previous = previousFile === undefined ? undefined : await readResults(ctx, previousFile);
  if (previous === null) return EXIT.bad;
  const graph = await graphOf(ctx, values.model);
  const today = results.campaign.finishedAt.slice(0, 10);
  let data: string;
  if (format === 'sarif') data = `${JSON.stringify(auditToSarif(results, { locale }), null, 2)}\n`;
  else if (format === 'csv') data = auditToCsv(results, locale);
  else {
    const plan = buildActionPlan(results, { ...(graph === undefined ? {} : { graph }), today });
    const comparison = previous === undefined ? undefined : compareCampaigns(previous, results);
    data = `${JSON.stringify({ ...results, plan, ...(comparison === undefined ? {} : { comparison }) }, null, 2)}\n`;
  }
  if (previous !== undefined && previousFile !== undefined) {
    const diff = compareCampaigns(previous, results);
    ctx.stderr(
      `${t('cli.audit.comparison', { file: previousFile, added: diff.added.length, fixed: diff.fixed.length, persisting: diff.persisting.length })}\n`,
    );
  }
  await writeOutput(ctx, values.output, data);
  if (typeof values.output === 'string')
    ctx.stderr(`${t('cli.written', { file: values.output })}\n`);
  return EXIT.ok;
}
