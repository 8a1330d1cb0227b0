/**
 * `vigie audit run --scope <file> [--model <m>] [--vantage <zone>] [--name <n>] [-o results.json]
 * [--fail-on <severity>]`: a campaign over a scope file. Progress goes to standard error, the
 * results (JSON, format v1) to `-o` or standard output, and a table of the findings at the end.
 * A scope file with errors is refused with located diagnostics before any packet is sent.
 */
import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { basename } from 'node:path';
import { runCampaign } from '../../../audit/campaign/run.js';
import { nodeNet } from '../../../audit/net/node-net.js';
import {
  MAX_SCOPE_BYTES,
  parseScope,
  resolveScope,
  type ResolvedScope,
} from '../../../audit/scope/index.js';
import type { AuditResults } from '../../../audit/types.js';
import { readInputText } from '../../../io/file-access.js';
import type { ModelGraph } from '../../../model/graph.js';
import { paint, UsageError, type CommandContext, type ParsedArgs } from '../../context.js';
import { EXIT, printError } from '../../failure.js';
import { loadModelAt } from '../../load-path.js';
import { withCommandOutput } from '../../output.js';
import { VERSION } from '../../version.js';
import { formatDiagnostic } from '../validate.js';
import { todayOf } from '../pra/options.js';
import { failOnExit, findingsTable, severityCounts } from './common.js';
import { progressPrinter } from './progress.js';

export interface LoadedModel {
  readonly graph: ModelGraph;
  readonly name: string;
  readonly digest: string;
}

/** The model of `--model`, refused when it has errors (drift against a broken model misleads). */
export async function modelOf(
  ctx: CommandContext,
  path: unknown,
): Promise<LoadedModel | undefined> {
  if (typeof path !== 'string') return undefined;
  const { result, readable } = await loadModelAt(ctx, path);
  if (!readable || !result.valid) {
    for (const d of result.diagnostics.filter((x) => x.severity === 'error').slice(0, 20))
      ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
    throw new UsageError(ctx.t('cli.audit.model-invalid', { path }));
  }
  const digest = createHash('sha256').update(JSON.stringify(result.model)).digest('hex');
  return { graph: result.graph, name: result.model.organisation?.name ?? basename(path), digest };
}

/** `--vantage`: a zone of the model. */
export function vantageOf(
  ctx: CommandContext,
  value: unknown,
  model: LoadedModel | undefined,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (model === undefined) throw new UsageError(ctx.t('cli.audit.vantage-needs-model'));
  if (model.graph.zone(value) === undefined) {
    const zones = model.graph.model.zones.map((z) => z.id).join(', ');
    throw new UsageError(ctx.t('cli.audit.vantage-unknown', { zone: value, zones }));
  }
  return value;
}

/** Prints the findings table and the summary line; returns the exit code `--fail-on` gives. */
export function printSummary(
  ctx: CommandContext,
  results: AuditResults,
  failOn: unknown,
  printTable: ((text: string) => void) | null,
): number {
  const { t } = ctx;
  printTable?.(`${findingsTable(ctx, results.findings)}\n`);
  const open = results.hosts.reduce((n, h) => n + h.open.length, 0);
  ctx.stderr(
    `${paint(ctx, 'bold', t('cli.audit.done', { name: results.campaign.name, hosts: results.hosts.length, open, findings: results.findings.length, seconds: (results.stats.durationMs / 1000).toFixed(1), connections: results.stats.connections }))}\n`,
  );
  ctx.stderr(`${t('cli.audit.by-severity', { counts: severityCounts(ctx, results.findings) })}\n`);
  if (results.refused.length > 0)
    ctx.stderr(`${t('cli.audit.refused-count', { count: results.refused.length })}\n`);
  if (results.errors.length > 0)
    ctx.stderr(`${t('cli.audit.errors-count', { count: results.errors.length })}\n`);
  return failOnExit(results.findings, failOn);
}

/** Resolves names with the system's resolver (the CLI's only name lookups). */
export async function systemResolve(name: string): Promise<string[]> {
  return (await lookup(name, { all: true })).map((a) => a.address);
}

/**
 * Parses and resolves a scope, printing its diagnostics; null (after saying nothing was sent)
 * when it has errors.
 */
export async function loadScopeText(
  ctx: CommandContext,
  text: string,
  file: string,
  graph: ModelGraph | undefined,
): Promise<(ResolvedScope & { readonly name: string }) | null> {
  const parsed = parseScope(text, file, ctx.locale);
  const resolved =
    parsed.scope === null
      ? null
      : await resolveScope(parsed.scope, {
          ...(graph === undefined ? {} : { graph }),
          resolve: systemResolve,
          locale: ctx.locale,
        });
  const diagnostics = [...parsed.diagnostics, ...(resolved?.diagnostics ?? [])];
  for (const d of diagnostics) ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
  if (resolved === null || diagnostics.some((d) => d.severity === 'error')) {
    printError(ctx, ctx.t('cli.audit.scope-invalid', { file }));
    return null;
  }
  return { ...resolved, name: parsed.scope?.name ?? basename(file) };
}

export async function loadScope(
  ctx: CommandContext,
  file: string,
  graph: ModelGraph | undefined,
): Promise<(ResolvedScope & { readonly name: string }) | null> {
  return loadScopeText(ctx, await readInputText(file, { maxBytes: MAX_SCOPE_BYTES }), file, graph);
}

export async function runCampaignCommand(
  ctx: CommandContext,
  values: ParsedArgs['values'],
): Promise<number> {
  const { t } = ctx;
  const scopeFile = values.scope;
  if (typeof scopeFile !== 'string')
    throw new UsageError(t('cli.error.missing-option', { option: '--scope <file>' }));
  const model = await modelOf(ctx, values.model);
  const vantage = vantageOf(ctx, values.vantage, model);
  const today = await todayOf(
    ctx,
    typeof values.model === 'string' ? values.model : undefined,
    values,
  );
  const resolved = await loadScope(ctx, scopeFile, model?.graph);
  if (resolved === null) return EXIT.bad;
  const scope = vantage === undefined ? resolved : { ...resolved, vantage };
  return withCommandOutput(ctx, values.output, async (out) => {
    const progress = progressPrinter(ctx);
    const controller = new AbortController();
    const stop = (): void => {
      controller.abort();
    };
    process.once('SIGINT', stop);
    let results: AuditResults;
    try {
      results = await runCampaign({
        scope,
        ...(model === undefined
          ? {}
          : { graph: model.graph, model: { name: model.name, digest: model.digest } }),
        name: typeof values.name === 'string' ? values.name : scope.name,
        today,
        net: nodeNet(),
        onProgress: progress.onProgress,
        signal: controller.signal,
        scopeFile,
        portsLabel: resolved.portsLabel,
        toolVersion: VERSION,
      });
    } finally {
      process.removeListener('SIGINT', stop);
      progress.finish();
    }
    await out.write(`${JSON.stringify(results, null, 2)}\n`);
    await out.commit();
    if (out.file !== undefined) ctx.stderr(`${t('cli.written', { file: out.file })}\n`);
    if (controller.signal.aborted) ctx.stderr(`${t('cli.audit.stopped')}\n`);
    // the table goes to standard output unless the results do
    return printSummary(
      ctx,
      results,
      values['fail-on'],
      out.file === undefined ? ctx.stderr : ctx.stdout,
    );
  });
}
