import { err, ok, type Result } from './result.js';

/** Units accepted in model durations, with their length in minutes. */
export const DURATION_UNITS = {
  min: 1,
  h: 60,
  d: 1440,
  w: 10_080,
  mo: 43_200,
  y: 525_600,
} as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** `30min`, `4h`, `2d`, `1w`, `3mo`, `1y`, or `0`. */
export const DURATION_PATTERN = /^(?:0|\d+(?:\.\d+)?(?:min|h|d|w|mo|y))$/;

/** Parses a model duration into minutes. */
export function parseDuration(text: string): Result<number, { code: 'invalid-duration' }> {
  if (!DURATION_PATTERN.test(text)) return err({ code: 'invalid-duration' });
  if (text === '0') return ok(0);
  const match = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(text);
  const unit = match?.[2] as DurationUnit | undefined;
  if (match?.[1] === undefined || unit === undefined) return err({ code: 'invalid-duration' });
  return ok(Number(match[1]) * DURATION_UNITS[unit]);
}

/** Minutes of a duration already validated by the schema. */
export function durationMinutes(text: string): number {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed.value : Number.NaN;
}

/** Formats minutes back into the largest exact unit (`90` → `90min`, `2880` → `2d`). */
export function formatDuration(minutes: number): string {
  if (minutes === 0) return '0';
  const units = Object.entries(DURATION_UNITS).sort((a, b) => b[1] - a[1]);
  for (const [unit, size] of units) {
    if (minutes % size === 0) return `${minutes / size}${unit}`;
  }
  return `${minutes}min`;
}

/** Languages a duration is written in for a reader. */
export type DurationLocale = 'en' | 'fr';

/**
 * Formats minutes for a reader as days, hours and minutes, rounded to the minute: `4d 16h 30min`
 * in English, `4 j 16 h 30 min` in French (the units the documents use), `0min` / `0 min` for
 * nothing.
 */
export function formatDurationText(minutes: number, locale: DurationLocale = 'en'): string {
  const total = Math.max(0, Math.round(minutes));
  const [d, h, m] = locale === 'fr' ? [' j', ' h', ' min'] : ['d', 'h', 'min'];
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${String(days)}${d}`);
  if (hours > 0) parts.push(`${String(hours)}${h}`);
  if (rest > 0 || parts.length === 0) parts.push(`${String(rest)}${m}`);
  return parts.join(' ');
}

/** {@link formatDurationText} in French: `1 j`, `4 h 30 min`. */
export function formatDurationFr(minutes: number): string {
  return formatDurationText(minutes, 'fr');
}
