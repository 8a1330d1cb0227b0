/**
 * `vigie pra`: the disaster recovery plan (CP4). One file per action:
 * - `vigie pra analyze|schedule <model>` (report.ts): business impact, backups, recovery schedule;
 * - `vigie pra simulate <model> --scenario <kind>:<target>` (simulate.ts): a disaster scenario;
 * - `vigie pra <model> --format html|pdf|docx|md -o file` (document.ts): the PRA document.
 */
import type { Command } from '../../context.js';
import { runDocument } from './document.js';
import { refuse, todayOf } from './options.js';
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
    const [first = '.', second] = positionals;
    const isAction = (word: string | undefined): boolean =>
      (ACTIONS as readonly string[]).includes(word ?? '');
    // `vigie pra <model> analyze`: the action was put after the model
    if (second !== undefined && !isAction(first) && isAction(second))
      return refuse(ctx, first, (t) => t('cli.pra.action-first', { action: second, path: first }));
    // `--today` is checked for every action, the document's included: a real calendar date
    await todayOf(ctx, second ?? first, values);
    // `vigie pra <model> --format html|pdf|docx|md -o file`: the PRA document
    if (second === undefined && !isAction(first)) return runDocument(ctx, first, values);
    if (second === undefined)
      return refuse(ctx, undefined, (t) =>
        t('cli.error.positionals', { usage: `vigie pra ${praCommand.usage}`, names: '<path>' }),
      );
    if (!isAction(first))
      return refuse(ctx, second, (t) => t('cli.pra.bad-action', { action: first }));
    const action = first as Action;
    if (action === 'simulate') return runSimulate(ctx, second, values);
    if (typeof values.scenario === 'string')
      return refuse(ctx, second, (t) => t('cli.pra.scenario-only-simulate', { action }));
    return runReport(ctx, action, second, values);
  },
};
