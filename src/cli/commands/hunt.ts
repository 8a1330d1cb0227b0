import type { Detection } from '../../supervision/sigma/engine/detection.js';
import { Hunter, prepareRules } from '../../supervision/sigma/engine/hunt.js';
import {
  CSV_HEADER,
  detectionCsv,
  detectionJson,
  HuntSummary,
} from '../../supervision/sigma/engine/output.js';
import { detectionsToSarif } from '../../supervision/sigma/engine/sarif.js';
import { isInputDiagnostic, readEvents } from '../../supervision/sigma/input/index.js';
import {
  paint,
  UsageError,
  type Command,
  type CommandContext,
  type ParsedArgs,
} from '../context.js';
import { EXIT, printError } from '../failure.js';
import { withCommandOutput, type CommandOutput } from '../output.js';
import { applyPipeline } from '../../supervision/sigma/pipeline/index.js';
import {
  formatSigmaDiagnostic,
  listFiles,
  loadPipelines,
  printUnreadable,
  readRuleSources,
} from '../sigma-files.js';
import { renderTable } from '../table.js';
import { VERSION } from '../version.js';

/** Input diagnostics printed one by one before only counting them. */
const MAX_PRINTED_INPUT_PROBLEMS = 20;

function progressPrinter(
  ctx: CommandContext,
): (file: string, read: number, total: number, events: number) => void {
  let last = 0;
  const start = performance.now();
  return (file, read, total, events) => {
    const now = performance.now();
    if (!ctx.isTTY || now - last < 200) return;
    last = now;
    const percent = total > 0 ? Math.min(100, (read / total) * 100) : 0;
    const rate = events / Math.max(0.001, (now - start) / 1000);
    ctx.stderr(
      `\r${ctx.t('cli.hunt.progress', { file, percent: percent.toFixed(0), events: ctx.t.number(events), rate: ctx.t.number(rate) })}   `,
    );
  };
}

/** Problems met while reading: files that could not be read, and records that were skipped. */
interface ReadProblems {
  /** Error diagnostics of the inputs (a skipped record, a truncated file…). */
  count: number;
  readonly files: Set<string>;
}

/** Reads every log, feeding the hunter; input problems are printed (the first ones) and counted. */
async function huntLogs(
  ctx: CommandContext,
  logFiles: readonly string[],
  hunter: Hunter,
  emit: (detection: Detection) => Promise<void>,
  problems: ReadProblems,
): Promise<number> {
  const progress = progressPrinter(ctx);
  let events = 0;
  let printed = 0;
  for (const file of logFiles) {
    for await (const item of readEvents(file, {
      onProgress: (read, total) => {
        progress(file, read, total, events);
      },
    })) {
      if (isInputDiagnostic(item)) {
        if (item.severity === 'error') {
          problems.count += 1;
          problems.files.add(file);
        }
        printed += 1;
        if (printed <= MAX_PRINTED_INPUT_PROBLEMS)
          ctx.stderr(`\r${formatSigmaDiagnostic(ctx, item, ctx.locale)}\n`);
        continue;
      }
      events += 1;
      for (const detection of hunter.process(item)) await emit(detection);
    }
  }
  if (ctx.isTTY) ctx.stderr('\r\u001b[K');
  if (printed > MAX_PRINTED_INPUT_PROBLEMS) {
    ctx.stderr(
      `${ctx.t('cli.hunt.more-problems', { count: printed - MAX_PRINTED_INPUT_PROBLEMS })}\n`,
    );
  }
  return events;
}

function list(value: string | boolean | readonly string[] | undefined): readonly string[] {
  if (typeof value === 'string') return [value];
  return typeof value === 'object' ? value : [];
}

export const huntCommand: Command = {
  name: 'hunt',
  summary: 'cli.hunt.summary',
  usage:
    '--rules <file|dir>… [--pipeline <name|file>…] [--format table|jsonl|json|csv|sarif] [-o file] <logs…>',
  positionals: { min: 1, max: 100_000, names: '<logs…>' },
  found: 'cli.exit.detections',
  options: {
    rules: {
      type: 'string',
      description: 'cli.option.rules',
      placeholder: 'file|dir',
      multiple: true,
    },
    pipeline: {
      type: 'string',
      description: 'cli.option.pipeline',
      placeholder: 'name|file',
      multiple: true,
    },
    format: {
      type: 'string',
      description: 'cli.option.format',
      values: ['table', 'jsonl', 'json', 'csv', 'sarif'],
    },
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
  },
  async run(ctx, { values, positionals }) {
    const { t } = ctx;
    const rulePaths = list(values.rules);
    if (rulePaths.length === 0)
      throw new UsageError(t('cli.error.missing-option', { option: '--rules <file|dir>' }));
    // opened before the work: a bad -o fails at once, not after reading gigabytes of logs
    return withCommandOutput(ctx, values.output, (out) =>
      hunt(ctx, { values, positionals }, rulePaths, out),
    );
  },
};

