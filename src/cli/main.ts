import { parseArgs } from 'node:util';
import { createTranslator, detectLocale, isLocale, LOCALES, type Locale } from '../i18n/index.js';
import { COMMANDS } from './commands/index.js';
import { toFileAccessError } from '../io/file-access.js';
import { EXIT, fileErrorMessage, reportFailure } from './failure.js';
import {
  paint,
  UsageError,
  type CliIO,
  type Command,
  type CommandContext,
  type OptionSpec,
  type ParsedArgs,
} from './context.js';
import { VERSION } from './version.js';

const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  lang: { type: 'string', description: 'cli.option.lang', values: LOCALES, placeholder: 'fr|en' },
  help: { type: 'boolean', short: 'h', description: 'cli.option.help' },
  version: { type: 'boolean', short: 'V', description: 'cli.option.version' },
  debug: { type: 'boolean', description: 'cli.option.debug' },
  'no-color': { type: 'boolean', description: 'cli.option.no-color' },
};

function optionLine(ctx: CommandContext, name: string, spec: OptionSpec): [string, string] {
  const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
  const value =
    spec.type === 'string' ? ` <${spec.placeholder ?? spec.values?.join('|') ?? 'value'}>` : '';
  return [`  ${short}--${name}${value}`, ctx.t(spec.description)];
}

function formatOptions(ctx: CommandContext, options: Readonly<Record<string, OptionSpec>>): string {
  const lines = Object.entries(options).map(([name, spec]) => optionLine(ctx, name, spec));
  const width = Math.max(...lines.map(([left]) => left.length)) + 2;
  return lines.map(([left, right]) => left.padEnd(width) + right).join('\n');
}

