/**
 * The options of `vigie pra` checked before any work: `--today` (a real calendar date) and
 * `--teams` (a whole number from 1 to 999). A refusal speaks the model's language, as the rest of
 * the command does: when the user gave no `--lang`, the model is read first to learn its locale.
 */
import type { Translator } from '../../../i18n/index.js';
import { UsageError, type CommandContext, type ParsedArgs } from '../../context.js';
import { loadModelAt } from '../../load-path.js';
import { todayIso } from '../analyze.js';

/** True for `YYYY-MM-DD` naming a day of the calendar (`2027-02-30` and `2027-13-45` are not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Adopts the language of the model at `modelPath` (unless `--lang` was given), then throws the
 * usage error `message` in it. A model that cannot be read leaves the language as it is.
 */
export async function refuse(
  ctx: CommandContext,
  modelPath: string | undefined,
  message: (t: Translator) => string,
): Promise<never> {
  if (modelPath !== undefined && ctx.adoptModelLocale !== undefined) {
    try {
      const { result } = await loadModelAt(ctx, modelPath);
      ctx.adoptModelLocale(result.model.organisation?.locale);
    } catch {
      // unreadable: the environment's language stays
    }
  }
  throw new UsageError(message(ctx.t));
}

/** The date of the analysis: `--today`, checked, or today. */
export async function todayOf(
  ctx: CommandContext,
  modelPath: string | undefined,
  values: ParsedArgs['values'],
): Promise<string> {
  const today = typeof values.today === 'string' ? values.today : todayIso();
  if (!isCalendarDate(today))
    await refuse(ctx, modelPath, (t) => t('cli.error.bad-date', { value: today }));
  return today;
}

/** The number of teams of `--teams`, if given, checked. */
export async function teamsOf(
  ctx: CommandContext,
  modelPath: string | undefined,
  values: ParsedArgs['values'],
): Promise<number | undefined> {
  const value = values.teams;
  if (typeof value !== 'string') return undefined;
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1)
    await refuse(ctx, modelPath, (t) => t('cli.pra.bad-teams', { value }));
  return Number(value);
}
