import { ganttSvg } from '../../../diagrams/gantt.js';
import { buildPra } from '../../../documents/pra/index.js';
import { DOCUMENT_FORMATS } from '../../../documents/render/index.js';
import { UsageError, type CommandContext, type ParsedArgs } from '../../context.js';
import { runDocumentCommand } from '../../document-command.js';

/** The number of teams of `--teams`, if given (a whole number from 1 to 999). */
function teamsOf(ctx: CommandContext, value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const teams = Number(value);
  if (!/^\d{1,3}$/.test(value) || teams < 1)
    throw new UsageError(ctx.t('cli.pra.bad-teams', { value }));
  return teams;
}

/**
 * `vigie pra <model> --format html|pdf|docx|md -o file [--today YYYY-MM-DD] [--teams n]`: the
 * disaster recovery plan document, as `vigie dat` writes the DAT — the model's language unless
 * `--lang` says otherwise, binary formats only to a file, bad input exit 2. `--today` is the
 * date of the analysis and of the document.
 */
export async function runDocument(
  ctx: CommandContext,
  modelPath: string,
  values: ParsedArgs['values'],
): Promise<number> {
  const format = values.format;
  if (typeof format === 'string' && !(DOCUMENT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      ctx.t('cli.error.bad-value', {
        value: format,
        option: 'format',
        allowed: DOCUMENT_FORMATS.join(', '),
      }),
    );
  if (typeof values.scenario === 'string')
    throw new UsageError(ctx.t('cli.pra.scenario-only-simulate', { action: modelPath }));
  const teams = teamsOf(ctx, values.teams);
  const documentValues: ParsedArgs['values'] = {
    ...values,
    ...(typeof values.today === 'string' ? { date: values.today } : {}),
  };
  return runDocumentCommand(
    ctx,
    { values: documentValues, positionals: [modelPath] },
    (input, _diagrams, settings) =>
      Promise.resolve(
        buildPra(input, {
          ...settings,
          ...(teams === undefined ? {} : { teams }),
          gantt: ganttSvg,
        }),
      ),
    { k: 0 },
  );
}
