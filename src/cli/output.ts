/**
 * Where a command's result goes: the file of `-o` (written through src/io/output-file.ts, so
 * atomically, and opened before the work so a bad path fails at once) or standard output.
 * Problems are thrown as FileAccessError, which failure.ts turns into exit code 2.
 */
import { openOutput, type OutputOptions, type OutputSink } from '../io/output-file.js';
import type { CommandContext } from './context.js';

/** A command's output; {@link commit} puts the file in place, nothing appears without it. */
export interface CommandOutput {
  /** The `-o` path, or undefined for standard output. */
  readonly file: string | undefined;
  write(data: string | Uint8Array): Promise<void>;
  /** Puts the file under its name (nothing to do on standard output). */
  commit(): Promise<void>;
  /** Drops what was written to the file, unless committed (nothing to do on standard output). */
  abort(): Promise<void>;
}

function toStdout(ctx: CommandContext): CommandOutput {
  return {
    file: undefined,
    write: (data) => {
      ctx.stdout(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
      return Promise.resolve();
    },
    commit: () => Promise.resolve(),
    abort: () => Promise.resolve(),
  };
}

function toFile(sink: OutputSink): CommandOutput {
  return {
    file: sink.path,
    write: (data) => sink.write(data),
    commit: () => sink.commit(),
    abort: () => sink.abort(),
  };
}

/** Opens the output of a command: the file `output` when it is a string, else standard output. */
export async function openCommandOutput(
  ctx: CommandContext,
  output: unknown,
  options: OutputOptions = {},
): Promise<CommandOutput> {
  return typeof output === 'string' ? toFile(await openOutput(output, options)) : toStdout(ctx);
}

/**
 * Runs `body` with the command's output opened (so `-o` is checked before the work) and drops
 * the file if `body` returns without committing it or throws.
 */
export async function withCommandOutput(
  ctx: CommandContext,
  output: unknown,
  body: (out: CommandOutput) => Promise<number>,
  options: OutputOptions = {},
): Promise<number> {
  const out = await openCommandOutput(ctx, output, options);
  try {
    return await body(out);
  } finally {
    await out.abort();
  }
}

/** Writes a whole result to `-o` (then says so on standard error) or to standard output. */
export async function writeOutput(
  ctx: CommandContext,
  output: unknown,
  data: string | Uint8Array,
): Promise<void> {
  const out = await openCommandOutput(ctx, output);
  try {
    await out.write(data);
    await out.commit();
  } finally {
    await out.abort();
  }
  if (out.file !== undefined) ctx.stderr(`${ctx.t('cli.written', { file: out.file })}\n`);
}
