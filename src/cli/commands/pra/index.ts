/**
 * `vigie pra`: the disaster recovery plan (CP4). One file per action:
 * - `vigie pra analyze|schedule <model>` (report.ts): business impact, backups, recovery schedule;
 * - `vigie pra simulate <model> --scenario <kind>:<target>` (simulate.ts): a disaster scenario;
 * - `vigie pra <model> --format html|pdf|docx|md -o file` (document.ts): the PRA document.
 */
import { UsageError, type Command } from '../../context.js';
import { runDocument } from './document.js';
import { runReport } from './report.js';
import { runSimulate } from './simulate.js';

const ACTIONS = ['analyze', 'schedule', 'simulate'] as const;
type Action = (typeof ACTIONS)[number];

export const praCommand: Command = {
  name: 'pra',
  summary: 'cli.pra.summary',
  usage:
    'analyze|schedule <path> [--format table|json|markdown] [--teams n] [--today YYYY-MM-DD] [-o file|gantt.svg|gantt.png] | simulate <path> --scenario <kind>:<target> [--teams n] [--format table|json] [--today YYYY-MM-DD] [-o file] | <path> --format html|pdf|docx|md -o file [--teams n] [--today YYYY-MM-DD]',
  positionals: { min: 1, max: 2, names: '[analyze|schedule|simulate] <path>' },
  options: {
    format: {
      type: 'string',
      description: 'cli.option.format',
      values: ['table', 'json', 'markdown', 'html', 'pdf', 'docx', 'md'],
    },
    teams: { type: 'string', description: 'cli.option.teams', placeholder: 'n' },
    scenario: { type: 'string', description: 'cli.option.scenario', placeholder: 'kind:target' },
    today: { type: 'string', description: 'cli.option.today', placeholder: 'YYYY-MM-DD' },
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
  },
  async run(ctx, { values, positionals }) {
    // `vigie pra <model> --format html|pdf|docx|md -o file`: the PRA document
    if (positionals.length === 1 && !(ACTIONS as readonly string[]).includes(positionals[0] ?? ''))
      return runDocument(ctx, positionals[0] ?? '.', values);
    if (positionals.length === 1)
      throw new UsageError(
        ctx.t('cli.error.positionals', { usage: `vigie pra ${praCommand.usage}`, names: '<path>' }),
      );
    const action = positionals[0] as Action;
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new UsageError(ctx.t('cli.pra.bad-action', { action: positionals[0] ?? '' }));
    if (action === 'simulate') return runSimulate(ctx, positionals[1] ?? '.', values);
    if (typeof values.scenario === 'string')
      throw new UsageError(ctx.t('cli.pra.scenario-only-simulate', { action }));
    return runReport(ctx, action, positionals[1] ?? '.', values);
  },
};
