/**
 * The UI's two languages. `useI18n()` gives `t(key, params)`, the current `lang` and `setLang`;
 * the choice is kept in localStorage and set on <html lang>.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Lang } from '../../../src/platform/api/types';
import { setApiLanguage } from '../lib/api';
import { expandPlurals } from '../lib/plural';
import account from './account';
import audit from './audit';
import common from './common';
import continuity from './continuity';
import continuitySim from './continuity-sim';
import dashboard from './dashboard';
import diagram from './diagram';
import documents from './documents';
import editor from './editor';
import explorer from './explorer';
import findings from './findings';
import onboarding from './onboarding';
import help from './help';
import forms from './forms';
import paths from './paths';
import securityAudit from './security-audit';
import versions from './versions';

export const AREAS = {
  common,
  dashboard,
  findings,
  paths,
  explorer,
  diagram,
  editor,
  forms,
  versions,
  documents,
  audit,
  account,
  onboarding,
  continuity,
  continuitySim,
  securityAudit,
  help,
};

const EN = {
  ...common.en,
  ...dashboard.en,
  ...findings.en,
  ...paths.en,
  ...explorer.en,
  ...diagram.en,
  ...editor.en,
  ...forms.en,
  ...versions.en,
  ...documents.en,
  ...audit.en,
  ...account.en,
  ...onboarding.en,
  ...continuity.en,
  ...continuitySim.en,
  ...securityAudit.en,
  ...help.en,
};
export type MessageKey = keyof typeof EN;
const FR: Readonly<Record<MessageKey, string>> = {
  ...common.fr,
  ...dashboard.fr,
  ...findings.fr,
  ...paths.fr,
  ...explorer.fr,
  ...diagram.fr,
  ...editor.fr,
  ...forms.fr,
  ...versions.fr,
  ...documents.fr,
  ...audit.fr,
  ...account.fr,
  ...onboarding.fr,
  ...continuity.fr,
  ...continuitySim.fr,
  ...securityAudit.fr,
  ...help.fr,
};
export const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = {
  en: EN,
  fr: FR,
};

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * Fills `{name}` placeholders; ICU plural blocks (`{n, plural, one {# path} other {# paths}}`)
 * pick their branch by the language's plural rules first (French: 0 and 1 are singular).
 */
export function format(template: string, params?: Params, lang: Lang = 'en'): string {
  if (params === undefined) return template;
  return expandPlurals(template, params, lang).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Looks up a key that is only known at run time (e.g. `column.<key>`), falling back to `fallback`. */
export function lookup(lang: Lang, key: string, fallback: string): string {
  const messages = MESSAGES[lang] as Readonly<Record<string, string>>;
  return messages[key] ?? fallback;
}

interface I18nValue {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: Translate;
  readonly formatNumber: (n: number) => string;
  readonly formatDate: (iso: string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);
const STORAGE_KEY = 'vigie.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    // storage unavailable: fall through
  }
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  // Set before children render, so their first requests already carry the language.
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore
    }
  }, []);
  const value = useMemo<I18nValue>(() => {
    const messages = MESSAGES[lang];
    const numbers = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
    const dates = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return {
      lang,
      setLang,
      t: (key, params) => format(messages[key], params, lang),
      formatNumber: (n) => numbers.format(n),
      formatDate: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dates.format(date);
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside I18nProvider');
  return value;
}
