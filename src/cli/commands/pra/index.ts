/**
 * `vigie pra`: the disaster recovery plan (CP4). One file per action:
 * - `vigie pra analyze|schedule <model>` (report.ts): business impact, backups, recovery schedule;
 * - `vigie pra simulate <model> --scenario <kind>:<target>` (simulate.ts): a disaster scenario;
 * - `vigie pra <model> --format html|pdf|docx|md -o file` (document.ts): the PRA document.
 */
import { UsageError, type Command } from '../../context.js';
import { runDocument } from './document.js';
import { runReport } from './report.js';

const ACTIONS = ['analyze', 'schedule'] as const;
type Action = (typeof ACTIONS)[number];

export const praCommand: Command = {
  name: 'pra',
  summary: 'cli.pra.summary',
  usage:
    'analyze|schedule <path> [--format table|json|markdown] [--teams n] [--today YYYY-MM-DD] [-o file|gantt.svg|gantt.png] | <path> --format html|pdf|docx|md -o file [--teams n] [--today YYYY-MM-DD]',
  positionals: { min: 1, max: 2, names: '[analyze|schedule] <path>' },
  options: {
    format: {
      type: 'string',
      description: 'cli.option.format',
      values: ['table', 'json', 'markdown', 'html', 'pdf', 'docx', 'md'],
    },
    teams: { type: 'string', description: 'cli.option.teams', placeholder: 'n' },
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
    return runReport(ctx, action, positionals[1] ?? '.', values);
  },
};
