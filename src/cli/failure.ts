/**
 * The one place where the CLI turns a failure into a message and an exit code. Every command
 * exits with 0 (success), 1 (something found, where its help says so), 2 (bad usage, an input
 * that cannot be read, an output that cannot be written) or 70 (an internal error: a bug).
 */
import { dirname } from 'node:path';
import type { MessageKey, Translator } from '../i18n/index.js';
import { FileAccessError } from '../io/file-access.js';
import { paint, UsageError, type CommandContext } from './context.js';

/** The exit codes of `vigie`, and nothing else. */
export const EXIT = { ok: 0, found: 1, bad: 2, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** `cannot write /dev/full: no space left on the device (ENOSPC)`, in the user's language. */
export function fileErrorMessage(t: Translator, error: FileAccessError): string {
  const { problem, path, mode, errno, limit } = error;
  const head = t(mode === 'read' ? 'cli.file.cannot-read' : 'cli.file.cannot-write', { path });
  const key: MessageKey = `cli.file.${problem}`;
  const detail = t(key, {
    dir: dirname(path),
    detail: errno ?? '',
    limit: limit === undefined ? '' : t.number(limit / 1_048_576, 1),
  });
  const code = errno === undefined || problem === 'failed' ? '' : ` (${errno})`;
  return `${head}${t('punct.colon')} ${detail}${code}.`;
}

/** Prints `error: <message>` on standard error. */
export function printError(ctx: CommandContext, message: string): void {
  ctx.stderr(`${paint(ctx, 'red', ctx.t('severity.error'))}: ${message}\n`);
}

/**
 * Prints what went wrong and returns the exit code: 2 for bad usage (with a pointer to the help)
 * and for files that cannot be read or written, 70 for anything else (the stack only with
 * `--debug`).
 */
export function reportFailure(ctx: CommandContext, error: unknown, helpCommand: string): number {
  const { t } = ctx;
  if (error instanceof UsageError) {
    printError(ctx, error.message);
    ctx.stderr(`${t('cli.see-help', { command: helpCommand })}\n`);
    return EXIT.bad;
  }
  if (error instanceof FileAccessError) {
    printError(ctx, fileErrorMessage(t, error));
    return EXIT.bad;
  }
  const detail = error instanceof Error ? error.message : String(error);
  printError(ctx, t('cli.error.internal', { detail }));
  if (ctx.debug && error instanceof Error && error.stack !== undefined)
    ctx.stderr(`${error.stack}\n`);
  return EXIT.internal;
}
