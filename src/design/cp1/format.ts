import type { Locale } from '../../i18n/index.js';
import { text, type LocalizedText } from '../text.js';

const FORMATS: Readonly<Record<Locale, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-GB'),
  fr: new Intl.NumberFormat('fr-FR'),
};

/** A count written in both languages (`5,000` / `5 000`). */
export function count(value: number): LocalizedText {
  return text(FORMATS.en.format(value), FORMATS.fr.format(value));
}

/** Joins ids or names for a message: `a, b and c` / `a, b et c`. */
export function list(items: readonly string[]): LocalizedText {
  if (items.length <= 1) return text(items[0] ?? '', items[0] ?? '');
  const head = items.slice(0, -1).join(', ');
  const last = items.at(-1) ?? '';
  return text(`${head} and ${last}`, `${head} et ${last}`);
}
