import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../domain/diagnostic.js';
import { SECTION_NAMES, SECTIONS } from '../domain/model/index.js';
import { en, type MessageKey } from './en.js';
import { fr } from './fr.js';
import {
  createTranslator,
  detectLocale,
  interpolate,
  isLocale,
  LOCALES,
  MESSAGE_KEYS,
} from './index.js';

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

/** Keys whose French text is legitimately the English word. Keep short. */
const SAME_IN_BOTH: readonly MessageKey[] = [
  'kind.site',
  'kind.zone',
  'severity.info',
  'cli.options',
  'cli.summary.section',
  'section.sites',
  'section.zones',
  'cli.analyze.action',
];

describe('catalogues', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(MESSAGE_KEYS).toEqual(Object.keys(en));
  });

  it('have no empty message', () => {
    for (const key of MESSAGE_KEYS) {
      expect(en[key].trim(), key).not.toBe('');
      expect(fr[key].trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of MESSAGE_KEYS) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('have balanced braces (no mistyped placeholder)', () => {
    for (const key of MESSAGE_KEYS) {
      for (const text of [en[key], fr[key]]) {
        expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
      }
    }
  });

  it('translate every message, except the listed identical words', () => {
    const same = MESSAGE_KEYS.filter((key) => en[key] === fr[key]);
    expect(same).toEqual(SAME_IN_BOTH);
  });

  it('name every severity, entity kind and model section', () => {
    const keys: readonly string[] = MESSAGE_KEYS;
    const needed = [
      ...SEVERITIES.map((s) => `severity.${s}`),
      ...Object.values(SECTIONS).map((kind) => `kind.${kind}`),
      ...SECTION_NAMES.map((section) => `section.${section}`),
    ];
    expect(needed.filter((key) => !keys.includes(key))).toEqual([]);
    expect(needed).toHaveLength(3 + 10 + 10);
  });
});

describe('detectLocale', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'fr'],
    [{ LANG: 'en_GB.UTF-8' }, 'en'],
    [{ LANG: 'C' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LANG: 'FR_ca' }, 'fr'],
    [{ LANG: 'fr' }, 'fr'],
    [{ LC_MESSAGES: 'fr_BE', LANG: 'en_US' }, 'fr'],
    [{ LC_ALL: 'en_US', LC_MESSAGES: 'fr_FR', LANG: 'fr_FR' }, 'en'],
    [{ LC_ALL: 'fr_FR', LANG: 'en_US' }, 'fr'],
    [{ VIGIE_LANG: 'en', LC_ALL: 'fr_FR', LANG: 'fr_FR' }, 'en'],
    [{ VIGIE_LANG: 'fr', LC_ALL: 'en_US' }, 'fr'],
    [{ VIGIE_LANG: '', LANG: 'fr_FR' }, 'fr'],
    [{ VIGIE_LANG: undefined, LC_ALL: '', LANG: 'fr_FR' }, 'fr'],
    [{ LC_ALL: '', LC_MESSAGES: '', LANG: '' }, 'en'],
  ] as const)('%o → %s', (env, locale) => {
    expect(detectLocale(env)).toBe(locale);
  });
});

describe('interpolate', () => {
  it('replaces known placeholders, every time they appear', () => {
    expect(interpolate('{a} and {b}, {a} again', { a: 'x', b: 2 })).toBe('x and 2, x again');
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('Hello {name}, {missing}!', { name: 'Ada' })).toBe('Hello Ada, {missing}!');
    expect(interpolate('Hello {name}', undefined)).toBe('Hello {name}');
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
  });

  it('writes falsy values, and does not re-expand replaced text', () => {
    expect(interpolate('{n}|{s}', { n: 0, s: '' })).toBe('0|');
    expect(interpolate('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });

  it('only reads word placeholders', () => {
    expect(interpolate('{a-b} {a b} {}', { 'a-b': 1, a: 2 })).toBe('{a-b} {a b} {}');
  });
});

describe('createTranslator', () => {
  it('translates and interpolates in each locale', () => {
    const english = createTranslator('en');
    const french = createTranslator('fr');
    expect(english.locale).toBe('en');
    expect(french.locale).toBe('fr');
    expect(english('diag.flow-self-loop', { id: 'srv' })).toBe(
      'The flow goes from "srv" to itself.',
    );
    expect(french('diag.flow-self-loop', { id: 'srv' })).toBe(
      'Le flux va de « srv » vers lui-même.',
    );
    expect(english('kind.asset')).toBe('asset');
    expect(french('kind.asset')).toBe('actif');
  });

  it('formats numbers with the locale separators', () => {
    expect(createTranslator('en').number(1_234_567.891, 2)).toBe('1,234,567.89');
    expect(createTranslator('fr').number(1_234_567.891, 2)).toBe('1\u202f234\u202f567,89');
    expect(createTranslator('en').number(2.5)).toBe('3');
  });

  it('knows its locales', () => {
    expect(LOCALES).toEqual(['fr', 'en']);
    expect(LOCALES.every(isLocale)).toBe(true);
    expect(['de', 'FR', '', 'fr-FR'].filter(isLocale)).toEqual([]);
  });
});
