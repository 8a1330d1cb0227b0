import type { Locale } from '../i18n/index.js';

/** A text written in both languages, for content that lives beside the code (rules, checks). */
export interface LocalizedText {
  readonly fr: string;
  readonly en: string;
}

export const text = (en: string, fr: string): LocalizedText => ({ en, fr });

/** Picks the text of a locale. */
export function localize(value: LocalizedText, locale: Locale): string {
  return value[locale];
}
