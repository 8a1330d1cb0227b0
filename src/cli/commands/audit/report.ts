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
import type { AuditResults } from '../../../audit/types.js';
import { buildAuditReport } from '../../../documents/audit-report/index.js';
import {
  isBinaryFormat,
  renderDocument,
  type DocumentFormat,
} from '../../../documents/render/index.js';
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

/** Names of the model's assets and identities, shown beside their ids in the document. */
function namesOf(graph: ModelGraph | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (graph === undefined) return names;
  for (const asset of graph.model.assets) names.set(asset.id, asset.name ?? asset.id);
  for (const identity of graph.model.identities)
    names.set(identity.id, identity.name ?? identity.id);
  return names;
}

/** The audit report document (summary, scope, findings, drift, comparison, plan) rendered. */
async function reportDocument(
  ctx: CommandContext,
  results: AuditResults,
  previous: AuditResults | undefined,
  graph: ModelGraph | undefined,
  format: DocumentFormat,
  values: ParsedArgs['values'],
): Promise<Uint8Array> {
  const today = results.campaign.finishedAt.slice(0, 10);
  const plan = buildActionPlan(results, { ...(graph === undefined ? {} : { graph }), today });
  const document = buildAuditReport(
    {
      results,
      locale: ctx.locale,
      plan: plan.map((item) => ({
        id: item.id,
        title: item.title,
        severity: item.severity,
        findings: item.findings,
        owner: item.owner,
        due: item.due,
        status: item.status,
      })),
      names: namesOf(graph),
      ...(previous === undefined
        ? {}
        : { previous: { results: previous, comparison: compareCampaigns(previous, results) } }),
    },
    {
      version: '1.0',
      date: today,
      author: typeof values.author === 'string' ? values.author.slice(0, 200) : 'Vigie',
      classification:
        typeof values.classification === 'string'
          ? values.classification.slice(0, 120)
          : ctx.t('cli.document.default-classification'),
    },
  );
  return (await renderDocument(document, format)).bytes;
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
  if (isBinaryFormat(format as DocumentFormat) && typeof values.output !== 'string')
    throw new UsageError(t('cli.document.binary-output', { format }));
  const results = await readResults(ctx, file);
  if (results === null) return EXIT.bad;
  const previousFile = typeof values.previous === 'string' ? values.previous : undefined;
  const previous = previousFile === undefined ? undefined : await readResults(ctx, previousFile);
  if (previous === null) return EXIT.bad;
  const graph = await graphOf(ctx, values.model);
  const today = results.campaign.finishedAt.slice(0, 10);
  let data: string | Uint8Array;
  if (DOCUMENT_FORMATS.has(format)) {
    data = await reportDocument(ctx, results, previous, graph, format as DocumentFormat, values);
  } else if (format === 'sarif')
    data = `${JSON.stringify(auditToSarif(results, { locale }), null, 2)}\n`;
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
  // writeOutput says where it wrote
  await writeOutput(ctx, values.output, data);
  return EXIT.ok;
}
