import type { Locale, MessageKey, Translator } from '../i18n/index.js';

/** What a command may touch: output streams, environment, working directory. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** True when stdout is a terminal (colours allowed). */
  readonly isTTY: boolean;
}

export interface CommandContext extends CliIO {
  readonly t: Translator;
  readonly locale: Locale;
  readonly color: boolean;
  readonly debug: boolean;
  /**
   * Adopts the language a loaded model asks for (`organisation.locale`) when the user gave no
   * `--lang`: documents and messages about that model then speak its language. Absent in contexts
   * that do not allow it (tests, the platform).
   */
  readonly adoptModelLocale?: (locale: Locale | undefined) => void;
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly description: MessageKey;
  /** Allowed values of a string option. */
  readonly values?: readonly string[];
  readonly placeholder?: string;
  /** The option may be given several times (string options only). */
  readonly multiple?: boolean;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
}

/** One `vigie` sub-command: its interface as data, and a `run` that returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: MessageKey;
  /** Usage after `vigie <name>`, e.g. `<path> [--format table|json]`. */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positionals: { readonly min: number; readonly max: number; readonly names: string };
  /**
   * What exit code 1 means for this command ("something found"), when it uses it. Every command
   * may also exit 0, 2 and 70 (see failure.ts); `--help` and the README list them.
   */
  readonly found?: MessageKey;
  run(ctx: CommandContext, args: ParsedArgs): Promise<number>;
}

/** Error a command throws for bad usage: printed without stack, exit code 2. */
export class UsageError extends Error {
  readonly code = 'usage';
}

const CODES = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;
export type Colour = keyof typeof CODES;

/** Colours text only when the output is a terminal and NO_COLOR is unset. */
export function paint(ctx: Pick<CommandContext, 'color'>, colour: Colour, text: string): string {
  return ctx.color ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}
