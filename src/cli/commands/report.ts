import { buildAnalysisReport } from '../../documents/analysis-report/build-analysis-report.js';
import { UsageError, type Command } from '../context.js';
import { DOCUMENT_OPTIONS, runDocumentCommand } from '../document-command.js';

/** Report kinds `vigie report <kind>` writes (later issues add theirs: PRA, audit, incident). */
const KINDS = ['analysis'] as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'cli.report.summary',
  usage:
    'analysis <path> [--format html|pdf|docx|md] [-o file] [--date YYYY-MM-DD] [--doc-version 1.0] [--author name] [--classification text]',
  positionals: { min: 2, max: 2, names: 'analysis <path>' },
  options: DOCUMENT_OPTIONS,
  async run(ctx, { values, positionals }) {
    const [kind, path] = positionals;
    if (!KINDS.includes(kind as (typeof KINDS)[number]))
      throw new UsageError(ctx.t('cli.report.unknown-kind', { kind: kind ?? '' }));
    return runDocumentCommand(
      ctx,
      { values, positionals: [path ?? '.'] },
      (input, diagrams, settings) => buildAnalysisReport(input, diagrams, settings),
    );
  },
};
