import { evaluateRules } from '../../design/analyze-rules.js';
import { analyseAttackPaths } from '../../design/attack/index.js';
import {
  SEVERITIES,
  severityRank,
  type Finding,
  type FindingSeverity,
} from '../../design/findings.js';
import {
  paint,
  UsageError,
  type Command,
  type CommandContext,
  type ParsedArgs,
} from '../context.js';
import { EXIT } from '../failure.js';
import { loadAnalysable } from '../load-rules.js';
import { withCommandOutput } from '../output.js';
import { formatAnalysis, type AnalyzeReport } from './analyze-format.js';

/** Today's date in ISO form, from the clock (the CLI is the edge where the clock is read). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function progress(ctx: CommandContext, label: string): (done: number, total: number) => void {
  if (!ctx.isTTY) return () => undefined;
  return (done, total) => {
    ctx.stderr(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

interface AnalyzeFlags {
  readonly today: string;
  /** Paths per target; absent with `--no-paths`. */
  readonly k: number | undefined;
}

/** Phase 1: the flags, checked before any work. */
function readFlags(ctx: CommandContext, values: ParsedArgs['values']): AnalyzeFlags {
  const { t } = ctx;
  const today = typeof values.today === 'string' ? values.today : todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new UsageError(t('cli.error.bad-date', { value: today }));
  }
  const k = values.k === undefined ? 3 : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new UsageError(t('cli.error.k'));
  return { today, k: values['no-paths'] === true ? undefined : k };
}

/** Phase 2: rules (a failing custom rule is a warning, the others still run), then attack paths. */
function analyse(
  ctx: CommandContext,
  path: string,
  loaded: NonNullable<Awaited<ReturnType<typeof loadAnalysable>>>,
  flags: AnalyzeFlags,
): AnalyzeReport {
  const { t } = ctx;
  const { result, rules } = loaded;
  const analysis = evaluateRules(result.graph, {
    rules,
    locale: ctx.locale,
    today: flags.today,
    onProgress: progress(ctx, t('cli.analyze.progress-rules')),
  });
  for (const failure of analysis.failures) {
    ctx.stderr(
      `${paint(ctx, 'yellow', t('severity.warning'))}: ${t('cli.analyze.rule-failed', { rule: failure.ruleId, detail: failure.message })}\n`,
    );
  }
  const attack =
    flags.k === undefined
      ? undefined
      : analyseAttackPaths(result.graph, {
          needs: analysis.needs,
          k: flags.k,
          today: flags.today,
          onProgress: progress(ctx, t('cli.analyze.progress-paths')),
        });
  return { path, result, rules, findings: analysis.findings, attack };
}

/** Phase 4: `--fail-on` turns an open finding at or above the threshold into exit code 1. */
function exitCode(findings: readonly Finding[], failOn: unknown): number {
  if (typeof failOn !== 'string') return EXIT.ok;
  const threshold = severityRank(failOn as FindingSeverity);
  const failing = findings.some(
    (f) => f.status === 'open' && severityRank(f.severity) >= threshold,
  );
  return failing ? EXIT.found : EXIT.ok;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'cli.analyze.summary',
  usage: '<path> [--format table|json|sarif|csv|markdown] [--fail-on critical|high|medium|low]',
  positionals: { min: 1, max: 1, names: '<path>' },
  found: 'cli.exit.fail-on',
  options: {
    format: {
      type: 'string',
      description: 'cli.option.format',
      values: ['table', 'json', 'sarif', 'csv', 'markdown'],
    },
    'fail-on': { type: 'string', description: 'cli.option.fail-on', values: SEVERITIES },
    today: { type: 'string', description: 'cli.option.today', placeholder: 'YYYY-MM-DD' },
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
    k: { type: 'string', description: 'cli.option.k', placeholder: 'n' },
    'no-paths': { type: 'boolean', description: 'cli.option.no-paths' },
  },
  async run(ctx, { values, positionals }) {
    const flags = readFlags(ctx, values);
    return withCommandOutput(ctx, values.output, async (out) => {
      const path = positionals[0] ?? '.';
      const loaded = await loadAnalysable(ctx, path);
      if (loaded === undefined) return EXIT.bad;
      const report = analyse(ctx, path, loaded, flags);
      // phase 3: the chosen format, written whole
      await out.write(formatAnalysis(ctx, values.format, report));
      await out.commit();
      if (out.file !== undefined) ctx.stderr(`${ctx.t('cli.written', { file: out.file })}\n`);
      return exitCode(report.findings, values['fail-on']);
    });
  },
};