function mainHelp(ctx: CommandContext): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 4;
  const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${ctx.t(c.summary)}`).join('\n');
  return [
    `${paint(ctx, 'bold', 'vigie')} ${VERSION} — ${ctx.t('cli.tagline')}`,
    '',
    `${ctx.t('cli.usage')}${ctx.t('punct.colon')} vigie <${ctx.t('cli.command')}> [options]`,
    '',
    `${ctx.t('cli.commands')}${ctx.t('punct.colon')}`,
    commands,
    '',
    `${ctx.t('cli.global-options')}${ctx.t('punct.colon')}`,
    formatOptions(ctx, GLOBAL_OPTIONS),
    '',
    ctx.t('cli.more-help'),
    '',
  ].join('\n');
}

/** The exit codes a command can return, as its help lists them. */
function exitCodes(ctx: CommandContext, command: Command): string {
  const codes: [number, string][] = [
    [EXIT.ok, ctx.t('cli.exit.ok')],
    ...(command.found === undefined
      ? []
      : [[EXIT.found, ctx.t(command.found)] as [number, string]]),
    [EXIT.bad, ctx.t('cli.exit.bad')],
    [EXIT.internal, ctx.t('cli.exit.internal')],
  ];
  return codes.map(([code, meaning]) => `  ${String(code).padEnd(4)}${meaning}`).join('\n');
}

function commandHelp(ctx: CommandContext, command: Command): string {
  return [
    `${ctx.t('cli.usage')}${ctx.t('punct.colon')} vigie ${command.name} ${command.usage}`,
    '',
    ctx.t(command.summary),
    '',
    `${ctx.t('cli.options')}${ctx.t('punct.colon')}`,
    formatOptions(ctx, { ...command.options, ...GLOBAL_OPTIONS }),
    '',
    `${ctx.t('cli.exit.heading')}${ctx.t('punct.colon')}`,
    exitCodes(ctx, command),
    '',
  ].join('\n');
}

/** Finds `--lang` before full parsing, so even usage errors are in the right language. */
function localeFlag(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const value = arg.startsWith('--lang=')
      ? arg.slice(7)
      : arg === '--lang'
        ? argv[i + 1]
        : undefined;
    if (value !== undefined && isLocale(value)) return value;
  }
  return undefined;
}

/** Index of the sub-command: the first argument that is neither an option nor `--lang`'s value. */
function findCommand(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--lang') i += 1;
    else if (!arg.startsWith('-')) return i;
  }
  return -1;
}

/**
 * Runs the `vigie` command line and returns the exit code. Never throws: failures are turned into
 * a message and an exit code in one place, `reportFailure` (bad usage, unreadable input or
 * unwritable output: 2; an unexpected failure: 70, with the stack only with `--debug`).
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const flagLocale = localeFlag(argv);
  let locale = flagLocale ?? detectLocale(io.env);
  let translator = createTranslator(locale);
  const debug = argv.includes('--debug');
  const noColor = argv.includes('--no-color') || (io.env.NO_COLOR ?? '') !== '';
  const ctx: CommandContext = {
    ...io,
    get t() {
      return translator;
    },
    get locale() {
      return locale;
    },
    debug,
    color: io.isTTY && !noColor && io.env.TERM !== 'dumb',
    // `--lang` wins; then the model's own language; then the environment's
    adoptModelLocale(modelLocale) {
      if (flagLocale !== undefined || modelLocale === undefined || modelLocale === locale) return;
      locale = modelLocale;
      translator = createTranslator(modelLocale);
    },
  };
  const { t } = ctx;
  const commandIndex = findCommand(argv);
  const name = commandIndex === -1 ? undefined : argv[commandIndex];
  const entry = COMMANDS.find((c) => c.name === name);
  let command: Command | undefined;
  try {
    command = await entry?.load();
    if (command === undefined) {
      if (argv.includes('--version') || argv.includes('-V')) {
        io.stdout(`${VERSION}\n`);
        return 0;
      }
      if (name !== undefined) {
        throw new UsageError(t('cli.error.unknown-command', { name }));
      }
      io.stdout(mainHelp(ctx));
      return argv.includes('--help') || argv.includes('-h') ? 0 : 2;
    }
    const rest = argv.filter((_, index) => index !== commandIndex);
    const options = { ...command.options, ...GLOBAL_OPTIONS };
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: Object.fromEntries(
          Object.entries(options).map(([key, spec]) => [
            key,
            {
              type: spec.type,
              ...(spec.short === undefined ? {} : { short: spec.short }),
              ...(spec.multiple === true ? { multiple: true } : {}),
            },
          ]),
        ),
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new UsageError(t('cli.error.bad-arguments', { detail }));
    }
    if (parsed.values.help === true) {
      io.stdout(commandHelp(ctx, command));
      return 0;
    }
    if (parsed.values.version === true) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    for (const [key, spec] of Object.entries(options)) {
      const value = parsed.values[key];
      if (typeof value === 'string' && spec.values !== undefined && !spec.values.includes(value)) {
        throw new UsageError(
          t('cli.error.bad-value', { option: key, value, allowed: spec.values.join(', ') }),
        );
      }
    }
    const { min, max, names } = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new UsageError(
        t('cli.error.positionals', { usage: `vigie ${command.name} ${command.usage}`, names }),
      );
    }
    // parseArgs types repeated booleans as arrays too; only string options are declared multiple
    const values = parsed.values as ParsedArgs['values'];
    return await command.run(ctx, { values, positionals: parsed.positionals });
  } catch (error) {
    return reportFailure(
      ctx,
      error,
      command === undefined ? 'vigie --help' : `vigie ${command.name} --help`,
    );
  }
}

/**
 * The message for standard output failing under the CLI (`vigie schema > /dev/full`): the entry
 * script prints it and exits 2 (a closed pipe, EPIPE, is no failure: it ends the run quietly).
 */
export function stdoutFailure(error: unknown, argv: readonly string[], env: CliIO['env']): string {
  const t = createTranslator(localeFlag(argv) ?? detectLocale(env));
  const failure = toFileAccessError(error, t('cli.file.stdout'), 'write');
  return `${t('severity.error')}: ${fileErrorMessage(t, failure)}\n`;
}
