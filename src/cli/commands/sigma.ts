import { prepareRules } from '../../supervision/sigma/engine/hunt.js';
import { UsageError, type Command } from '../context.js';
import { EXIT } from '../failure.js';
import { formatSigmaDiagnostic, printUnreadable, readRuleSources } from '../sigma-files.js';

export const sigmaCommand: Command = {
  name: 'sigma',
  summary: 'cli.sigma.summary',
  usage: 'check <rules…>',
  positionals: { min: 2, max: 100_000, names: 'check <rules…>' },
  found: 'cli.exit.rule-errors',
  options: {},
  async run(ctx, { positionals }) {
    const { t, locale } = ctx;
    const [action, ...paths] = positionals;
    if (action !== 'check')
      throw new UsageError(t('cli.sigma.unknown-action', { action: action ?? '' }));
    const { sources, unreadable } = await readRuleSources(paths);
    printUnreadable(ctx, unreadable);
    if (sources.length === 0) return EXIT.bad;
    const prepared = prepareRules(sources);
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
