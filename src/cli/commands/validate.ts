import type { Diagnostic } from '../../domain/diagnostic.js';
import { paint, type Command, type CommandContext } from '../context.js';
import { loadModelAt } from '../load-path.js';

const SEVERITY_COLOUR = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/** `file:line:col severity code message` (position left out when there is none). */
export function formatDiagnostic(ctx: CommandContext, d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const severity = paint(ctx, SEVERITY_COLOUR[d.severity], d.severity);
  return `${where} ${severity} ${paint(ctx, 'dim', d.code)} ${d.message}`;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'cli.validate.summary',
  usage: '<path> [--format text|json]',
  positionals: { min: 1, max: 1, names: '<path>' },
  found: 'cli.exit.model-invalid',
  options: {
    format: { type: 'string', description: 'cli.option.format', values: ['text', 'json'] },
  },
  async run(ctx, { values, positionals }) {
    const path = positionals[0] ?? '.';
    const { result, readable } = await loadModelAt(ctx, path);
    const exit = !readable ? 2 : result.valid ? 0 : 1;
    if (values.format === 'json') {
      ctx.stdout(
        `${JSON.stringify({ valid: result.valid && readable, diagnostics: result.diagnostics }, null, 2)}\n`,
      );
      return exit;
    }
    for (const diagnostic of result.diagnostics)
      ctx.stdout(`${formatDiagnostic(ctx, diagnostic)}\n`);
    const count = (severity: Diagnostic['severity']): number =>
      result.diagnostics.filter((d) => d.severity === severity).length;
    const counts = {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      files: result.files.length,
    };
    const line =
      result.valid && readable
        ? paint(ctx, 'green', ctx.t('cli.validate.valid', counts))
        : paint(ctx, 'red', ctx.t('cli.validate.invalid', counts));
    (exit === 0 ? ctx.stdout : ctx.stderr)(`${line}\n`);
    return exit;
  },
};
