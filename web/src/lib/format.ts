/**
 * Numbers formatted by what they are: a count (grouped: 12 345 / 12,345), a port or an
 * identifier (never grouped: 8443, 10001), a percentage, a size in bytes, a duration.
 */
import type { Lang } from '../../../src/platform/api/types';

export type NumberKind = 'count' | 'port' | 'id' | 'percent' | 'bytes' | 'duration';

const LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };

/** The Intl locale of a UI language. */
export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

const BYTE_UNITS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['B', 'KB', 'MB', 'GB', 'TB'],
  fr: ['o', 'Ko', 'Mo', 'Go', 'To'],
};

/** A count: grouped by thousands in the language's way. */
export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 }).format(n);
}

/** A port, an identifier, a year, a version number: digits only, never grouped. */
export function formatPlain(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toString();
}

/** A ratio (0.42) as a percentage (42 %). */
export function formatRatio(lang: Lang, ratio: number, digits = 0): string {
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** A size in bytes with a binary unit step (1 KB = 1024 bytes), one decimal above bytes. */
export function formatBytes(lang: Lang, bytes: number): string {
  let value = Math.abs(bytes);
  let unit = 0;
  const units = BYTE_UNITS[lang];
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(localeOf(lang), {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(Math.sign(bytes) * value);
  return `${number}\u00a0${units[unit] ?? ''}`;
}

/** A duration in seconds as its two largest units (`1 h 5 min`, `45 s`, `2 d 3 h`). */
export function formatDuration(lang: Lang, seconds: number): string {
  const units = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ] as const;
  let rest = Math.round(Math.abs(seconds));
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || (parts.length === 0 && unit === 'second')) {
      parts.push(
        new Intl.NumberFormat(localeOf(lang), {
          style: 'unit',
          unit,
          unitDisplay: 'narrow',
        }).format(amount),
      );
    }
    if (parts.length === 2) break;
    if (parts.length === 1 && amount === 0) break;
  }
  return `${seconds < 0 ? '−' : ''}${parts.join(' ')}`;
}

/** A number formatted by its kind (percent expects a ratio, duration seconds). */
export function formatNumberOf(kind: NumberKind, lang: Lang, n: number): string {
  if (!Number.isFinite(n)) return String(n);
  switch (kind) {
    case 'count':
      return formatCount(lang, n);
    case 'port':
    case 'id':
      return formatPlain(n);
    case 'percent':
      return formatRatio(lang, n);
    case 'bytes':
      return formatBytes(lang, n);
    case 'duration':
      return formatDuration(lang, n);
  }
}

/** Field names whose numbers are identifiers or ports: shown without thousands separators. */
const PLAIN_FIELD = /(?:^|[-_.])(?:port|ports|id|ids|vlan|asn|year|version|number|cve|pid)$/i;

/** The kind of a number in a field of the model, from its name (`port` → port, else count). */
export function numberKindOfField(field: string): NumberKind {
  const name = field.replace(/([a-z])([A-Z])/g, '$1_$2');
  if (/port/i.test(name) && PLAIN_FIELD.test(name)) return 'port';
  if (PLAIN_FIELD.test(name)) return 'id';
  return 'count';
}
