import { prepareRules } from '../../supervision/sigma/engine/hunt.js';
import { applyPipeline } from '../../supervision/sigma/pipeline/index.js';
import { UsageError, type Command } from '../context.js';
import { EXIT } from '../failure.js';
import {
  formatSigmaDiagnostic,
  loadPipelines,
  printUnreadable,
  readRuleSources,
} from '../sigma-files.js';

export const sigmaCommand: Command = {
  name: 'sigma',
  summary: 'cli.sigma.summary',
  usage: 'check [--pipeline <name|file>…] <rules…>',
  positionals: { min: 2, max: 100_000, names: 'check <rules…>' },
  found: 'cli.exit.rule-errors',
  options: {
    pipeline: {
      type: 'string',
      description: 'cli.option.pipeline',
      placeholder: 'name|file',
      multiple: true,
    },
  },
  async run(ctx, { values, positionals }) {
    const { t, locale } = ctx;
    const [action, ...paths] = positionals;
    if (action !== 'check')
      throw new UsageError(t('cli.sigma.unknown-action', { action: action ?? '' }));
    const refs = values.pipeline;
    const loaded = await loadPipelines(typeof refs === 'object' ? refs : []);
    for (const d of loaded.diagnostics) ctx.stderr(`${formatSigmaDiagnostic(ctx, d, locale)}\n`);
    if (loaded.diagnostics.some((d) => d.severity === 'error')) return EXIT.bad;
    const { sources, unreadable } = await readRuleSources(paths);
    printUnreadable(ctx, unreadable);
    if (sources.length === 0) return EXIT.bad;
    // with pipelines, the rules are checked as `vigie hunt --pipeline` would compile them
    const prepared = prepareRules(
      sources,
      loaded.pipelines.length === 0 ? {} : { pipeline: applyPipeline(loaded.pipelines) },
    );
    for (const d of prepared.diagnostics) ctx.stdout(`${formatSigmaDiagnostic(ctx, d, locale)}\n`);
    const errors = prepared.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = prepared.diagnostics.length - errors;
    const { documents, failed } = prepared.counts;
    const line = t('cli.sigma.checked', {
      files: sources.length,
      documents,
      compiled: documents - failed,
      errors,
      warnings,
    });
    (errors > 0 ? ctx.stderr : ctx.stdout)(`${line}\n`);
    return unreadable.length > 0 ? EXIT.bad : errors > 0 ? EXIT.found : EXIT.ok;
  },
};