async function hunt(
  ctx: CommandContext,
  { values, positionals }: ParsedArgs,
  rulePaths: readonly string[],
  out: CommandOutput,
): Promise<number> {
  const { t, locale } = ctx;
  const format = typeof values.format === 'string' ? values.format : 'table';
  const loaded = await loadPipelines(list(values.pipeline));
  for (const d of loaded.diagnostics) ctx.stderr(`${formatSigmaDiagnostic(ctx, d, locale)}\n`);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) return EXIT.bad;

  const { sources, unreadable: unreadableRules } = await readRuleSources(rulePaths);
  printUnreadable(ctx, unreadableRules);
  const prepared = prepareRules(
    sources,
    loaded.pipelines.length === 0 ? {} : { pipeline: applyPipeline(loaded.pipelines) },
  );
  // rule warnings are `vigie sigma check`'s; what the --pipeline choice changes is shown here
  const ruleProblems = prepared.diagnostics.filter(
    (d) => d.severity === 'error' || d.code.startsWith('pipeline-'),
  );
  for (const d of ruleProblems.slice(0, MAX_PRINTED_INPUT_PROBLEMS))
    ctx.stderr(`${formatSigmaDiagnostic(ctx, d, locale)}\n`);
  if (ruleProblems.length > MAX_PRINTED_INPUT_PROBLEMS) {
    ctx.stderr(
      `${t('cli.hunt.more-problems', { count: ruleProblems.length - MAX_PRINTED_INPUT_PROBLEMS })}\n`,
    );
  }
  const usable = prepared.rules.filter((r) => r.compiled).length + prepared.correlations.length;
  if (usable === 0) {
    ctx.stderr(`${t('cli.hunt.no-rules')}\n`);
    return EXIT.bad;
  }

  const { files: logFiles, unreadable: unreadableLogs } = await listFiles(positionals, undefined);
  printUnreadable(ctx, unreadableLogs);
  if (logFiles.length === 0) return EXIT.bad;

  const hunter = new Hunter(prepared);
  const summary = new HuntSummary();
  const collected: Detection[] = [];
  if (format === 'csv') await out.write(`${CSV_HEADER.join(',')}\r\n`);
  const emit = async (detection: Detection): Promise<void> => {
    summary.add(detection);
    if (format === 'jsonl') await out.write(`${JSON.stringify(detectionJson(detection))}\n`);
    else if (format === 'csv') await out.write(`${detectionCsv(detection)}\r\n`);
    else collected.push(detection);
  };
  const problems: ReadProblems = {
    count: unreadableRules.length + unreadableLogs.length,
    files: new Set([...unreadableRules, ...unreadableLogs].map((e) => e.path)),
  };
  const events = await huntLogs(ctx, logFiles, hunter, emit, problems);
  for (const detection of hunter.finish()) await emit(detection);
  for (const d of hunter.diagnostics()) ctx.stderr(`${formatSigmaDiagnostic(ctx, d, locale)}\n`);

  if (format === 'json')
    await out.write(`${JSON.stringify(collected.map(detectionJson), null, 2)}\n`);
  else if (format === 'sarif')
    await out.write(
      `${JSON.stringify(detectionsToSarif(collected, prepared, VERSION, locale), null, 2)}\n`,
    );
  else if (format === 'table') {
    const rows = [...summary.byRule.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([id, r]) => [r.level, String(r.count), r.title, id]);
    await out.write(
      `${renderTable([[t('cli.hunt.level'), t('cli.hunt.count'), t('cli.analyze.title-column'), t('cli.rules.id')], ...rows])}\n`,
    );
  }
  // what was found is kept even when some input could not be read: the exit code says so
  await out.commit();

  const { levels, tactics } = summary.rows(locale);
  const report = [
    paint(
      ctx,
      'bold',
      t('cli.hunt.done', {
        events: t.number(events),
        files: logFiles.length,
        rules: usable,
        detections: t.number(summary.total),
      }),
    ),
    ...levels.map(([level, count]) => `  ${level}: ${t.number(count)}`),
    ...(tactics.length > 0
      ? [
          t('cli.hunt.by-tactic'),
          ...tactics.map(([tactic, count]) => `  ${tactic}: ${t.number(count)}`),
        ]
      : []),
  ];
  ctx.stderr(`${report.join('\n')}\n`);
  if (out.file !== undefined) ctx.stderr(`${t('cli.written', { file: out.file })}\n`);
  if (problems.count > 0) {
    printError(
      ctx,
      t('cli.hunt.incomplete', { count: problems.count, files: problems.files.size }),
    );
    return EXIT.bad;
  }
  return summary.total > 0 ? EXIT.found : EXIT.ok;
}
