import { en, type MessageKey } from './en.js';
import { fr } from './fr.js';

export type { MessageKey } from './en.js';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageParams = Readonly<Record<string, string | number>>;

/** Turns a message key and its parameters into text in one locale. */
export interface Translator {
  readonly locale: Locale;
  (key: MessageKey, params?: MessageParams): string;
  /** Formats a number with the locale's separators. */
  number(value: number, maximumFractionDigits?: number): string;
}

const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, fr };

/** True for `fr` and `en`. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the locale from the environment: `VIGIE_LANG`, then `LC_ALL`, `LC_MESSAGES`, `LANG`.
 * French when the first set variable starts with `fr`, English otherwise.
 */
export function detectLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['VIGIE_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '')
      return value.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }
  return 'en';
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible to catch mistakes. */
export function interpolate(template: string, params: MessageParams | undefined): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function createTranslator(locale: Locale): Translator {
  const catalogue = CATALOGUES[locale];
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const translate = (key: MessageKey, params?: MessageParams): string =>
    interpolate(catalogue[key], params);
  return Object.assign(translate, {
    locale,
    number(value: number, maximumFractionDigits = 0): string {
      let format = numberFormats.get(maximumFractionDigits);
      if (format === undefined) {
        format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
          maximumFractionDigits,
        });
        numberFormats.set(maximumFractionDigits, format);
      }
      return format.format(value);
    },
  });
}

/** Every key of the catalogues (the English one is the reference). */
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];
