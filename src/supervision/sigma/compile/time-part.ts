/** Extraction of a part of a timestamp for the time modifiers (UTC; no timezone conversion, per spec). */
import type { TimePart } from '../modifiers/types.js';

function isoWeek(date: Date): number {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** The part of a timestamp (ISO text, or milliseconds since the epoch), or undefined. */
export function timePartOf(raw: unknown, part: TimePart): number | undefined {
  let ms: number;
  if (typeof raw === 'number') ms = raw;
  else if (typeof raw === 'string') ms = Date.parse(raw);
  else return undefined;
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  switch (part) {
    case 'minute':
      return date.getUTCMinutes();
    case 'hour':
      return date.getUTCHours();
    case 'day':
      return date.getUTCDate();
    case 'week':
      return isoWeek(date);
    case 'month':
      return date.getUTCMonth() + 1;
    case 'year':
      return date.getUTCFullYear();
  }
}
