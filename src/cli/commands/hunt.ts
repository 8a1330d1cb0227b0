import { createWriteStream } from 'node:fs';
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
import { paint, UsageError, type Command, type CommandContext } from '../context.js';
import { applyPipeline } from '../../supervision/sigma/pipeline/index.js';
import {
  formatSigmaDiagnostic,
  listFiles,
  loadPipelines,
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

export const huntCommand: Command = {
  name: 'hunt',
  summary: 'cli.hunt.summary',
  usage:
    '--rules <file|dir>… [--pipeline <name|file>…] [--format table|jsonl|json|csv|sarif] <logs…>',
  positionals: { min: 1, max: 100_000, names: '<logs…>' },
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
    const { t, locale } = ctx;
    const rulePaths = Array.isArray(values.rules)
      ? values.rules
      : typeof values.rules === 'string'
        ? [values.rules]
        : [];
    if (rulePaths.length === 0)
      throw new UsageError(t('cli.error.missing-option', { option: '--rules <file|dir>' }));
    const format = typeof values.format === 'string' ? values.format : 'table';

    const pipelineRefs = Array.isArray(values.pipeline)
      ? values.pipeline
      : typeof values.pipeline === 'string'
        ? [values.pipeline]
        : [];
    const loaded = await loadPipelines(pipelineRefs);
    for (const d of loaded.diagnostics) ctx.stderr(`${formatSigmaDiagnostic(ctx, d, locale)}\n`);
    if (loaded.diagnostics.some((d) => d.severity === 'error')) return 2;

    const { sources, unreadable } = await readRuleSources(rulePaths);
    for (const file of unreadable)
      ctx.stderr(`${file} error file-unreadable ${t('diag.path-not-found')}\n`);
    const prepared = prepareRules(
      sources,
      loaded.pipelines.length === 0 ? {} : { pipeline: applyPipeline(loaded.pipelines) },
    );
    const ruleErrors = prepared.diagnostics.filter((d) => d.severity === 'error');
    for (const d of ruleErrors.slice(0, MAX_PRINTED_INPUT_PROBLEMS))
      ctx.stderr(`${formatSigmaDiagnostic(ctx, d, locale)}\n`);
    if (ruleErrors.length > MAX_PRINTED_INPUT_PROBLEMS) {
      ctx.stderr(
        `${t('cli.hunt.more-problems', { count: ruleErrors.length - MAX_PRINTED_INPUT_PROBLEMS })}\n`,
      );
    }
    const usable = prepared.rules.filter((r) => r.compiled).length + prepared.correlations.length;
    if (usable === 0) {
      ctx.stderr(`${t('cli.hunt.no-rules')}\n`);
      return 2;
    }

    const { files: logFiles, missing } = await listFiles(positionals, undefined);
    for (const path of missing)
      ctx.stderr(`${path} error file-unreadable ${t('diag.path-not-found')}\n`);
    if (logFiles.length === 0) return 2;

    const out = typeof values.output === 'string' ? createWriteStream(values.output) : undefined;
    const write = (text: string): void => {
      if (out === undefined) ctx.stdout(text);
      else out.write(text);
    };
    const hunter = new Hunter(prepared);
    const summary = new HuntSummary();
    const collected: Detection[] = [];
    if (format === 'csv') write(`${CSV_HEADER.join(',')}\r\n`);
    const emit = (detection: Detection): void => {
      summary.add(detection);
      if (format === 'jsonl') write(`${JSON.stringify(detectionJson(detection))}\n`);
      else if (format === 'csv') write(`${detectionCsv(detection)}\r\n`);
      else collected.push(detection);
    };

    const progress = progressPrinter(ctx);
    let events = 0;
    let inputProblems = 0;
    for (const file of logFiles) {
      for await (const item of readEvents(file, {
        onProgress: (read, total) => {
          progress(file, read, total, events);
        },
      })) {
        if (isInputDiagnostic(item)) {
          inputProblems += 1;
          if (inputProblems <= MAX_PRINTED_INPUT_PROBLEMS)
            ctx.stderr(`\r${formatSigmaDiagnostic(ctx, item, locale)}\n`);
          continue;
        }
        events += 1;
        for (const detection of hunter.process(item)) emit(detection);
      }
    }
    for (const detection of hunter.finish()) emit(detection);
    for (const d of hunter.diagnostics()) ctx.stderr(`${formatSigmaDiagnostic(ctx, d, locale)}\n`);
    if (ctx.isTTY) ctx.stderr('\r\u001b[K');
    if (inputProblems > MAX_PRINTED_INPUT_PROBLEMS) {
      ctx.stderr(
        `${t('cli.hunt.more-problems', { count: inputProblems - MAX_PRINTED_INPUT_PROBLEMS })}\n`,
      );
    }

    if (format === 'json') write(`${JSON.stringify(collected.map(detectionJson), null, 2)}\n`);
    else if (format === 'sarif')
      write(
        `${JSON.stringify(detectionsToSarif(collected, prepared, VERSION, locale), null, 2)}\n`,
      );
    else if (format === 'table') {
      const rows = [...summary.byRule.entries()]
        .sort((a, b) => b[1].count - a[1].count)
        .map(([id, r]) => [r.level, String(r.count), r.title, id]);
      write(
        `${renderTable([[t('cli.hunt.level'), t('cli.hunt.count'), t('cli.analyze.title-column'), t('cli.rules.id')], ...rows])}\n`,
      );
    }
    await new Promise<void>((resolve) => {
      if (out === undefined) resolve();
      else out.end(resolve);
    });

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
    return summary.total > 0 ? 1 : 0;
  },
};
